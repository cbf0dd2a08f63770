package org.accord.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's request and answer as stored since migration V5 (docs/store.md, "Runs compressed"): the
 * UTF-8 bytes of the JSON text, gzip (RFC 1952), compressed at deflate's fastest level. What is
 * kept is the text: any gzip reader gives it back byte for byte, and nothing hashes the compressed
 * bytes, so a later version may compress otherwise and still read every run stored before.
 */
final class StoredText {

    private StoredText() {
    }

    static byte[] compress(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // JSON of settlements compresses ten times or more: start the buffer near the result's size.
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 8 + 64);
        try (GZIPOutputStream gzip = new FastestGzip(out)) {
            gzip.write(utf8);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    static String text(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored run's text is not gzip", e);
        }
    }

    /** The fastest level: about half the CPU of the default (6) for a fifth more bytes (docs/performance.md, issue 16). */
    private static final class FastestGzip extends GZIPOutputStream {
        FastestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
