package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.backtest.Backtest;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.settlement.Settlement;
import org.accord.terms.ClauseTerms;
import org.accord.terms.TemplateCatalog;
import org.accord.terms.Terms;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.model.api.DecisionTable;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rule coverage. Every rule in rules/ fires in at least one evaluation of the test suite's cases (the
 * golden cases, the examples under every template, and the branches listed here), and every row of
 * every decision table is reached by them or by the CMS public use file the backtest replays, unless
 * {@code src/test/resources/coverage-allowlist.yaml} names the row with the reason it cannot be.
 * No determination is invisible: every rule has an explanation and writes a line or a finding
 * whenever it fires. The run writes what it saw to {@code target/rule-coverage.md}.
 *
 * <p>Coverage is measured here, in one test class that replays the whole corpus of cases in its own
 * rule base, rather than gathered from every test class: surefire may run classes in several forks
 * and in any order, so a class "ordered last" sees only its own fork's events, and a report written
 * by many forks needs merging that a failed fork leaves half done. Replaying the corpus costs a few
 * seconds and gives the same answer whatever the forks, the order or the tests selected.
 */
class EveryRuleFiresTest {

    private static final Path REPORT = Path.of("target", "rule-coverage.md");
    private static final Path ALLOWLIST = Path.of("src/test/resources/coverage-allowlist.yaml");

