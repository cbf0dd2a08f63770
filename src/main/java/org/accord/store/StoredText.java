package org.accord.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * A run's request and answer as stored (docs/store.md, "Runs compressed"): the UTF-8 bytes of the
 * JSON text, compressed. Since V6 a run is written as one zstd frame (RFC 8878) holding the text's
 * size and a checksum; runs written under V5 are gzip (RFC 1952). Each is told apart by its first
 * bytes, so every run stored before reads as it did. What is kept is the text: nothing hashes the
 * compressed bytes, so a later version may compress otherwise again.
 */
final class StoredText {

    /** The first bytes of a zstd frame (28 b5 2f fd, little-endian 0xFD2FB528). */
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    /** The first bytes of a gzip member. */
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

    /**
     * zstd's level 1: about a third of gzip's fastest level in CPU and a fifth smaller on a run's
     * texts. The negative levels saved at most 0.03 ms a run for half as many bytes again, which
     * the commit then writes (docs/performance.md, issue 16).
     */
    static final int LEVEL = 1;

    /** A decompressed text larger than this is refused rather than allocated: no run comes near it. */
    private static final long LARGEST_TEXT = Integer.MAX_VALUE - 16;

    /**
     * Compressors kept between runs: a zstd context allocates its tables once, not per document.
     * Bounded, so the request threads of a burst do not each keep one; a context is one thread's at a time.
     */
    private static final BlockingQueue<Compressor> IDLE = new ArrayBlockingQueue<>(8);

    /** Above this, a compressor's output buffer is not kept: a rare huge run does not pin its size. */
    private static final int KEPT_OUTPUT_AT_MOST = 256 * 1024;

    /** A zstd context and the buffer it writes into: the one array copied out is the stored bytes. */
    private static final class Compressor {
        final ZstdCompressCtx context = new ZstdCompressCtx().setLevel(LEVEL).setChecksum(true).setContentSize(true);
        byte[] output = new byte[32 * 1024];
    }

    private StoredText() {
    }

    static byte[] compress(String text) {
        return compress(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] compress(byte[] utf8) {
        return compress(utf8, utf8.length);
    }

    /** The zstd frame of the first {@code length} bytes of {@code utf8}. */
    static byte[] compress(byte[] utf8, int length) {
        Compressor compressor = IDLE.poll();
        if (compressor == null) {
            compressor = new Compressor();
        }
        boolean kept = false;
        try {
            int bound = (int) Zstd.compressBound(length);
            byte[] out = compressor.output.length >= bound ? compressor.output : new byte[bound];
            int written = compressor.context.compressByteArray(out, 0, out.length, utf8, 0, length);
            byte[] stored = Arrays.copyOf(out, written);
            if (out.length <= KEPT_OUTPUT_AT_MOST) {
                compressor.output = out;
            }
            // Offered only once its buffer is copied out: the next thread to take it writes there.
            kept = IDLE.offer(compressor);
            return stored;
        } finally {
            if (!kept) {
                compressor.context.close();
            }
        }
    }

    /** The text of a stored document, whichever format it was compressed in. */
    static String text(byte[] stored) {
        if (startsWith(stored, ZSTD_MAGIC)) {
            return new String(unzstd(stored), StandardCharsets.UTF_8);
        }
        if (startsWith(stored, GZIP_MAGIC)) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 8192)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Unreadable("a stored run's text is not readable gzip (" + stored.length + " bytes): " + e.getMessage(), e);
            }
        }
        throw new Unreadable("a stored run's text is neither zstd (28 b5 2f fd) nor gzip (1f 8b): "
                + stored.length + " bytes starting " + HexFormat.ofDelimiter(" ").formatHex(stored, 0, Math.min(4, stored.length)));
    }

    private static byte[] unzstd(byte[] frame) {
        long size = Zstd.getFrameContentSize(frame);
        if (size < 0 || size > LARGEST_TEXT) {
            // Negative: an error code, or no size in the frame (not one this class wrote).
            throw new Unreadable("a stored run's text is not a readable zstd frame (" + frame.length
                    + " bytes): " + (size < 0 ? "no content size in its header" : "content size " + size));
        }
        try {
            byte[] text = Zstd.decompress(frame, (int) size);
            if (text.length != size) {
                throw new Unreadable("a stored run's text is a truncated zstd frame: " + text.length + " of " + size + " bytes");
            }
            return text;
        } catch (ZstdException e) {
            throw new Unreadable("a stored run's text is not a readable zstd frame (" + frame.length + " bytes): "
                    + e.getMessage(), e);
        }
    }

    /** A stored text that no longer decompresses: damaged in the store, not by anything a caller sent. */
    static final class Unreadable extends IllegalStateException {

        Unreadable(String message) {
            super(message);
        }

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
