package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Not a test: how runs were compressed from V5 until zstd replaced it (StoredText's gzip with a
 * reused Deflater, as it was), kept to measure against (CompressCpuBench, CommitCostBench).
 */
final class GzipAsV5 {

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
    private static final BlockingQueue<Compressor> IDLE = new ArrayBlockingQueue<>(8);

    /** Above this, a compressor's output buffer is not kept: a rare huge run does not pin its size. */
    private static final int KEPT_OUTPUT_AT_MOST = 256 * 1024;

    /**
     * A deflater and the buffer it writes into, kept together: the output was a buffer guessed from
     * the input's size, doubled when too small and copied to its length, three arrays per text; now
     * the one array copied out is the stored bytes themselves.
     */
    private static final class Compressor {
        // nowrap: raw deflate, the gzip header and trailer are written here.
        final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        final CRC32 crc = new CRC32();
        byte[] output = new byte[32 * 1024];
    }

    private GzipAsV5() {
    }

    static byte[] compress(String text) {
        return compress(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] compress(byte[] utf8) {
        return compress(utf8, utf8.length);
    }

    /** The gzip of the first {@code length} bytes of {@code utf8}. */
    static byte[] compress(byte[] utf8, int length) {
        Compressor compressor = IDLE.poll();
        if (compressor == null) {
            compressor = new Compressor();
        }
        Deflater deflater = compressor.deflater;
        try {
            deflater.setInput(utf8, 0, length);
            deflater.finish();
            byte[] out = compressor.output;
            System.arraycopy(HEADER, 0, out, 0, HEADER.length);
            int written = HEADER.length;
            while (!deflater.finished()) {
                if (written == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                written += deflater.deflate(out, written, out.length - written);
            }
            if (out.length <= KEPT_OUTPUT_AT_MOST) {
                compressor.output = out;
            }
            compressor.crc.reset();
            compressor.crc.update(utf8, 0, length);
            byte[] gzip = Arrays.copyOf(out, written + TRAILER);
            littleEndian(gzip, written, (int) compressor.crc.getValue());
            littleEndian(gzip, written + 4, length);
            return gzip;
        } finally {
            deflater.reset();
            if (!IDLE.offer(compressor)) {
                deflater.end();
            }
        }
    }

    private static void littleEndian(byte[] into, int at, int value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
