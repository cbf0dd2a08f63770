package org.accord.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.IntSupplier;
import org.accord.backtest.Backtest;
import org.accord.bench.AbCpu;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.terms.TemplateCatalog;

/**
 * Interleaved A/B of rule-base options (issue 15): the shipped rule base against the same compiled
 * module opened with Drools properties ({@code drools.kieBaseMutability=DISABLED},
 * {@code drools.alphaNodeHashingThreshold=2}, ...), round by round in one JVM, thread CPU per
 * settlement of AbCpu's work (200 IPAs of the 25-practice example, the 2018 backtest). Without
 * {@code -Draw} it first checks that both give the same settlements, then times the whole
 * evaluation; with {@code -Draw=1} it times only the sessions' work (insert, fire, collect the
 * lines), and {@code -Donly=old-backtest} (or new-, -batch) times one side alone, for a profiler.
 * {@code java [-Draw=1] [-Dold=<compiled-rules dir>] -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.engine.OptionsCpu <property=value,...|none> [rounds] [CPU s]}
 * With {@code -Dold} the old side is another rule set's compiled module (rule texts A/B: keep a copy of
 * target/classes/compiled-rules built from the old rules) and the new side the shipped rules.
 * Say the load average beside the figures. A property that changes session behaviour for all
 * threads (drools.threadSafe=false) is safe here only because this runs on one thread.
 */
