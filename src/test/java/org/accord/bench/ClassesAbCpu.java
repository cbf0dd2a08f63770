package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Old classes against new in one JVM (issue 15): each side's classes (Java and compiled rules, as a
 * target/classes directory) in a class loader of its own above the libraries, the work loaded from
 * the test classes into each, and the sides timed in interleaved rounds (which goes first alternates),
 * so both see the same load and neither needs a switch in the code under test. Prints thread CPU and
 * bytes allocated per unit of work, after checking that both sides give the same answer. Run from the
 * repository root after {@code mvn test-compile}, with a copy of the old build's target/classes, and with only
 * the libraries and this class on the class path (were the project's classes on it, both sides would load them):
 * {@code mkdir -p /tmp/ab/org/accord/bench && cp target/test-classes/org/accord/bench/ClassesAbCpu.class /tmp/ab/org/accord/bench/ &&
 * java -cp "/tmp/ab:$(cat target/bench.classpath)" org.accord.bench.ClassesAbCpu <old classes> target/classes target/test-classes [rounds] [CPU s]}
 * Say the load average beside the figures.
 */
public final class ClassesAbCpu {

    private ClassesAbCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path testClasses = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 3;
        // Another work of the same shape (static trials() and json()) with -Dab.work=: org.accord.api.RequestPathWork
        // (an evaluation request's path), org.accord.bench.BacktestWork (the 2018 backtest, per ACO).
        String work = System.getProperty("ab.work", "org.accord.scenarios.SimulationWork");
        String[] names = {"old", "new"};
        ClassLoader[] loaders = {loader(Path.of(args[0]), testClasses), loader(Path.of(args[1]), testClasses)};
        IntSupplier[] units = new IntSupplier[2];
        String[] answers = new String[2];
        for (int side = 0; side < 2; side++) {
            ClassLoader loader = loaders[side];
            Class<?> type = Class.forName(work, true, loader);
            answers[side] = in(loader, () -> {
                @SuppressWarnings("unchecked")
                Supplier<String> json = (Supplier<String>) type.getMethod("json").invoke(null);
                return json.get();
            });
            units[side] = in(loader, () -> (IntSupplier) type.getMethod("trials").invoke(null));
        }
        // A side with other rule texts names another rules hash, and nothing else may differ.
        String rulesHash = "\"rulesHash\" ?: ?\"sha256:[0-9a-f]+\"";
        System.out.println("same answer on both sides: " + answers[0].equals(answers[1]) + "; apart from the rules hash: "
                + answers[0].replaceAll(rulesHash, "").equals(answers[1].replaceAll(rulesHash, "")) + " (" + answers[0].length() + " characters)");
        for (int side = 0; side < 2; side++) {
            measure(loaders[side], units[side], seconds);
            measure(loaders[side], units[side], seconds);
        }
        List<double[]> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            int[] order = round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0};
            double[] row = new double[4];
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int side : order) {
                double[] m = measure(loaders[side], units[side], seconds);
                row[side * 2] = m[0];
                row[side * 2 + 1] = m[1];
                line.append(String.format(Locale.ROOT, "  %s %.1f us %.1f KB", names[side], m[0], m[1] / 1024));
            }
            results.add(row);
            System.out.println(line + String.format(Locale.ROOT, "  new/old CPU %.3f  load %.2f", row[2] / row[0],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        System.out.println(String.format(Locale.ROOT, "medians: old %.1f us %.1f KB, new %.1f us %.1f KB; median of rounds' new/old CPU %.3f, bytes %.3f",
                median(results, r -> r[0]), median(results, r -> r[1]) / 1024, median(results, r -> r[2]), median(results, r -> r[3]) / 1024,
                median(results, r -> r[2] / r[0]), median(results, r -> r[3] / r[1])));
    }

    private static ClassLoader loader(Path classes, Path testClasses) throws Exception {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()}, ClassesAbCpu.class.getClassLoader());
    }

    private static <T> T in(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Thread CPU microseconds and bytes allocated per unit, repeated until the CPU seconds given are used. */
    private static double[] measure(ClassLoader loader, IntSupplier work, double seconds) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return in(loader, () -> {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long start = threads.getCurrentThreadCpuTime();
            long until = start + (long) (seconds * 1e9);
            long units = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                units += work.getAsInt();
            }
            return new double[] {(threads.getCurrentThreadCpuTime() - start) / 1e3 / units,
                (double) (threads.getCurrentThreadAllocatedBytes() - bytes) / units};
        });
    }

    private static double median(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> value) {
        double[] values = rows.stream().mapToDouble(value).toArray();
        Arrays.sort(values);
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
