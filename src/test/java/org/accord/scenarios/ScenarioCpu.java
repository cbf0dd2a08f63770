package org.accord.scenarios;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.accord.bench.AbCpu;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/**
 * Thread CPU per sweep point and per simulation trial, whole and by part (issue 15), on
 * ScenarioBenchmark's work: the 25-practice example under mssp-basic, a 20-point sweep of the
 * sharing rate and trials drawn with seed 42. One thread. With a switch ({@code Class#field}, or
 * "-" for none) each round measures the old side and the new side interleaved. Run from the
 * repository root after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.scenarios.ScenarioCpu <switch> [rounds] [CPU s per measurement] [parts, as 0,3]}
 * With {@code -Dold=<compiled-rules dir>} (a copy of target/classes/compiled-rules built from other
 * rules) each round instead measures a simulation's trials under those rules and under the shipped
 * ones, interleaved, after checking that both give the same simulation (rule texts A/B).
 * Say the load average beside the figures.
 */
public final class ScenarioCpu {

    private ScenarioCpu() {
    }

    public static void main(String[] args) throws Exception {
        List<Field> switches = AbCpu.switches(args.length > 0 ? args[0] : "-");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        // the parts to measure, by their index in the list below (all by default): a flight recording of one part alone
        String only = args.length > 3 ? "," + args[3] + "," : null;
        EvaluationService service = EvaluationService.load();
        if (System.getProperty("old") != null) {
            oldAgainstNew(service, Path.of(System.getProperty("old")), rounds, seconds);
            return;
        }
        Scenarios scenarios = new Scenarios(service, 1);
        Scenarios twoThreads = new Scenarios(service, 2);
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        ContractChoice basic = ContractChoice.of("mssp-basic");
        SweepRequest sweep = new SweepRequest(basic, valley, List.of(new SweepRequest.Range("maximumSharingRate",
                new BigDecimal("0.40"), new BigDecimal("0.78"), new BigDecimal("0.02"))));
        SimulationRequest simulation = SimulationRequest.of(basic, valley).withTrials(200).withSeed(42);
        List<ContractChoice> points = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            points.add(basic.with("maximumSharingRate", new BigDecimal("0.40").add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(k)))));
        }
        PerformanceVariation variation = new PerformanceVariation(valley, 42, Simulator.expectedCostPerMember(simulation), 2.5, false, true);
        List<PerformanceFacts> trials = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            trials.add(variation.trial(t));
        }
        List<ContractChoice> same = Collections.nCopies(20, basic);
        List<PerformanceFacts> valleys = Collections.nCopies(20, valley);
        String[] names = {"sweep/point", "evaluateEach/point", "evaluateAll same/eval", "simulate/trial", "evaluateAll trials/trial",
            "draw/trial", "sweep on 1 thread, wall and process CPU/point", "sweep on 2 threads, wall and process CPU/point"};
        IntSupplier[] work = {
            () -> scenarios.sweep(sweep).points().size(),
            () -> service.evaluateEach(points, valley).size(),
            () -> service.evaluateAll(same, valleys).size(),
            () -> scenarios.simulate(simulation).trials(),
            () -> service.evaluateAll(same, trials).size(),
            () -> {
                for (int t = 0; t < 20; t++) {
                    variation.trial(t);
                }
                return 20;
            },
            () -> scenarios.sweep(sweep).points().size(),
            () -> twoThreads.sweep(sweep).points().size(),
        };
        // the last two parts compare one thread with two: wall time and the process's CPU time are measured, not the thread's
        int byWall = work.length - 2;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (boolean old : new boolean[] {true, false}) {
            AbCpu.set(switches, old);
            for (int i = 0; i < work.length; i++) {
                if (only == null || only.contains("," + i + ",")) {
                    measure(threads, work[i], seconds, i >= byWall);
                }
            }
        }
        for (int round = 1; round <= rounds; round++) {
            boolean[] order = switches.isEmpty() ? new boolean[] {false}
                    : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true};
            for (boolean old : order) {
                AbCpu.set(switches, old);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %s:", round, switches.isEmpty() ? "" : old ? "old" : "new"));
                for (int i = 0; i < work.length; i++) {
                    if (only != null && !only.contains("," + i + ",")) {
                        continue;
                    }
                    line.append(String.format(Locale.ROOT, "  %s %s", names[i], measure(threads, work[i], seconds, i >= byWall)));
                }
                System.out.println(line);
            }
        }
    }

    /**
     * Thread CPU per trial of the simulation (200 trials, seed 42, one thread) and of the engine alone on
     * 20 drawn trials, under another rule set's compiled module (old) and the shipped rules (new).
     */
    private static void oldAgainstNew(EvaluationService service, Path oldModule, int rounds, double seconds) throws Exception {
        org.accord.engine.RuleBase old = org.accord.engine.CompiledModules.open(oldModule);
        EvaluationService[] sides = {new EvaluationService(service.templates(), new org.accord.engine.Evaluator(old)), service};
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        ContractChoice basic = ContractChoice.of("mssp-basic");
        SimulationRequest simulation = SimulationRequest.of(basic, valley).withTrials(200).withSeed(42);
        PerformanceVariation variation = new PerformanceVariation(valley, 42, Simulator.expectedCostPerMember(simulation), 2.5, false, true);
        List<PerformanceFacts> trials = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            trials.add(variation.trial(t));
        }
        List<ContractChoice> same = Collections.nCopies(20, basic);
        Scenarios[] scenarios = {new Scenarios(sides[0], 1), new Scenarios(sides[1], 1)};
        String rulesHash = "\"rulesHash\" ?: ?\"sha256:[0-9a-f]+\"";
        String a = Json.write(scenarios[0].simulate(simulation)) + Json.write(sides[0].evaluateAll(same, trials));
        String b = Json.write(scenarios[1].simulate(simulation)) + Json.write(sides[1].evaluateAll(same, trials));
        System.out.println("old rules from " + oldModule + "; same simulation and settlements: "
                + a.replaceAll(rulesHash, "").equals(b.replaceAll(rulesHash, "")));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int side = 0; side < 2; side++) {
            int s = side;
            AbCpu.perUnit(threads, () -> scenarios[s].simulate(simulation).trials(), seconds);
            AbCpu.perUnit(threads, () -> sides[s].evaluateAll(same, trials).size(), seconds);
        }
        for (int round = 1; round <= rounds; round++) {
            int[] order = round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0};
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int side : order) {
                line.append(String.format(Locale.ROOT, "  %s simulate %.0f us/trial, evaluateAll %.0f us/trial", side == 0 ? "old" : "new",
                        AbCpu.perUnit(threads, () -> scenarios[side].simulate(simulation).trials(), seconds),
                        AbCpu.perUnit(threads, () -> sides[side].evaluateAll(same, trials).size(), seconds)));
            }
            System.out.println(line + "  load " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String measure(ThreadMXBean threads, IntSupplier work, double seconds, boolean byWallAndProcess) {
        if (!byWallAndProcess) {
            return String.format(Locale.ROOT, "%.0f us", AbCpu.perUnit(threads, work, seconds));
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wallStart = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        long until = wallStart + (long) (seconds * 1e9);
        long units = 0;
        while (System.nanoTime() < until) {
            units += work.getAsInt();
        }
        return String.format(Locale.ROOT, "%.0f / %.0f us", (System.nanoTime() - wallStart) / 1e3 / units,
                (os.getProcessCpuTime() - cpuStart) / 1e3 / units);
    }
}
