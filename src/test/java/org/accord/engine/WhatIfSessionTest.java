package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.accord.content.Canonical;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.ParameterType;
import org.accord.testing.Engine;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A session kept across evaluations (a sweep's points, a simulation's trials) settles each request
 * exactly as a fresh session does: for random sequences of changed terms, changed costs and
 * counts, and changes of template (another shape of facts in the session), every settlement's
 * canonical JSON is byte-identical to a fresh evaluation of the same request. Seeded: a failure
 * names its seed and step.
 */
class WhatIfSessionTest {

    private static final List<String> TEMPLATES = List.of("mssp-basic", "mssp-enhanced", "commercial-global-budget",
            "ma-capitation", "medicaid-ffs-p4p");
    private static final long SEED = 20261201L;

    private final EvaluationService service = Engine.service();
    private final Evaluator evaluator = new Evaluator(service.rules());
    private final PerformanceFacts valley = Engine.example("valley-ipa");

    @Test
    void sweepPointsSettleIncrementallyAsTheyDoFresh() {
        for (String template : TEMPLATES) {
            Random random = new Random(SEED + template.hashCode());
            List<Evaluator.Request> points = new ArrayList<>();
            while (points.size() < 12) {
                randomTerm(template, random).ifPresent(points::add);
            }
            assertIncrementalEqualsFresh(template + " sweep", points);
        }
    }

    @Test
    void simulatedTrialsSettleIncrementallyAsTheyDoFresh() {
        for (String template : TEMPLATES) {
            Random random = new Random(SEED + 1 + template.hashCode());
            var terms = service.check(ContractChoice.of(template), valley);
            List<Evaluator.Request> trials = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                trials.add(new Evaluator.Request(terms, trial(random)));
            }
            assertIncrementalEqualsFresh(template + " trials", trials);
        }
    }

    @Test
    void changesOfTermsFactsAndTemplateMixedSettleIncrementallyAsTheyDoFresh() {
        Random random = new Random(SEED + 2);
        List<Evaluator.Request> requests = new ArrayList<>();
        while (requests.size() < 30) {
            String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            PerformanceFacts facts = random.nextBoolean() ? valley : trial(random);
            randomTerm(template, random).ifPresent(point -> requests.add(new Evaluator.Request(point.terms(), facts)));
        }
        assertIncrementalEqualsFresh("mixed", requests);
    }

    private void assertIncrementalEqualsFresh(String what, List<Evaluator.Request> requests) {
        List<Settlement> incremental = evaluator.evaluateIncrementally(requests, Progress.NONE);
        assertThat(incremental).hasSameSizeAs(requests);
        for (int i = 0; i < requests.size(); i++) {
            Settlement fresh = evaluator.evaluate(requests.get(i).terms(), requests.get(i).facts());
            assertThat(Canonical.json(incremental.get(i))).as("%s, request %d (seed %d)", what, i, SEED)
                    .isEqualTo(Canonical.json(fresh));
        }
    }

    /** The template's terms with one negotiable rate or amount set to a random value within its bounds; empty if refused. */
    private java.util.Optional<Evaluator.Request> randomTerm(String templateId, Random random) {
        ContractTemplate template = service.templates().find(templateId).orElseThrow();
        List<ParameterDeclaration> sweepable = template.clauses().stream().flatMap(c -> c.parameters().stream())
                .filter(p -> p.negotiable() && (p.type() == ParameterType.RATE || p.type() == ParameterType.AMOUNT)
                        && p.minimum() != null && p.maximum() != null)
                .toList();
        ParameterDeclaration parameter = sweepable.get(random.nextInt(sweepable.size()));
        BigDecimal span = parameter.maximum().subtract(parameter.minimum());
        BigDecimal value = parameter.minimum().add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(parameter.type() == ParameterType.RATE ? 2 : 0, RoundingMode.DOWN).max(parameter.minimum());
        try {
            return java.util.Optional.of(new Evaluator.Request(
                    service.check(ContractChoice.of(templateId).with(parameter.name(), value), valley), valley));
        } catch (InvalidInputException refused) { // a value the terms' constraints refuse (weights summing to one)
            return java.util.Optional.empty();
        }
    }

    /** The example with each practice's cost moved by up to 30% either way and each measure's numerator redrawn. */
    private PerformanceFacts trial(Random random) {
        List<PracticePerformance> practices = new ArrayList<>();
        for (PracticePerformance p : valley.practices()) {
            BigDecimal cost = p.totalCostOfCare().multiply(BigDecimal.valueOf(0.7 + 0.6 * random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_EVEN);
            List<QualityMeasureCount> measures = new ArrayList<>();
            for (QualityMeasureCount m : p.qualityMeasures()) {
                int eligible = m.denominator() - m.exclusions();
                measures.add(random.nextInt(3) == 0 || eligible <= 0 ? m
                        : new QualityMeasureCount(m.measureId(), random.nextInt(eligible + 1), m.denominator(), m.exclusions()));
            }
            practices.add(new PracticePerformance(p.id(), p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(),
                    cost, p.feeScheduleAllowedAmount(), p.visits(), p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(),
                    measures));
        }
        return new PerformanceFacts(valley.ipa(), valley.period(), practices);
    }
}
