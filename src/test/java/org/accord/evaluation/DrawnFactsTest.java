package org.accord.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * A simulation's trials are checked only for what their draw changed (issue 15): every draw the shortcut
 * lets through is one the validator finds no problem with, and every other is refused as evaluateAll refuses it.
 * A trial is answered with its outcome, which is what its settlement comes to.
 */
class DrawnFactsTest {

    /** The most a practice's cost of care may be, as rules/facts.yaml declares it. */
    private static final BigDecimal MOST_COST = new BigDecimal("480000000000");

    private final EvaluationService service = Engine.service();
    private final PerformanceFacts valley = Engine.example("valley-ipa");
    private final ContractChoice basic = ContractChoice.of("mssp-basic");

    /** 200,000 draws, each changing one thing at random, valid or not, drawn or not: the shortcut never vouches for a problem. */
    @Test
    void aDrawLetThroughIsOneTheValidatorFindsValid() {
        assertThat(FactsValidator.problems(valley)).isEmpty();
        SplittableRandom random = new SplittableRandom(15);
        int letThrough = 0;
        int refused = 0;
        for (int n = 0; n < 200_000; n++) {
            PerformanceFacts drawn = changed(valley, random);
            boolean valid = FactsValidator.problems(drawn).isEmpty();
            if (DrawnFacts.validDraw(valley, drawn)) {
                assertThat(valid).as("draw %d let through: %s", n, drawn).isTrue();
                letThrough++;
            } else if (!valid) {
                refused++;
            }
        }
        // Both sides of the property are exercised many times.
        assertThat(letThrough).isGreaterThan(20_000);
        assertThat(refused).isGreaterThan(20_000);
    }

    @Test
    void theObservedFactsAndTheirOwnPracticesAreLetThrough() {
        assertThat(DrawnFacts.validDraw(valley, valley)).isTrue();
        assertThat(DrawnFacts.validDraw(valley, new PerformanceFacts(valley.ipa(), valley.period(), valley.practices()))).isTrue();
    }

