package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The same comparison as {@link AuthenticationBenchmark}, in CPU time of the calling thread
 * rather than elapsed time, so that a machine shared with other builds (waiting for a core)
 * does not count: rounds of each variant in turn, the first rounds as warm-up, and the CPU
 * microseconds per request of the last rounds' best.
 * Run: java -cp (the test class path) org.accord.bench.AuthenticationCpu [rounds] [requests per round]
 */
public final class AuthenticationCpu {

    private AuthenticationCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AuthenticationBenchmark bench = new AuthenticationBenchmark();
        bench.start();
        try {
            Map<String, Supplier<MvcResult>> variants = new LinkedHashMap<>();
            variants.put("no security", bench::noSecurity);
            variants.put("API key", bench::apiKey);
            variants.put("bearer token", bench::bearerToken);
            Map<String, Double> best = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Supplier<MvcResult>> variant : variants.entrySet()) {
                    long before = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < requests; i++) {
                        variant.getValue().get();
                    }
                    double microseconds = (threads.getCurrentThreadCpuTime() - before) / 1000.0 / requests;
                    if (round >= rounds / 2) {
                        best.merge(variant.getKey(), microseconds, Math::min);
                    }
                }
            }
            double none = best.get("no security");
            best.forEach((variant, cpu) -> System.out.printf("%-13s %8.1f µs CPU per request (%+.1f µs)%n", variant, cpu, cpu - none));
        } finally {
            bench.stop();
        }
    }
}
