package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.terms.ClauseTerms;
import org.accord.terms.Terms;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import tools.jackson.databind.JsonNode;

/**
 * Every rule in rules/ fires in at least one evaluation of the test suite's cases: the golden
 * cases, the examples under every template, and the branches listed here. And no determination
 * is invisible: every rule has an explanation and writes a line or a finding whenever it fires.
 */
class EveryRuleFiresTest {

    @Test
    void everyRuleFiresInAtLeastOneCase() throws IOException {
        EvaluationService service = Engine.service();
        List<Evaluator.Request> requests = new ArrayList<>();
        for (JsonNode golden : goldenCases()) {
            JsonNode contract = golden.get("given").get("contract");
            PerformanceFacts facts = Json.readFacts(Json.MAPPER.writeValueAsBytes(golden.get("given").get("facts")));
            ContractChoice choice = new ContractChoice(contract.get("templateId").asString(),
                    Json.MAPPER.convertValue(contract.get("overrides"), Map.class));
            requests.add(new Evaluator.Request(service.check(choice, facts), facts));
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

        Set<String> fired = new TreeSet<>();
        Evaluator evaluator = new Evaluator(service.rules());
        List<Settlement> settlements = evaluator.evaluateAll(requests, Progress.NONE, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        Set<String> all = new TreeSet<>();
        service.rules().kieBase().getKiePackages().forEach(p -> p.getRules().stream().map(Rule::getName).forEach(all::add));
        assertThat(all).hasSizeGreaterThan(40);
        Set<String> neverFired = new TreeSet<>(all);
        neverFired.removeAll(fired);
        assertThat(neverFired).as("rules that no test case fires").isEmpty();

        Set<String> wroteALine = new TreeSet<>();
        for (Settlement settlement : settlements) {
            settlement.findings().forEach(line -> wroteALine.add(line.rule()));
            settlement.lines().forEach(line -> wroteALine.add(line.rule()));
        }
        Set<String> silent = new TreeSet<>(fired);
        silent.removeAll(wroteALine);
        assertThat(silent).as("rules that fired without writing a line or a finding").isEmpty();
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

    private static List<JsonNode> goldenCases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(Json.MAPPER.readTree(Files.readAllBytes(file)));
            }
        }
        return cases;
    }

}
