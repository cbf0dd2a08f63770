package org.accord.store;

import com.github.luben.zstd.ZstdCompressCtx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: the thread CPU and bytes of compressing a run's documents in several ways,
 * interleaved round by round in one JVM (docs/performance.md, "Storing within 2 ms", issue 16):
 * a new gzip stream each (V5's first way), V5's reused Deflater ({@link GzipAsV5}), zstd at a few
 * levels with a reused context, and {@link StoredText} as it stores now.
 *
 * <p>{@code java -cp ... org.accord.store.CompressCpuBench [FILE...] rounds documents-a-round}; with no
 * file, the 25-practice example's request and answer.
 */
public final class CompressCpuBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompressCpuBench() {
    }

    /** V5's first compressor: a new stream, so a new Deflater, per document. */
    static byte[] newStreamEach(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(utf8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** zstd at {@code level} with one context reused (this bench is one thread). */
    static Function<byte[], byte[]> zstd(int level, boolean checksum) {
        ZstdCompressCtx context = new ZstdCompressCtx().setLevel(level).setChecksum(checksum);
        return context::compress;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[args.length - 2]);
        int each = Integer.parseInt(args[args.length - 1]);
        byte[][] documents = new byte[args.length - 2][];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = Files.readString(Path.of(args[i])).getBytes(StandardCharsets.UTF_8);
        }
        if (documents.length == 0) {
            // No files named: the 25-practice example's request and its answer, as a run stores them.
            documents = new byte[][] {Files.readAllBytes(Path.of("examples/valley-ipa-request.json")),
                    org.accord.replay.Replay.answer(org.accord.evaluation.EvaluationService.load().evaluate(
                            org.accord.evaluation.ContractChoice.of("mssp-basic"),
                            org.accord.io.Json.readFacts(Path.of("examples/valley-ipa.json")))).toString().getBytes(StandardCharsets.UTF_8)};
        }
        Map<String, Function<byte[], byte[]>> ways = new LinkedHashMap<>();
        ways.put("gzip new stream each", CompressCpuBench::newStreamEach);
        ways.put("gzip reused (V5)", GzipAsV5::compress);
        ways.put("zstd 1 no checksum", zstd(1, false));
        ways.put("zstd 1 checksum", zstd(1, true));
        ways.put("zstd -1 checksum", zstd(-1, true));
        ways.put("zstd -3 checksum", zstd(-3, true));
        ways.put("zstd -7 checksum", zstd(-7, true));
        ways.put("zstd 3 checksum", zstd(3, true));
        ways.put("StoredText (now)", StoredText::compress);
        List<String> names = new ArrayList<>(ways.keySet());
        int n = names.size();
        double[][] perRun = new double[n][rounds];
        long[] bytes = new long[n];
        long sink = 0;
        for (int round = -3; round < rounds; round++) {
            for (int which = 0; which < n; which++) {
                int method = (which + Math.max(round, 0)) % n;
                Function<byte[], byte[]> way = ways.get(names.get(method));
                long size = 0;
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < each; i++) {
                    for (byte[] document : documents) {
                        size += way.apply(document).length;
                    }
                }
                double ms = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / each;
                sink += size;
                if (round >= 0) {
                    perRun[method][round] = ms;
                    bytes[method] = size / each;
                }
            }
        }
        for (int method = 0; method < n; method++) {
            double[] sorted = perRun[method].clone();
            Arrays.sort(sorted);
            System.out.printf("%-22s thread CPU per run's documents: median %.3f ms, min %.3f, max %.3f; %d bytes%n",
                    names.get(method), sorted[rounds / 2], sorted[0], sorted[rounds - 1], bytes[method]);
        }
        System.out.println("(" + sink + " bytes; load " + Files.readString(Path.of("/proc/loadavg")).trim() + ")");
    }
}
