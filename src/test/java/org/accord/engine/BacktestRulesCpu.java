package org.accord.engine;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.EvaluationService;
import org.accord.terms.TemplateCatalog;

/**
 * Rule texts A/B on the 2018 backtest (issue 15): the whole evaluation ({@code evaluateAll}, what
 * BacktestBenchmark times) with another rule set's compiled module (its rules.kjar and rule-files.sha256,
 * as the build writes them in target/classes/compiled-rules: keep a copy from the old rules) against the
 * shipped rules, in interleaved rounds on one thread; thread CPU and bytes allocated per ACO, medians.
 * Bytes allocated hardly move with the load, CPU does: say the load average beside the figures.
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.engine.BacktestRulesCpu <old compiled-rules dir> [rounds] [CPU s per measurement]}
 */
public final class BacktestRulesCpu {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        RuleBase old = RuleBase.fromKjar(Files.readAllBytes(Path.of(args[0], "rules.kjar")),
                PrecompiledRules.parseHashes(Files.readString(Path.of(args[0], "rule-files.sha256"))));
        RuleBase neu = RuleBases.builtIn();
        TemplateCatalog templates = TemplateCatalog.load();
        EvaluationService[] sides = {new EvaluationService(templates, new Evaluator(old)), new EvaluationService(templates, new Evaluator(neu))};
        BacktestInput input;
        try (Reader r = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            input = Backtest.read(r);
        }
        // Same answers first: rule sets of other text name other rules hashes, nothing else may differ.
        String rulesHash = "\"rulesHash\" ?: ?\"sha256:[0-9a-f]+\"";
        System.out.println("same settlements apart from rulesHash: "
                + org.accord.io.Json.write(sides[0].evaluateAll(input.contracts(), input.facts())).replaceAll(rulesHash, "")
                        .equals(org.accord.io.Json.write(sides[1].evaluateAll(input.contracts(), input.facts())).replaceAll(rulesHash, "")));
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double[][] cpu = new double[2][rounds], bytes = new double[2][rounds];
        for (int w = 0; w < 2; w++) for (EvaluationService s : sides) run(t, id, s, input, seconds * 3);
        for (int r = 0; r < rounds; r++) {
            int[] order = r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
            for (int side : order) {
                double[] m = run(t, id, sides[side], input, seconds);
                cpu[side][r] = m[0];
                bytes[side][r] = m[1];
            }
            System.out.printf(Locale.ROOT, "round %2d old %.1f us %.1f KB  new %.1f us %.1f KB  load %.1f%n", r + 1, cpu[0][r], bytes[0][r] / 1024,
                    cpu[1][r], bytes[1][r] / 1024, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) ratio[r] = cpu[1][r] / cpu[0][r];
        System.out.printf(Locale.ROOT, "median per ACO: old %.1f us %.2f KB, new %.1f us %.2f KB; new/old CPU median of rounds %.3f%n",
                median(cpu[0]), median(bytes[0]) / 1024, median(cpu[1]), median(bytes[1]) / 1024, median(ratio));
    }

    static double[] run(com.sun.management.ThreadMXBean t, long id, EvaluationService s, BacktestInput input, double seconds) {
        long c0 = t.getCurrentThreadCpuTime(), b0 = t.getThreadAllocatedBytes(id);
        long until = c0 + (long) (seconds * 1e9);
        long n = 0;
        while (t.getCurrentThreadCpuTime() < until) {
            n += s.evaluateAll(input.contracts(), input.facts()).size();
        }
        return new double[] {(t.getCurrentThreadCpuTime() - c0) / 1e3 / n, (double) (t.getThreadAllocatedBytes(id) - b0) / n};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
