package org.accord.engine;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.bench.AbCpu;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;

/**
 * Bytes allocated and thread CPU per evaluation (issue 15), on one thread: the 25-practice example
 * under mssp-basic settled alone (as a request settles it), the 2018 backtest's 548 ACOs (per ACO,
 * compared with the file as the backtest does) and a simulation of that example (per trial, on one
 * thread). The allocation counter of the thread is a count, not a time: it holds on a loaded machine.
 *
 * <p>A change under test keeps its old path behind static boolean fields ({@code Class#field}, as
 * {@link AbCpu}); the sides alternate round by round (old new, new old, ...). Run from the repository
 * root after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.engine.AllocationPerEvaluation
 * [<class#field>[,...] | -] [rounds] [CPU s per measurement]}; {@code -Donly=0} (1, 2) runs the first (second, third)
 * work alone, to record its allocation sites (-XX:StartFlightRecording). Say the load average beside the CPU figures.
 */
public final class AllocationPerEvaluation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int TRIALS = 200;

    private AllocationPerEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        List<Field> switches = AbCpu.switches(args.length > 0 ? args[0] : "-");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        EvaluationService service = System.getProperty("options") == null ? EvaluationService.load() : withOptions(System.getProperty("options"));
        AbCpu.Work work = AbCpu.Work.load();
        PerformanceFacts valley = work.valley();
        BacktestInput input = work.backtest();
        ContractChoice basic = ContractChoice.of("mssp-basic");
        Scenarios scenarios = new Scenarios(service, 1);
        SimulationRequest simulation = SimulationRequest.of(basic, valley).withTrials(TRIALS);
        String[] names = {"single", "backtest/ACO", "trial"};
        IntSupplier[] work3 = {
            () -> service.evaluate(basic, valley) == null ? 0 : 1,
            () -> Backtest.compare(input, Backtest.evaluate(service, input)).total(),
            () -> scenarios.simulate(simulation).trials(),
        };
        // -Donly=<index> (0 single, 1 backtest, 2 trial): that work alone, for a recording of its allocation sites.
        String only = System.getProperty("only");
        if (only != null) {
            int i = Integer.parseInt(only);
            for (int round = 1; round <= rounds; round++) {
                double[] m = measure(work3[i], seconds);
                System.out.printf(Locale.ROOT, "%s %.1f KB %.0f us%n", names[i], m[0] / 1024, m[1]);
            }
            return;
        }
        boolean[] sides = switches.isEmpty() ? new boolean[] {false} : new boolean[] {true, false};
        for (boolean old : sides) {
            AbCpu.set(switches, old);
            for (IntSupplier w : work3) {
                AbCpu.perUnit(THREADS, w, seconds * 2);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            boolean[] order = sides.length == 1 ? sides : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true};
            for (boolean old : order) {
                AbCpu.set(switches, old);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-3s", round,
                        switches.isEmpty() ? "" : old ? "old" : "new"));
                for (int i = 0; i < work3.length; i++) {
                    double[] m = measure(work3[i], seconds);
                    line.append(String.format(Locale.ROOT, "  %s %.1f KB %.0f us", names[i], m[0] / 1024, m[1]));
                }
                System.out.println(line + String.format(Locale.ROOT, "  load %.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            }
        }
    }

    /** The shipped rules opened with Drools properties ({@code -Doptions=drools.x=y,...}), to see what an option saves. */
    static EvaluationService withOptions(String pairs) {
        java.util.Properties options = new java.util.Properties();
        for (String pair : pairs.split(",")) {
            String[] kv = pair.split("=");
            options.setProperty(kv[0], kv[1]);
        }
        RuleBase shipped = RuleBases.builtIn();
        RuleBase tried = RuleBase.fromKjar(PrecompiledRules.onClasspath().orElseThrow().kjar(), shipped.fileHashes(), options);
        System.out.println("rule base opened with " + options);
        return new EvaluationService(org.accord.terms.TemplateCatalog.load(), new Evaluator(tried));
    }

    /** Bytes allocated and thread CPU microseconds per unit, over units until the CPU seconds given are used. */
    static double[] measure(IntSupplier work, double seconds) {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        long start = THREADS.getCurrentThreadCpuTime();
        long until = start + (long) (seconds * 1e9);
        long units = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            units += work.getAsInt();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        return new double[] {(double) (THREADS.getCurrentThreadAllocatedBytes() - bytes) / units, cpu / 1e3 / units};
    }
}
