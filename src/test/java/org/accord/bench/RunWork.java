package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Runs one work of {@link ClassesAbCpu}'s shape (a class with a static {@code trials()} answering an
 * {@code IntSupplier} of units done) on this thread, printing the thread CPU per unit every five seconds.
 * Without more arguments it runs until stopped. With async-profiler's library, an output file and two
 * durations in seconds it warms for the first, then records a CPU profile (collapsed stacks) through
 * async-profiler's Java API for the second and stops: what bench/profile/async.sh runs, with the profiler's
 * jar on the class path. Run from the repository root after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.bench.RunWork org.accord.scenarios.SimulationWork}
 */
public final class RunWork {

    private RunWork() {
    }

    public static void main(String[] args) throws Exception {
        String work = args.length > 0 ? args[0] : "org.accord.scenarios.SimulationWork";
        IntSupplier units = (IntSupplier) Class.forName(work).getMethod("trials").invoke(null);
        if (args.length < 5) {
            while (true) {
                runFor(work, units, 5);
            }
        }
        String library = args[1];
        String out = args[2];
        runFor(work, units, Double.parseDouble(args[3]));
        // The profiler's Java API, found on the class path by name so that the build needs no such dependency.
        Class<?> api = Class.forName("one.profiler.AsyncProfiler");
        Object profiler = api.getMethod("getInstance", String.class).invoke(null, library);
        Method execute = api.getMethod("execute", String.class);
        execute.invoke(profiler, "start,event=cpu,interval=1ms");
        runFor(work, units, Double.parseDouble(args[4]));
        execute.invoke(profiler, "stop,file=" + out + ",collapsed");
    }

    /** Runs the work for at least this many seconds of this thread's CPU, printing the CPU per unit every five seconds of it. */
    private static void runFor(String work, IntSupplier units, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (double left = seconds; left > 0; left -= 5) {
            System.out.printf(Locale.ROOT, "%s: %.1f us of thread CPU a unit%n", work, AbCpu.perUnit(threads, units, Math.min(5, left)));
        }
    }
}
