package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;
import org.junit.jupiter.api.Test;

/** Pooled sessions and compact bases (issue 15: allocation per evaluation) settle as before. */
class SessionsTest {

    /**
     * One evaluation settles in a session lent from the pool, reset after each use; a batch of two
     * settles in a new session. A session used for one contract and lent again for another must
     * give what a new one gives: every template, twice over, in turn.
     */
    @Test
    void aSessionLentAgainSettlesAsANewSessionDoes() throws Exception {
        EvaluationService service = EvaluationService.load();
        PerformanceFacts facts = Json.readFacts(Path.of("examples/valley-ipa.json"));
        List<String> settled = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (ContractTemplate template : service.templates().all()) {
                ContractChoice contract = ContractChoice.of(template.id());
                Settlement alone;
                try {
                    alone = service.evaluate(contract, facts);
                } catch (RuntimeException e) {
                    continue; // a template these facts do not suit
                }
                List<Settlement> batch = service.evaluateAll(List.of(contract, contract), List.of(facts, facts));
                assertThat(Json.write(alone)).as(template.id()).isEqualTo(Json.write(batch.get(0)));
                settled.add(template.id());
            }
        }
        assertThat(settled).hasSizeGreaterThan(4);
    }

    /**
     * Requests settle at once on more threads than the pool lends sessions to (the rest take new
     * ones): each answer is the one a lone evaluation gives, whichever session it had.
     */
    @Test
    void evaluationsOnManyThreadsAtOnceEachSettleAsAlone() throws Exception {
        EvaluationService service = EvaluationService.load();
        List<PerformanceFacts> facts = List.of(Json.readFacts(Path.of("examples/valley-ipa.json")),
                Json.readFacts(Path.of("examples/small-panel.json")));
        ContractChoice contract = ContractChoice.of("mssp-basic");
        List<String> expected = new ArrayList<>();
        for (PerformanceFacts f : facts) {
            expected.add(Json.write(service.evaluateAll(List.of(contract, contract), List.of(f, f)).get(0)));
        }
        int threads = Sessions.POOLED + 2;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                answers.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        int which = (first + i) % 2;
                        if (!Json.write(service.evaluate(contract, facts.get(which))).equals(expected.get(which))) {
                            mismatches.add("thread " + first + ", evaluation " + i);
                        }
                    }
                    return mismatches;
                }));
            }
            for (java.util.concurrent.Future<List<String>> answer : answers) {
                assertThat(answer.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A rule that throws leaves its session mid-fire (facts held, an agenda half fired, the last
     * practice's cost missing from the IPA's totals): the pooled session it was lent goes back to the
     * pool reset, and every evaluation lent a session after it settles as a new session does.
     */
    @Test
    void anEvaluationThatThrowsInAPooledSessionLeavesThePoolSettlingAsNew() throws Exception {
        EvaluationService service = EvaluationService.load();
        PerformanceFacts facts = Json.readFacts(Path.of("examples/valley-ipa.json"));
        ContractChoice contract = ContractChoice.of("mssp-basic");
        String expected = Json.write(service.evaluateAll(List.of(contract, contract), List.of(facts, facts)).get(0));
        List<PracticePerformance> practices = new ArrayList<>(facts.practices());
        PracticePerformance last = practices.get(practices.size() - 1);
        // No cost of care: the rule summing the practices' costs into the IPA's totals throws while firing.
        practices.set(practices.size() - 1, new PracticePerformance(last.id(), last.name(),
                last.attributedMembers(), last.memberMonths(), last.averageRiskScore(), null, last.feeScheduleAllowedAmount(),
                last.visits(), last.annualWellnessVisits(), last.edVisits(), last.inpatientAdmissions(), last.qualityMeasures()));
        PerformanceFacts broken = new PerformanceFacts(facts.ipa(), facts.period(), practices);
        Evaluator evaluator = new Evaluator(service.rules());
        List<Evaluator.Request> failing = List.of(new Evaluator.Request(service.check(contract, facts), broken));
        // More failures than the pool holds sessions, each followed by a request: every pooled session fails once.
        for (int i = 0; i < Sessions.POOLED + 1; i++) {
            assertThatThrownBy(() -> evaluator.evaluateAllChecked(failing, Progress.NONE)).as("failure " + i)
                    .hasMessageContaining("Exception executing consequence for rule \"" + Evaluator.TOTALS_RULE);
            assertThat(Json.write(service.evaluate(contract, facts))).as("after failure " + i).isEqualTo(expected);
        }
    }

    @Test
    void aBasisKeepsTheOrderItWasNamedInAndEqualsTheSameNumbersInAnyMap() {
        Basis basis = new Basis();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            basis.add("n" + (8 - i), BigDecimal.valueOf(i));
            expected.put("n" + (8 - i), BigDecimal.valueOf(i));
        }
        basis.add("n4", "named again");
        expected.put("n4", "named again");
        basis.add("none", null);
        expected.put("none", null);

        assertThat(basis).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(new ArrayList<>(basis.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(basis.get("n4")).isEqualTo("named again");
        assertThat(basis.containsKey("none")).isTrue();
        assertThat(basis.get("missing")).isNull();
        assertThat(basis.containsKey("missing")).isFalse();
        assertThat(basis.toString()).isEqualTo(expected.toString());
        assertThatThrownBy(() -> basis.put("n1", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
