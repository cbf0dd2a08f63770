package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The same comparison as {@link WhatIfBenchmark} (fresh sessions against one kept session), in
 * CPU time of the calling thread rather than elapsed time, so that a machine shared with other
 * builds does not count: rounds of each variant in turn (each printed as it ends), the first half
 * as warm-up, and the CPU milliseconds per operation of the last half's best.
 * Run: java -cp (the test class path) org.accord.bench.WhatIfCpu [rounds]
 */
public final class WhatIfCpu {

    private WhatIfCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
        for (String sessions : new String[] {"fresh", "incremental"}) {
            WhatIfBenchmark bench = new WhatIfBenchmark();
            bench.sessions = sessions;
            bench.setUp();
            variants.put("sweep, 20 points, " + sessions, bench::sweep20Points);
            variants.put("trials, " + WhatIfBenchmark.TRIALS + ", " + sessions, bench::trials200);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<Object>> variant : variants.entrySet()) {
                long before = threads.getCurrentThreadCpuTime();
                variant.getValue().get();
                double milliseconds = (threads.getCurrentThreadCpuTime() - before) / 1e6;
                System.out.printf("round %d  %-40s %10.1f CPU ms%n", round, variant.getKey(), milliseconds);
                if (round >= rounds / 2) {
                    best.merge(variant.getKey(), milliseconds, Math::min);
                }
            }
        }
        System.out.println("CPU ms per operation, best of the last " + (rounds - rounds / 2) + " rounds (load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "):");
        best.forEach((variant, ms) -> System.out.printf("  %-40s %10.1f%n", variant, ms));
    }
}
