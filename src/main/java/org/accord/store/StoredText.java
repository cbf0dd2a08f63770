package org.accord.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * A run's request and answer as stored since migration V5 (docs/store.md, "Runs compressed"): the
 * UTF-8 bytes of the JSON text, gzip (RFC 1952), compressed at deflate's fastest level. What is
 * kept is the text: any gzip reader gives it back byte for byte, and nothing hashes the compressed
 * bytes, so a later version may compress otherwise and still read every run stored before.
 */
final class StoredText {

    /**
     * The member header {@link java.util.zip.GZIPOutputStream} writes (no name, no time, OS unknown):
     * the bytes stored are the same as V5's, only the compressor is reused.
     */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER = 8;

    /**
     * Compressors kept between runs: a new one allocates deflate's window and tables each time, a
     * tenth of the run writer's CPU (docs/performance.md, "Storing within 2 ms"). Bounded, so the
     * request threads of a burst do not each keep one.
     */
    private static final BlockingQueue<Deflater> IDLE = new ArrayBlockingQueue<>(8);

    private StoredText() {
    }

    static byte[] compress(String text) {
        return compress(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] compress(byte[] utf8) {
        Deflater deflater = IDLE.poll();
        if (deflater == null) {
            // nowrap: raw deflate, the gzip header and trailer are written here.
            deflater = new Deflater(Deflater.BEST_SPEED, true);
        }
        try {
            deflater.setInput(utf8);
            deflater.finish();
            // JSON of settlements compresses ten times or more: start the buffer near the result's size.
            byte[] out = Arrays.copyOf(HEADER, HEADER.length + utf8.length / 8 + 64);
            int length = HEADER.length;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            CRC32 crc = new CRC32();
            crc.update(utf8);
            out = Arrays.copyOf(out, length + TRAILER);
            littleEndian(out, length, (int) crc.getValue());
            littleEndian(out, length + 4, utf8.length);
            return out;
        } finally {
            deflater.reset();
            if (!IDLE.offer(deflater)) {
                deflater.end();
            }
        }
    }

    private static void littleEndian(byte[] into, int at, int value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static String text(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored run's text is not gzip", e);
        }
    }
}
