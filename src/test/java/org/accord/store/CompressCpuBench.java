package org.accord.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: the thread CPU of compressing a run's documents with a new gzip stream each (V5's
 * way) against {@link StoredText}'s reused compressor, interleaved A, B, A, B in one JVM
 * (docs/performance.md, "Storing within 2 ms").
 *
 * <p>{@code java -cp ... org.accord.store.CompressCpuBench FILE... [rounds] [documents a round]}
 */
public final class CompressCpuBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompressCpuBench() {
    }

    /** V5's compressor: a new stream, so a new Deflater, per document. */
    static byte[] newStreamEach(byte[] utf8) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(utf8);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[args.length - 2]);
        int each = Integer.parseInt(args[args.length - 1]);
        byte[][] documents = new byte[args.length - 2][];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = Files.readString(Path.of(args[i])).getBytes(StandardCharsets.UTF_8);
        }
        long sink = 0;
        double[][] perRun = new double[2][rounds];
        for (int round = -2; round < rounds; round++) {
            for (int which = 0; which < 2; which++) {
                int method = (which + Math.max(round, 0)) % 2;
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < each; i++) {
                    for (byte[] document : documents) {
                        sink += (method == 0 ? newStreamEach(document) : StoredText.compress(document)).length;
                    }
                }
                double ms = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / each;
                if (round >= 0) {
                    perRun[method][round] = ms;
                }
            }
        }
        for (int method = 0; method < 2; method++) {
            double[] sorted = perRun[method].clone();
            Arrays.sort(sorted);
            System.out.printf("%-22s thread CPU per run's documents: median %.3f ms, min %.3f, max %.3f; rounds %s%n",
                    method == 0 ? "new gzip stream each" : "reused Deflater", sorted[rounds / 2], sorted[0], sorted[rounds - 1],
                    Arrays.toString(Arrays.stream(perRun[method]).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
        }
        System.out.println("(" + sink + " bytes; load " + Files.readString(Path.of("/proc/loadavg")).trim() + ")");
    }
}
