package org.accord.engine;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.drools.core.reteoo.*;
import org.drools.core.common.BaseNode;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.event.rule.*;
import org.kie.api.runtime.KieSession;

/**
 * What Drools does for backtest evaluations and one 25-practice IPA (issue 15): facts inserted by
 * class and by the rule that inserted them, rules fired, matches created and cancelled, and with a
 * second argument the network (node kinds, unindexed joins, join inputs per fact type). Lives in
 * the engine's package to insert as Evaluator does. Run from the repository root after
 * {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.engine.DroolsWork [ACOs] [net]}
 */
public final class DroolsWork {
    public static void main(String[] args) throws Exception {
        EvaluationService service = EvaluationService.load();
        RuleBase rules = service.rules();
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        BacktestInput input;
        try (Reader reader = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            input = Backtest.read(reader);
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Evaluator.Request> aco = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            aco.add(new Evaluator.Request(service.check(input.contracts().get(i), input.facts().get(i)), input.facts().get(i)));
        }
        run("backtest, " + n + " ACO(s)", rules, aco);
        run("25-practice IPA, mssp-basic", rules, List.of(new Evaluator.Request(service.check(ContractChoice.of("mssp-basic"), valley), valley)));
        if (args.length > 1) {
            network(rules);
        }
    }

    static void run(String title, RuleBase rules, List<Evaluator.Request> requests) throws Exception {
        Method insert = Evaluator.class.getDeclaredMethod("insert", KieSession.class, Evaluation.class, Evaluator.Request.class, boolean.class);
        insert.setAccessible(true);
        KieSession session = rules.kieBase().newKieSession();
        session.setGlobal("tables", rules.decisionTables());
        Lines lines = new Lines(session::insert);
        if (Evaluator.declaresGlobal(rules, Evaluator.LINES)) {
            session.setGlobal(Evaluator.LINES, lines);
        }
        Map<String, Integer> fired = new TreeMap<>(), created = new TreeMap<>(), cancelled = new TreeMap<>();
        Map<String, Integer> inserted = new TreeMap<>(), insertedByRule = new TreeMap<>(), updated = new TreeMap<>(), deleted = new TreeMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override public void afterMatchFired(AfterMatchFiredEvent e) { fired.merge(e.getMatch().getRule().getName(), 1, Integer::sum); }
            @Override public void matchCreated(MatchCreatedEvent e) { created.merge(e.getMatch().getRule().getName(), 1, Integer::sum); }
            @Override public void matchCancelled(MatchCancelledEvent e) { cancelled.merge(e.getMatch().getRule().getName(), 1, Integer::sum); }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override public void objectInserted(ObjectInsertedEvent e) {
                inserted.merge(e.getObject().getClass().getSimpleName(), 1, Integer::sum);
                insertedByRule.merge(e.getRule() == null ? "(Java)" : e.getRule().getName(), 1, Integer::sum);
            }
            @Override public void objectUpdated(ObjectUpdatedEvent e) { updated.merge(e.getObject().getClass().getSimpleName(), 1, Integer::sum); }
            @Override public void objectDeleted(ObjectDeletedEvent e) { deleted.merge(e.getOldObject().getClass().getSimpleName(), 1, Integer::sum); }
        });
        for (int i = 0; i < requests.size(); i++) {
            insert.invoke(null, session, new Evaluation(i), requests.get(i), Evaluator.matchesFactsOf(rules, Measure.class));
        }
        Evaluator.fire(session);
        System.out.println("=== " + title);
        System.out.println("inserted by class " + inserted + " total " + inserted.values().stream().mapToInt(i -> i).sum());
        System.out.println("updated " + updated + " deleted " + deleted);
        System.out.println("fired total " + fired.values().stream().mapToInt(i -> i).sum() + ", matches created " + created.values().stream().mapToInt(i -> i).sum()
                + ", cancelled " + cancelled.values().stream().mapToInt(i -> i).sum());
        fired.forEach((r, c) -> System.out.printf("  fired %4d  inserted %4d  %s%n", c, insertedByRule.getOrDefault(r, 0), r));
        created.forEach((r, c) -> { if (!fired.containsKey(r)) System.out.printf("  created %d, never fired: %s%n", c, r); });
        // Lines a rule writes to the global lines are inserted by it from Java, so they count here too.
        System.out.println("inserts from Java: " + insertedByRule.get("(Java)") + "; lines written to the global lines "
                + lines.written().size() + ", of which facts " + lines.written().stream().filter(lines::inserted).count());
        session.dispose();
    }

    static void network(RuleBase rules) {
        InternalRuleBase kbase = (InternalRuleBase) rules.kieBase();
        Set<BaseNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, Integer> kinds = new TreeMap<>();
        for (ObjectTypeNode otn : kbase.getRete().getObjectTypeNodes()) {
            walk(otn, seen, kinds);
        }
        System.out.println("nodes " + kinds);
        for (ObjectTypeNode otn : kbase.getRete().getObjectTypeNodes()) {
            int[] counts = new int[2];
            rightInputs(otn, counts, 0);
            System.out.printf("  %-40s right inputs %3d (behind alpha tests %3d)%n", otn.getObjectType(), counts[0] + counts[1], counts[1]);
        }
    }

    static void rightInputs(BaseNode node, int[] counts, int depth) {
        for (Object s : ((ObjectSource) node).getObjectSinkPropagator().getSinks()) {
            if (s instanceof AlphaNode alpha) {
                rightInputs(alpha, counts, depth + 1);
            } else if (s instanceof LeftInputAdapterNode) {
                // a rule's first pattern: no beta memory
            } else {
                counts[depth == 0 ? 0 : 1]++;
            }
        }
    }

    static void walk(BaseNode node, Set<BaseNode> seen, Map<String, Integer> kinds) {
        if (!seen.add(node)) return;
        String kind = node.getClass().getSimpleName();
        if (node instanceof BetaNode beta) {
            boolean indexed = beta.getRawConstraints().isIndexed();
            kind += indexed ? "(indexed)" : "(not indexed)";
            if (!indexed && beta.getRawConstraints().getConstraints().length > 0) {
                System.out.println("unindexed " + node.getClass().getSimpleName() + " " + Arrays.toString(beta.getRawConstraints().getConstraints())
                        + " rules " + Arrays.stream(node.getAssociatedRules()).map(r -> r.getName()).distinct().toList());
            }
        }
        kinds.merge(kind, 1, Integer::sum);
        Object[] sinks = node instanceof ObjectSource os ? os.getObjectSinkPropagator().getSinks()
                : node instanceof LeftTupleSource ls ? ls.getSinkPropagator().getSinks() : new Object[0];
        for (Object s : sinks) walk((BaseNode) s, seen, kinds);
    }
}