    @Test
    void everyRuleFiresAndEveryTableRowIsReachedInAtLeastOneCase() throws IOException {
        // A rule base of its own: the tables remember their answers, and another test's evaluations
        // in this fork must not hide a row from the listener.
        EvaluationService service = new EvaluationService(TemplateCatalog.load(), new Evaluator(RuleBase.load()));
        Map<String, Integer> rowsReached = new TreeMap<>();
        service.rules().decisionTables().runtime().addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                event.getSelected().forEach(row -> rowsReached.merge(event.getDecisionTableName() + " row " + row, 1, Integer::sum));
            }
        });
        List<Evaluator.Request> requests = corpus(service);
        Map<String, Integer> fired = new TreeMap<>();
        Evaluator evaluator = new Evaluator(service.rules());
        List<Settlement> settlements = evaluator.evaluateAll(requests, Progress.NONE, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        });
        try (var cms = Files.newBufferedReader(CMS_2018)) {
            Backtest.evaluate(service, Backtest.read(cms));
        }

        Set<String> allRules = new TreeSet<>();
        service.rules().kieBase().getKiePackages().forEach(p -> p.getRules().stream().map(Rule::getName).forEach(allRules::add));
        Map<String, String> allRows = tableRows(service);
        Map<String, String> allowed = allowlist();
        writeReport(requests.size(), allRules, fired, allRows, rowsReached, allowed);

        assertThat(allRules).hasSizeGreaterThan(40);
        assertThat(allRows).isNotEmpty();
        Set<String> neverFired = new TreeSet<>(allRules);
        neverFired.removeAll(fired.keySet());
        assertThat(neverFired).as("rules that no test case fires (see %s)", REPORT).isEmpty();
        Set<String> neverReached = new TreeSet<>(allRows.keySet());
        neverReached.removeAll(rowsReached.keySet());
        neverReached.removeAll(allowed.keySet());
        assertThat(neverReached).as("decision-table rows that no test case reaches and the allowlist does not excuse (see %s)", REPORT).isEmpty();
        Set<String> allowedButReached = new TreeSet<>(allowed.keySet());
        allowedButReached.retainAll(rowsReached.keySet());
        assertThat(allowedButReached).as("rows the allowlist calls unreachable that a case reaches: remove them from %s", ALLOWLIST).isEmpty();
        Set<String> allowedButUnknown = new TreeSet<>(allowed.keySet());
        allowedButUnknown.removeAll(allRows.keySet());
        assertThat(allowedButUnknown).as("rows the allowlist names that no table has").isEmpty();

        Set<String> wroteALine = new TreeSet<>();
        for (Settlement settlement : settlements) {
            settlement.findings().forEach(line -> wroteALine.add(line.rule()));
            settlement.lines().forEach(line -> wroteALine.add(line.rule()));
        }
        Set<String> silent = new TreeSet<>(fired.keySet());
        silent.removeAll(wroteALine);
        // The IPA's totals are its inputs summed, not a determination: the lines that read them state them.
        silent.remove(Evaluator.TOTALS_RULE);
        assertThat(silent).as("rules that fired without writing a line or a finding").isEmpty();
    }

    private static final Path CMS_2018 = Path.of("examples/cms/mssp-aco-puf-2018.csv");

    /** The cases whose rule firings count: the golden cases, the examples and the branches they leave. */
    private static List<Evaluator.Request> corpus(EvaluationService service) {
        List<Evaluator.Request> requests = new ArrayList<>();
        for (GoldenCases.GoldenCase golden : GoldenCases.all()) {
            requests.add(new Evaluator.Request(service.check(golden.choice(), golden.facts()), golden.facts()));
        }
        PerformanceFacts valley = Engine.example("valley-ipa");
        for (String template : List.of("mssp-basic", "mssp-enhanced", "commercial-global-budget", "ma-capitation", "medicaid-ffs-p4p")) {
            requests.add(request(service, ContractChoice.of(template), valley));
        }
        PerformanceFacts failingQuality = withPayerFinding(valley, false);
        requests.add(request(service, ContractChoice.of("ma-capitation").with("riskAdjusted", false)
                .with("withholdReturnBasis", "all-or-nothing"), valley));
        requests.add(request(service, ContractChoice.of("ma-capitation"), failingQuality));
        requests.add(request(service, ContractChoice.of("commercial-global-budget").with("budgetPmpm", "1200"), failingQuality));
        requests.add(new Evaluator.Request(distributionWithoutCostTarget(service, valley), valley));
        return requests;
    }

    /** Every row of every decision table, as "table row n" (counted from 1, as DMN does), with its annotation. */
    private static Map<String, String> tableRows(EvaluationService service) {
        Map<String, String> rows = new TreeMap<>(Comparator.comparing((String row) -> row.substring(0, row.lastIndexOf(" row ")))
                .thenComparingInt(row -> Integer.parseInt(row.substring(row.lastIndexOf(' ') + 1))));
        for (DMNModel model : service.rules().decisionTables().runtime().getModels()) {
            model.getDecisions().forEach(d -> {
                if (d.getDecision().getExpression() instanceof DecisionTable table) {
                    for (int i = 1; i <= table.getRule().size(); i++) {
                        var row = table.getRule().get(i - 1);
                        String inputs = row.getInputEntry().stream().map(e -> e.getText()).reduce((a, b) -> a + ", " + b).orElse("");
                        rows.put(table.getOutputLabel() + " row " + i, inputs);
                    }
                }
            });
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> allowlist() throws IOException {
        Map<String, String> allowed = new TreeMap<>();
        if (Files.exists(ALLOWLIST)) {
            Map<String, Object> file = YAMLMapper.builder().build().readValue(Files.readString(ALLOWLIST), Map.class);
            for (Map<String, Object> row : (List<Map<String, Object>>) file.getOrDefault("rows", List.of())) {
                allowed.put(row.get("table") + " row " + row.get("row"), String.valueOf(row.get("reason")));
            }
        }
        return allowed;
    }

    private static void writeReport(int cases, Set<String> rules, Map<String, Integer> fired, Map<String, String> rows,
                                    Map<String, Integer> reached, Map<String, String> allowed) throws IOException {
        StringBuilder md = new StringBuilder("# Rule coverage\n\n")
                .append("Written by `EveryRuleFiresTest` from ").append(cases)
                .append(" evaluations (golden cases, examples, listed branches) and, for table rows, the CMS 2018 public use file.\n\n")
                .append("## Rules: times fired\n\n| rule | fired |\n|---|---:|\n");
        rules.forEach(rule -> md.append("| ").append(rule).append(" | ").append(fired.getOrDefault(rule, 0)).append(" |\n"));
        md.append("\n## Decision-table rows: times reached\n\n| row | input | reached | allowlisted because |\n|---|---|---:|---|\n");
        rows.forEach((row, input) -> md.append("| ").append(row).append(" | `").append(input).append("` | ")
                .append(reached.getOrDefault(row, 0)).append(" | ").append(allowed.getOrDefault(row, "")).append(" |\n"));
        long unfired = rules.stream().filter(r -> !fired.containsKey(r)).count();
        long unreached = rows.keySet().stream().filter(r -> !reached.containsKey(r)).count();
        md.append("\n").append(rules.size() - unfired).append(" of ").append(rules.size()).append(" rules fired; ")
                .append(rows.size() - unreached).append(" of ").append(rows.size()).append(" table rows reached.\n");
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md);
    }

    @Test
    void everyRuleHasAnExplanation() {
        Set<String> unexplained = new TreeSet<>();
        Engine.service().rules().kieBase().getKiePackages().forEach(p -> p.getRules().stream()
                .filter(rule -> rule.getMetaData().get("explanation") == null)
                .map(Rule::getName).forEach(unexplained::add));
        assertThat(unexplained).as("rules without an @explanation").isEmpty();
    }

    private static Evaluator.Request request(EvaluationService service, ContractChoice choice, PerformanceFacts facts) {
        return new Evaluator.Request(service.check(choice, facts), facts);
    }

    private static PerformanceFacts withPayerFinding(PerformanceFacts facts, boolean met) {
        PerformancePeriod p = facts.period();
        return new PerformanceFacts(facts.ipa(), new PerformancePeriod(p.performanceYear(), p.start(), p.end(),
                p.benchmarkExpenditure(), p.assignedBeneficiaries(), p.reportedQualityScore(), met, p.lossAdjustment()),
                facts.practices());
    }

    /** Terms are data: a contract that only distributes, with no clause that sets a cost target. */
    private static Terms distributionWithoutCostTarget(EvaluationService service, PerformanceFacts facts) {
        Terms basic = service.check(ContractChoice.of("mssp-basic"), facts);
        List<ClauseTerms> clauses = basic.clauses().stream()
                .filter(c -> c.concept().equals("admin-fee") || c.concept().equals("distribution")).toList();
        return new Terms("distribution-only", "test", "none", basic.performanceYear(), clauses, Map.of(), "test");
    }

}
