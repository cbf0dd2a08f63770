package org.accord.engine;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;

/**
 * A contract's own rule files against the whole rule base (issue 15), in one JVM, interleaved rounds on
 * one thread, thread CPU and bytes allocated per unit, medians: the 2018 backtest per ACO (the
 * {@code evaluateAll} BacktestBenchmark times), one evaluation of the 25-practice example under mssp-basic
 * (a pooled session, as a request settles), and a simulation trial of it (200 trials, seed 42, one
 * thread). Then, on a rule base loaded anew: the time to build each template's base and the heap the
 * bases hold after a collection. Say the load average beside the figures.
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.engine.RuleSelectionCpu [rounds] [CPU s per measurement]}
 */
public final class RuleSelectionCpu {

    private RuleSelectionCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        TemplateCatalog templates = TemplateCatalog.load();
        RuleBase rules = RuleBases.builtIn();
        EvaluationService whole = new EvaluationService(templates, Evaluator.onWholeRuleBase(rules));
        EvaluationService own = new EvaluationService(templates, new Evaluator(rules));
        EvaluationService[] sides = {whole, own};
        BacktestInput backtest;
        try (Reader r = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            backtest = Backtest.read(r);
        }
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        ContractChoice basic = ContractChoice.of("mssp-basic");
        SimulationRequest simulation = SimulationRequest.of(basic, valley).withTrials(200).withSeed(42);
        Scenarios[] scenarios = {new Scenarios(whole, 1), new Scenarios(own, 1)};

        // Same answers first.
        System.out.println("same backtest: " + Json.write(whole.evaluateAll(backtest.contracts(), backtest.facts()))
                .equals(Json.write(own.evaluateAll(backtest.contracts(), backtest.facts()))));
        System.out.println("same evaluation: " + Json.write(whole.evaluate(basic, valley)).equals(Json.write(own.evaluate(basic, valley))));
        System.out.println("same simulation: " + Json.write(scenarios[0].simulate(simulation)).equals(Json.write(scenarios[1].simulate(simulation))));

        String[] names = {"backtest 2018 / ACO", "25-practice evaluation (pooled session)", "simulation trial (25 practices)"};
        List<List<IntSupplier>> work = List.of(
                List.of(() -> whole.evaluateAll(backtest.contracts(), backtest.facts()).size(),
                        () -> own.evaluateAll(backtest.contracts(), backtest.facts()).size()),
                List.of(() -> {
                    whole.evaluate(basic, valley);
                    return 1;
                }, () -> {
                    own.evaluate(basic, valley);
                    return 1;
                }),
                List.of(() -> scenarios[0].simulate(simulation).trials(), () -> scenarios[1].simulate(simulation).trials()));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 2; w++) {
            for (List<IntSupplier> pair : work) {
                for (IntSupplier side : pair) {
                    run(threads, side, seconds * 2);
                }
            }
        }
        double[][][] cpu = new double[names.length][2][rounds];
        double[][][] bytes = new double[names.length][2][rounds];
        for (int r = 0; r < rounds; r++) {
            int[] order = r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
            for (int k = 0; k < names.length; k++) {
                for (int side : order) {
                    double[] m = run(threads, work.get(k).get(side), seconds);
                    cpu[k][side][r] = m[0];
                    bytes[k][side][r] = m[1];
                }
            }
            System.out.printf(Locale.ROOT, "round %2d done, load %.1f%n", r + 1, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.out.println("| work | whole base µs / KB | own files µs / KB | own/whole CPU, median of rounds | own/whole bytes |");
        for (int k = 0; k < names.length; k++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = cpu[k][1][r] / cpu[k][0][r];
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f / %.2f | %.1f / %.2f | %.3f | %.3f |%n", names[k], median(cpu[k][0]), median(bytes[k][0]) / 1024,
                    median(cpu[k][1]), median(bytes[k][1]) / 1024, median(ratio), median(bytes[k][1]) / median(bytes[k][0]));
        }
        buildingAndHeap(templates);
        System.exit(0);
    }

    /** On a rule base loaded anew: each distinct concept set's base built (wall and thread CPU), then the heap they hold. */
    private static void buildingAndHeap(TemplateCatalog templates) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long empty = heapAfterCollection(memory);
        RuleBase fresh = RuleBase.load();
        fresh.whole().sessions().done(fresh.whole().sessions().lend());
        long before = heapAfterCollection(memory);
        Map<Set<String>, String> conceptSets = new LinkedHashMap<>();
        for (ContractTemplate template : templates.all()) {
            Set<String> concepts = new TreeSet<>();
            template.clauses().stream().map(ClauseTemplate::concept).forEach(concepts::add);
            conceptSets.merge(concepts, template.id(), (a, b) -> a + ", " + b);
        }
        Set<RuleSelection> built = new LinkedHashSet<>();
        for (Map.Entry<Set<String>, String> set : conceptSets.entrySet()) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            RuleSelection selection = fresh.forConcepts(set.getKey());
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            double wallMs = (System.nanoTime() - wall) / 1e6;
            boolean isNew = built.add(selection);
            System.out.printf(Locale.ROOT, "base for %s: %d of %d files, %d rules, %s %.1f ms wall %.1f ms CPU%n", set.getValue(),
                    selection.files().size(), fresh.whole().files().size(),
                    selection.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
                    isNew ? "built in" : "already built,", wallMs, cpuMs);
        }
        // One session made in each, as the first evaluation on it would.
        built.forEach(selection -> selection.sessions().done(selection.sessions().lend()));
        long after = heapAfterCollection(memory);
        System.out.printf(Locale.ROOT, "heap after a collection: the rule set loaded anew (whole base, decision tables, one pooled session) %.1f MB;"
                + " its %d bases of some files (each with one pooled session) %.1f MB more%n",
                (before - empty) / 1048576.0, built.size(), (after - before) / 1048576.0);
        java.lang.ref.Reference.reachabilityFence(fresh);
        if (built.isEmpty()) {
            throw new IllegalStateException("nothing built");
        }
    }

    private static long heapAfterCollection(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static double[] run(com.sun.management.ThreadMXBean t, IntSupplier work, double seconds) {
        long id = Thread.currentThread().getId();
        long c0 = t.getCurrentThreadCpuTime();
        long b0 = t.getThreadAllocatedBytes(id);
        long until = c0 + (long) (seconds * 1e9);
        long n = 0;
        while (t.getCurrentThreadCpuTime() < until) {
            n += work.getAsInt();
        }
        return new double[] {(t.getCurrentThreadCpuTime() - c0) / 1e3 / n, (double) (t.getThreadAllocatedBytes(id) - b0) / n};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