    @Test
    void drawsAtTheValidatorsBoundsAreLetThroughAndOneOutsideIsNot() {
        PracticePerformance first = valley.practices().get(0);
        QualityMeasureCount measure = first.qualityMeasures().get(2); // BCS: 232 less 8 exclusions, 224 eligible
        assertThat(DrawnFacts.validDraw(valley, withPractice(first.withTotalCostOfCare(BigDecimal.ZERO)))).isTrue();
        assertThat(DrawnFacts.validDraw(valley, withPractice(first.withTotalCostOfCare(new BigDecimal("-0.01"))))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, withPractice(first.withTotalCostOfCare(null)))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, withPractice(first.withTotalCostOfCare(MOST_COST)))).isTrue();
        assertThat(DrawnFacts.validDraw(valley, withPractice(first.withTotalCostOfCare(MOST_COST.add(new BigDecimal("0.01")))))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, withPractice(withMeasure(first, 2, measure.eligible())))).isTrue();
        assertThat(DrawnFacts.validDraw(valley, withPractice(withMeasure(first, 2, 0)))).isTrue();
        assertThat(DrawnFacts.validDraw(valley, withPractice(withMeasure(first, 2, measure.eligible() + 1)))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, withPractice(withMeasure(first, 2, -1)))).isFalse();
    }

    /** A practice's high-cost members are part of its cost: a cost drawn below their sum is not vouched for. */
    @Test
    void aCostDrawnBelowItsHighCostMembersIsNotLetThrough() {
        PracticePerformance first = valley.practices().get(0);
        PracticePerformance withMembers = new PracticePerformance(first.id(), first.name(), first.attributedMembers(),
                first.memberMonths(), first.averageRiskScore(), new BigDecimal("1000000.00"), first.feeScheduleAllowedAmount(),
                first.visits(), first.annualWellnessVisits(), first.edVisits(), first.inpatientAdmissions(), first.qualityMeasures(),
                java.util.Map.of("highCostMemberCosts", List.of("400000.00", "250000.00")));
        PerformanceFacts observed = withPractice(withMembers);
        List<PracticePerformance> atTheirSum = new ArrayList<>(observed.practices());
        atTheirSum.set(0, withMembers.withTotalCostOfCare(new BigDecimal("650000.00")));
        List<PracticePerformance> belowIt = new ArrayList<>(observed.practices());
        belowIt.set(0, withMembers.withTotalCostOfCare(new BigDecimal("649999.99")));
        assertThat(DrawnFacts.validDraw(observed, new PerformanceFacts(observed.ipa(), observed.period(), atTheirSum))).isTrue();
        assertThat(DrawnFacts.validDraw(observed, new PerformanceFacts(observed.ipa(), observed.period(), belowIt))).isFalse();
    }

    /** Facts other than a draw's (another period, a practice more or changed) are checked whole, valid or not. */
    @Test
    void anythingButADrawIsCheckedWhole() {
        PracticePerformance first = valley.practices().get(0);
        List<PracticePerformance> more = new ArrayList<>(valley.practices());
        more.add(first);
        assertThat(DrawnFacts.validDraw(valley, new PerformanceFacts(valley.ipa(), valley.period(), more))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, new PerformanceFacts(new PerformanceFacts.Ipa("other", "Other"), valley.period(),
                valley.practices()))).isFalse();
        assertThat(DrawnFacts.validDraw(valley, withPractice(new PracticePerformance(first.id(), first.name(), first.attributedMembers(),
                first.memberMonths() + 1, first.averageRiskScore(), first.totalCostOfCare(), first.feeScheduleAllowedAmount(),
                first.visits(), first.annualWellnessVisits(), first.edVisits(), first.inpatientAdmissions(), first.qualityMeasures()))))
                .isFalse();
        assertThat(DrawnFacts.validDraw(valley, null)).isFalse();
    }

    @Test
    void validTrialsSettleAsEvaluateAllSettlesThem() {
        List<PerformanceFacts> trials = new ArrayList<>();
        PracticePerformance first = valley.practices().get(0);
        trials.add(withPractice(first.withTotalCostOfCare(new BigDecimal("19000000.00"))));
        trials.add(withPractice(withMeasure(first, 0, 100)));
        trials.add(valley);
        // Not a draw (a member month more): checked whole, and valid.
        trials.add(withPractice(new PracticePerformance(first.id(), first.name(), first.attributedMembers(), first.memberMonths() + 1,
                first.averageRiskScore(), first.totalCostOfCare(), first.feeScheduleAllowedAmount(), first.visits(),
                first.annualWellnessVisits(), first.edVisits(), first.inpatientAdmissions(), first.qualityMeasures())));

        List<Outcome> drawn = service.outcomesOfDraws(basic, valley, trials);
        List<Settlement> all = service.evaluateAll(Collections.nCopies(trials.size(), basic), trials);

        assertOutcomesOf(drawn, all, "mssp-basic");
    }

    /**
     * Under every shipped template that settles the example, and for draws that move every practice's cost
     * and quality counts (as a simulation's do), a trial's outcome is what its settlement comes to: the same
     * totals and the same payments to the IPA by clause.
     */
    @Test
    void aTrialsOutcomeIsWhatItsSettlementComesToUnderEveryTemplate() {
        SplittableRandom random = new SplittableRandom(42);
        List<PerformanceFacts> trials = new ArrayList<>();
        trials.add(valley);
        for (int t = 0; t < 12; t++) {
            List<PracticePerformance> practices = new ArrayList<>();
            for (PracticePerformance p : valley.practices()) {
                // cost 40% under to 40% over the observed, to the cent; each numerator anywhere from 0 to its eligible members
                BigDecimal cost = p.totalCostOfCare().multiply(BigDecimal.valueOf(60 + random.nextInt(81)))
                        .movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
                PracticePerformance drawn = p.withTotalCostOfCare(cost);
                for (int m = 0; m < p.qualityMeasures().size(); m++) {
                    QualityMeasureCount count = p.qualityMeasures().get(m);
                    drawn = withMeasure(drawn, m, random.nextInt(count.eligible() + 1));
                }
                practices.add(drawn);
            }
            trials.add(new PerformanceFacts(valley.ipa(), valley.period(), practices));
        }
        int templates = 0;
        for (org.accord.terms.ContractTemplate template : service.templates().all()) {
            ContractChoice contract = ContractChoice.of(template.id());
            try {
                service.check(contract, valley);
            } catch (InvalidInputException needsOtherFacts) {
                continue; // a template whose clauses need period inputs the example lacks
            }
            assertOutcomesOf(service.outcomesOfDraws(contract, valley, trials),
                    service.evaluateAll(Collections.nCopies(trials.size(), contract), trials), template.id());
            templates++;
        }
        assertThat(templates).isGreaterThan(5);
    }

    private static void assertOutcomesOf(List<Outcome> outcomes, List<Settlement> settlements, String template) {
        assertThat(outcomes).hasSameSizeAs(settlements);
        for (int i = 0; i < outcomes.size(); i++) {
            Settlement settlement = settlements.get(i);
            Map<String, BigDecimal> ipaPayments = new HashMap<>();
            settlement.linesFor("IPA").stream().filter(l -> SettlementLine.PAYMENT.equals(l.flow()))
                    .forEach(l -> ipaPayments.merge(l.clause(), l.amount(), BigDecimal::add));
            assertThat(outcomes.get(i).totals()).as("%s, trial %d", template, i).isEqualTo(settlement.totals());
            assertThat(outcomes.get(i).ipaPaymentsByClause()).as("%s, trial %d", template, i).isEqualTo(ipaPayments);
        }
    }

    @Test
    void anInvalidDrawIsRefusedAsEvaluateAllRefusesIt() {
        PracticePerformance first = valley.practices().get(0);
        List<PerformanceFacts> trials = List.of(valley, withPractice(withMeasure(first, 1, 9_999)),
                withPractice(first.withTotalCostOfCare(new BigDecimal("-1.00"))));

        InvalidInputException drawn = catchThrowableOfType(InvalidInputException.class,
                () -> service.outcomesOfDraws(basic, valley, trials));
        InvalidInputException all = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluateAll(Collections.nCopies(trials.size(), basic), trials));

        assertThat(drawn).isNotNull();
        assertThat(drawn.getMessage()).isEqualTo(all.getMessage());
        assertThat(drawn.problems()).isEqualTo(all.problems()).isNotEmpty();
        assertThat(drawn.request()).isEqualTo(all.request()).hasValue(1);
    }

    @Test
    void aContractThatCannotSettleTheObservedFactsIsRefusedAsEvaluateAllRefusesIt() {
        ContractChoice broken = basic.with("memberMonthsWeight", "0.7");
        List<PerformanceFacts> trials = List.of(valley, withPractice(valley.practices().get(0).withTotalCostOfCare(BigDecimal.ONE)));

        InvalidInputException drawn = catchThrowableOfType(InvalidInputException.class,
                () -> service.outcomesOfDraws(broken, valley, trials));
        InvalidInputException all = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluateAll(Collections.nCopies(trials.size(), broken), trials));

        assertThat(drawn.getMessage()).isEqualTo(all.getMessage());
        assertThat(drawn.problems()).isEqualTo(all.problems()).isNotEmpty();
    }

    private PerformanceFacts withPractice(PracticePerformance practice) {
        List<PracticePerformance> practices = new ArrayList<>(valley.practices());
        practices.set(0, practice);
        return new PerformanceFacts(valley.ipa(), valley.period(), practices);
    }

    private static PracticePerformance withMeasure(PracticePerformance practice, int index, int numerator) {
        List<QualityMeasureCount> measures = new ArrayList<>(practice.qualityMeasures());
        QualityMeasureCount m = measures.get(index);
        measures.set(index, new QualityMeasureCount(m.measureId(), numerator, m.denominator(), m.exclusions()));
        return practice.withQualityMeasures(measures);
    }

    /** The facts with one practice changed in one way: most as a draw changes them (some out of bounds), the rest otherwise. */
    private static PerformanceFacts changed(PerformanceFacts facts, SplittableRandom random) {
        List<PracticePerformance> practices = new ArrayList<>(facts.practices());
        int i = random.nextInt(practices.size());
        PracticePerformance p = practices.get(i);
        List<QualityMeasureCount> measures = new ArrayList<>(p.qualityMeasures());
        int k = random.nextInt(measures.size());
        QualityMeasureCount m = measures.get(k);
        int small = random.nextInt(-3, 4);
        PracticePerformance changed = switch (random.nextInt(16)) {
            case 0, 1, 2 -> p.withTotalCostOfCare(random.nextInt(6) == 0 ? MOST_COST.add(BigDecimal.valueOf(random.nextInt(-2, 3), 2))
                    : BigDecimal.valueOf(random.nextInt(4) == 0 ? -random.nextLong(1, 1_000_000) : random.nextLong(0, 100_000_000_000L), 2));
            case 3 -> p.withTotalCostOfCare(random.nextBoolean() ? null : BigDecimal.ZERO);
            case 4, 5, 6, 7 -> {
                int numerator = random.nextBoolean() ? random.nextInt(-2, m.eligible() + 3) : (random.nextBoolean() ? -small : m.eligible() + small);
                measures.set(k, new QualityMeasureCount(m.measureId(), numerator, m.denominator(), m.exclusions()));
                yield p.withQualityMeasures(measures);
            }
            case 8 -> {
                measures.set(k, new QualityMeasureCount(m.measureId(), m.numerator(), m.denominator() + small, m.exclusions()));
                yield p.withQualityMeasures(measures);
            }
            case 9 -> {
                measures.set(k, new QualityMeasureCount(m.measureId(), m.numerator(), m.denominator(), m.exclusions() + small));
                yield p.withQualityMeasures(measures);
            }
            case 10 -> {
                String id = random.nextBoolean() ? measures.get(random.nextInt(measures.size())).measureId() : random.nextBoolean() ? "" : null;
                measures.set(k, new QualityMeasureCount(id, m.numerator(), m.denominator(), m.exclusions()));
                yield p.withQualityMeasures(measures);
            }
            case 11 -> {
                if (random.nextBoolean()) {
                    measures.remove(k);
                } else {
                    measures.add(m);
                }
                yield p.withQualityMeasures(measures);
            }
            case 12 -> new PracticePerformance(random.nextBoolean() ? facts.practices().get(random.nextInt(practices.size())).id() : "",
                    p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(), p.totalCostOfCare(),
                    p.feeScheduleAllowedAmount(), p.visits(), p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(),
                    p.qualityMeasures(), p.extra());
            case 13 -> new PracticePerformance(p.id(), p.name(), p.attributedMembers() + small * 1000, p.memberMonths() + small,
                    p.averageRiskScore().add(BigDecimal.valueOf(small)), p.totalCostOfCare(), p.feeScheduleAllowedAmount(),
                    p.visits() + small * 10_000, p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(), p.qualityMeasures(),
                    p.extra());
            case 14 -> new PracticePerformance(p.id(), p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(),
                    p.totalCostOfCare(), p.feeScheduleAllowedAmount().add(BigDecimal.valueOf(small * 1_000_000L)), p.visits(),
                    p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(), p.qualityMeasures(),
                    random.nextBoolean() ? Map.of() : Map.of("undeclared", "1"));
            default -> p;
        };
        practices.set(i, changed);
        return new PerformanceFacts(facts.ipa(), facts.period(), practices);
    }
}