public final class OptionsCpu {
    public static void main(String[] args) throws Exception {
        Properties options = new Properties();
        for (String pair : args[0].equals("none") ? new String[0] : args[0].split(",")) {
            String[] kv = pair.split("=");
            options.setProperty(kv[0], kv[1]);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        PrecompiledRules precompiled = PrecompiledRules.onClasspath().orElseThrow();
        RuleBase shipped = RuleBases.builtIn();
        // -Dold=<dir>: the old side is another rule set's compiled module (its rules.kjar and rule-files.sha256,
        // as the build writes them in target/classes/compiled-rules), the new side the shipped rules.
        String oldModule = System.getProperty("old");
        RuleBase base = oldModule == null ? shipped : RuleBase.fromKjar(Files.readAllBytes(Path.of(oldModule, "rules.kjar")),
                PrecompiledRules.parseHashes(Files.readString(Path.of(oldModule, "rule-files.sha256"))));
        RuleBase tried = RuleBase.fromKjar(precompiled.kjar(), shipped.fileHashes(), options.isEmpty() ? null : options);
        TemplateCatalog templates = TemplateCatalog.load();
        EvaluationService old = new EvaluationService(templates, new Evaluator(base));
        EvaluationService neu = new EvaluationService(templates, new Evaluator(tried));
        AbCpu.Work work = AbCpu.Work.load();
        List<ContractChoice> contracts = work.contracts();
        List<PerformanceFacts> facts = work.facts();
        BacktestInput input = work.backtest();
        if (System.getProperty("raw") != null) {
            raw(base, tried, old, contracts, facts, input, rounds, seconds);
            return;
        }
        // Same answers first: every settlement of both works, byte for byte as JSON.
        String a = Json.write(old.evaluateAll(contracts.subList(0, 2), facts.subList(0, 2))) + Json.write(Backtest.evaluate(old, input));
        String b = Json.write(neu.evaluateAll(contracts.subList(0, 2), facts.subList(0, 2))) + Json.write(Backtest.evaluate(neu, input));
        // Rule sets of other text name other rules hashes; nothing else may differ.
        String rulesHash = "\"rulesHash\" ?: ?\"sha256:[0-9a-f]+\"";
        System.out.println("options " + options + (oldModule == null ? "" : ", old rules from " + oldModule)
                + "; same settlements: " + a.replaceAll(rulesHash, "").equals(b.replaceAll(rulesHash, "")));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EvaluationService[] sides = {old, neu};
        for (EvaluationService s : sides) {
            AbCpu.perUnit(threads, () -> s.evaluateAll(contracts, facts).size(), seconds);
            AbCpu.perUnit(threads, () -> Backtest.compare(input, Backtest.evaluate(s, input)).total(), seconds);
        }
        for (int round = 1; round <= rounds; round++) {
            int[] order = round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0};
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int side : order) {
                EvaluationService s = sides[side];
                line.append(String.format(Locale.ROOT, "  %s batch %.0f us/IPA, backtest %.1f us/ACO", side == 0 ? "old" : "new",
                        AbCpu.perUnit(threads, () -> s.evaluateAll(contracts, facts).size(), seconds),
                        AbCpu.perUnit(threads, () -> Backtest.compare(input, Backtest.evaluate(s, input)).total(), seconds)));
            }
            System.out.println(line + "  load " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Only the sessions' work: insert, fire, collect the lines, dispose (sessions cut as Evaluator cuts them). */
    static void raw(RuleBase base, RuleBase tried, EvaluationService service, List<ContractChoice> contracts, List<PerformanceFacts> facts,
            BacktestInput input, int rounds, double seconds) throws Exception {
        java.util.List<Evaluator.Request> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(new Evaluator.Request(service.check(contracts.get(i), facts.get(i)), facts.get(i)));
        }
        java.util.List<Evaluator.Request> acos = new java.util.ArrayList<>();
        for (int i = 0; i < input.facts().size(); i++) {
            acos.add(new Evaluator.Request(service.check(input.contracts().get(i), input.facts().get(i)), input.facts().get(i)));
        }
        java.lang.reflect.Method insert = Evaluator.class.getDeclaredMethod("insert", org.kie.api.runtime.KieSession.class, Evaluation.class, Evaluator.Request.class, boolean.class);
        insert.setAccessible(true);
        RuleBase[] sides = {base, tried};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.function.BiFunction<RuleBase, java.util.List<Evaluator.Request>, IntSupplier> work = (rules, requests) -> () -> {
            int per = requests.get(0).facts().practices().size() > 1 ? 20 : 100;
            int lines = 0;
            for (int from = 0; from < requests.size(); from += per) {
                org.kie.api.runtime.KieSession session = rules.kieBase().newKieSession();
                session.setGlobal("tables", rules.decisionTables());
                Lines written = new Lines(session::insert);
                if (Evaluator.declaresGlobal(rules, Evaluator.LINES)) {
                    session.setGlobal(Evaluator.LINES, written);
                }
                try {
                    for (int i = from; i < Math.min(requests.size(), from + per); i++) {
                        insert.invoke(null, session, new Evaluation(i), requests.get(i), Evaluator.matchesFactsOf(rules, Measure.class));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                Evaluator.fire(session);
                lines += written.written().size();
                for (Object line : session.getObjects(new org.kie.api.runtime.ClassObjectFilter(Line.class))) {
                    lines += written.inserted((Line) line) ? 0 : 1;
                }
                session.dispose();
            }
            if (lines == 0) {
                throw new IllegalStateException("no lines");
            }
            return requests.size();
        };
        if (System.getProperty("only") != null) {
            RuleBase r = System.getProperty("only").startsWith("new") ? tried : base;
            java.util.List<Evaluator.Request> which = System.getProperty("only").endsWith("batch") ? batch : acos;
            for (int round = 0; round < rounds; round++) {
                System.out.printf(Locale.ROOT, "%s %.1f us each%n", System.getProperty("only"), AbCpu.perUnit(threads, work.apply(r, which), seconds));
            }
            return;
        }
        for (RuleBase s : sides) {
            AbCpu.perUnit(threads, work.apply(s, batch), seconds);
            AbCpu.perUnit(threads, work.apply(s, acos), seconds);
        }
        for (int round = 1; round <= rounds; round++) {
            int[] order = round % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0};
            StringBuilder line = new StringBuilder("raw round " + round + ":");
            for (int side : order) {
                line.append(String.format(Locale.ROOT, "  %s batch %.0f us/IPA, backtest %.1f us/ACO", side == 0 ? "old" : "new",
                        AbCpu.perUnit(threads, work.apply(sides[side], batch), seconds), AbCpu.perUnit(threads, work.apply(sides[side], acos), seconds)));
            }
            System.out.println(line + "  load " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
