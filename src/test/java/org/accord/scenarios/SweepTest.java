package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.settlement.Settlement;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class SweepTest {

    private final Scenarios scenarios = Fixtures.scenarios();

    private static SweepRequest.Range range(String parameter, String start, String end, String step) {
        return new SweepRequest.Range(parameter, new BigDecimal(start), new BigDecimal(end), new BigDecimal(step));
    }

    /** The problems a sweep is refused with. */
    private List<InputProblem> refusal(SweepRequest request) {
        Throwable thrown = catchThrowable(() -> scenarios.sweep(request));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) thrown).problems();
    }

    /** A sweep of the valley example under a shipped template. */
    private static SweepRequest valley(String template, SweepRequest.Range... ranges) {
        return new SweepRequest(ContractChoice.of(template), Fixtures.VALLEY, List.of(ranges));
    }

    @Test
    void everyPointIsExactlyTheSettlementOfASingleEvaluationWithItsOverride() {
        SweepRequest request = valley("mssp-basic", range("maximumSharingRate", "0.40", "0.70", "0.05"));
        List<Settlement> points = scenarios.sweeper().settle(request);
        List<String> rates = List.of("0.40", "0.45", "0.50", "0.55", "0.60", "0.65", "0.70");
        assertThat(points).hasSize(rates.size());
        for (int i = 0; i < rates.size(); i++) {
            Settlement alone = Fixtures.SERVICE.evaluate(ContractChoice.of("mssp-basic").with("maximumSharingRate", rates.get(i)),
                    Fixtures.VALLEY);
            assertThat(points.get(i)).isEqualTo(alone);
        }
    }

    @Test
    void theTableHasTheIpaAndEveryPracticeAtEveryPoint() {
        SweepResult result = scenarios.sweep(valley("mssp-basic", range("maximumSharingRate", "0.40", "0.70", "0.05")));
        assertThat(result.points()).extracting(p -> p.values().get("maximumSharingRate").toPlainString())
                .containsExactly("0.40", "0.45", "0.50", "0.55", "0.60", "0.65", "0.70");
        // 13,733,810.98 savings x rate x 0.98 (sequestration): 0.40 -> 5,383,653.90, 0.70 -> 9,421,394.33
        assertThat(result.points().get(0).payerTotal()).isEqualByComparingTo("5383653.90");
        assertThat(result.points().get(6).payerTotal()).isEqualByComparingTo("9421394.33");
        assertThat(result.points().get(6).riskSharing()).isEqualByComparingTo("9421394.33");
        assertThat(result.points()).allSatisfy(p -> assertThat(p.practices()).hasSize(25));
        assertThat(result.points()).extracting(SweepResult.Point::termsHash).doesNotHaveDuplicates();
        Table table = result.table();
        assertThat(table.columns()).startsWith("maximumSharingRate", "payerTotal", "ipaPool", "retainedByIpa", "riskSharing", "P01");
        assertThat(table.rows()).hasSize(7);
        assertThat(table.rows().get(0).get(1)).isEqualTo("5383653.90");
    }

    @Test
    void twoRangesMakeAGridWithTheFirstVaryingSlowest() {
        SweepResult result = scenarios.sweep(new SweepRequest(ContractChoice.of("ma-capitation"), Fixtures.SMALL_PANEL,
                List.of(range("corridorBands[2].threshold", "0.05", "0.09", "0.01"), range("reconciliationLagMonths", "6", "8", "2"))));
        assertThat(result.points()).extracting(p -> p.values().get("corridorBands[2].threshold").toPlainString() + "/"
                        + p.values().get("reconciliationLagMonths").toPlainString())
                .containsExactly("0.05/6", "0.05/8", "0.06/6", "0.06/8", "0.07/6", "0.07/8", "0.08/6", "0.08/8", "0.09/6", "0.09/8");
        Settlement alone = Fixtures.SERVICE.evaluate(ContractChoice.of("ma-capitation").with("corridorBands[2].threshold", "0.07")
                .with("reconciliationLagMonths", 8), Fixtures.SMALL_PANEL);
        assertThat(result.points().get(5).payerTotal()).isEqualByComparingTo(alone.totals().payerTotal());
        assertThat(result.points().get(5).termsHash()).isEqualTo(alone.contract().termsHash());
    }

    @Test
    void theSweepIsTheSameWhateverTheThreadCount() {
        SweepRequest request = valley("mssp-basic", range("maximumSharingRate", "0.40", "0.78", "0.02"));
        SweepResult oneThread = new Scenarios(Fixtures.SERVICE, 1).sweep(request);
        assertThat(new Scenarios(Fixtures.SERVICE, 2).sweep(request)).isEqualTo(oneThread);
        assertThat(new Scenarios(Fixtures.SERVICE, 3).sweep(request)).isEqualTo(oneThread);
        assertThat(oneThread.points()).extracting(p -> p.values().get("maximumSharingRate").toPlainString())
                .startsWith("0.40", "0.42").endsWith("0.76", "0.78").hasSize(20);
    }

    /**
     * The weights of commercial-global-budget (0.40, 0.30, 0.30) must add up to 1, so every point
     * after 0.40 fails as it is settled; on three threads (chunks of 7 points) the problem named is
     * still that of the first failing point, as on one, and named by the point's index in the sweep.
     */
    @Test
    void aPointThatCannotBeSettledIsTheFirstOneThatFailsWhateverTheThreadCount() {
        SweepRequest request = valley("commercial-global-budget", range("memberMonthsWeight", "0.40", "0.60", "0.01"));
        for (int threads : new int[] {1, 3}) {
            assertThatThrownBy(() -> new Scenarios(Fixtures.SERVICE, threads).sweep(request))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("request 1 of the batch: ")
                    .hasMessageContaining("memberMonthsWeight 0.41 + qualityWeight 0.30 + costPerformanceWeight 0.30 = 1.01");
        }
        // Floors of 0, 0.1666, ... 0.9996 for 3 practices: from 0.4998 on (3 x 0.4998 > 1) they exceed the pool.
        // On two threads the points are cut 0-3 and 4-6; the second chunk fails at its first point, the first at its last.
        SweepRequest floors = new SweepRequest(ContractChoice.of("commercial-global-budget"), Fixtures.SMALL_PANEL,
                List.of(range("practiceFloorShare", "0", "1", "0.1666")));
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> new Scenarios(Fixtures.SERVICE, threads).sweep(floors))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("request 3 of the batch: ")
                    .hasMessageContaining("a floor of 0.4998 of the pool for each of 3 practices exceeds the pool");
        }
    }

    @Test
    void anUnknownParameterIsNamedWithTheParametersItMayHaveMeant() {
        assertThat(refusal(valley("mssp-basic", range("sharingRate", "0.40", "0.70", "0.05")))).containsExactly(
                new InputProblem("/vary/0/parameter", "template mssp-basic has no parameter 'sharingRate'; "
                        + "did you mean maximumSharingRate or sharingRateBasis?"));
    }

    /** Overrides fix a term and a sweep varies it: given both, the sweep silently won. */
    @Test
    void aTermBothOverriddenAndSweptIsRefused() {
        SweepRequest both = new SweepRequest(ContractChoice.of("mssp-basic").with("maximumSharingRate", "0.55"), Fixtures.VALLEY,
                List.of(range("maximumSharingRate", "0.40", "0.70", "0.10")));
        assertThat(refusal(both)).containsExactly(new InputProblem("/vary/0/parameter", "'maximumSharingRate' is also set in the "
                + "contract's overrides; a sweep varies it over its range: leave it out of the overrides"));
        SweepRequest another = new SweepRequest(ContractChoice.of("mssp-basic").with("reserveRate", "0.05"), Fixtures.VALLEY,
                List.of(range("maximumSharingRate", "0.40", "0.70", "0.10")));
        assertThat(scenarios.sweep(another).points()).hasSize(4);
    }

    /** Said once, at the end of the range that reaches past the term's values (it was said once a point, at /vary/0). */
    @Test
    void aRangeReachingOutsideTheParametersValuesIsNamedOnceAtItsEnd() {
        assertThat(refusal(valley("mssp-basic", range("maximumSharingRate", "0.80", "1.50", "0.10")))).containsExactly(
                new InputProblem("/vary/0/end", "the end 1.50 is above the maximum: maximumSharingRate is allowed from 0 to 1 (rate)"));
        // 0.80, 0.95, 1.10: the last point passes the maximum, the end 1.20 is not reached.
        assertThat(refusal(valley("mssp-basic", range("maximumSharingRate", "0.80", "1.20", "0.15")))).containsExactly(
                new InputProblem("/vary/0/end", "the last point 1.10 (the end 1.20) is above the maximum: "
                        + "maximumSharingRate is allowed from 0 to 1 (rate)"));
        // 0.80, 0.95: the end 1.05 is past the maximum, but no point is.
        assertThat(scenarios.sweep(valley("mssp-basic", range("maximumSharingRate", "0.80", "1.05", "0.15"))).points()).hasSize(2);
        assertThat(refusal(valley("mssp-basic", range("maximumSharingRate", "-0.10", "0.20", "0.10")))).containsExactly(
                new InputProblem("/vary/0/start", "the start -0.10 is below the minimum: maximumSharingRate is allowed from 0 to 1 (rate)"));
    }

    @Test
    void aRangeThatCannotBeSweptIsRefusedBeforeAnythingIsSettled() {
        assertThatThrownBy(() -> scenarios.sweep(valley("mssp-basic", range("sharingRateBasis", "0", "1", "1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/vary/0/parameter")
                .hasMessageContaining("only rate, amount, number and count parameters can be swept");
        assertThatThrownBy(() -> scenarios.sweep(valley("mssp-basic", range("maximumSharingRate", "0.40", "0.70", "0"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/vary/0/step");
        assertThatThrownBy(() -> scenarios.sweep(valley("mssp-basic", range("maximumSharingRate", "0.70", "0.40", "0.05"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/vary/0/end");
        assertThatThrownBy(() -> scenarios.sweep(valley("mssp-basic", range("reconciliationLagMonths", "1.5", "3", "1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/vary/0/start");
        assertThatThrownBy(() -> scenarios.sweep(valley("mssp-basic")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/vary");
    }

    @Test
    void theCommandLineFormOfARangeParses() {
        SweepRequest.Range range = SweepRequest.Range.parse("maximumSharingRate=0.40:0.70:0.05");
        assertThat(range).isEqualTo(range("maximumSharingRate", "0.40", "0.70", "0.05"));
        assertThatThrownBy(() -> SweepRequest.Range.parse("maximumSharingRate=0.40:0.70")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRungOfAQualityLadderIsSweptLikeAnyTerm() {
        SweepRequest request = valley("commercial-global-budget", range("qualityBonusLadder[3].rate", "0.08", "0.12", "0.02"));
        List<Settlement> points = scenarios.sweeper().settle(request);
        assertThat(points).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String rate = List.of("0.08", "0.10", "0.12").get(i);
            Settlement alone = Fixtures.SERVICE.evaluate(ContractChoice.of("commercial-global-budget")
                    .with("qualityBonusLadder[3].rate", rate), Fixtures.VALLEY);
            assertThat(points.get(i)).isEqualTo(alone);
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, BigDecimal>> ladder = (List<java.util.Map<String, BigDecimal>>)
                    points.get(i).contract().terms().get("quality-bonus").get("qualityBonusLadder");
            assertThat(ladder.get(3).get("rate")).isEqualByComparingTo(rate);
            assertThat(ladder.get(2).get("rate")).isEqualByComparingTo("0.07");
        }
    }

    /** A sweep of the elected minimum savings rate visits only the elections 42 CFR 425.605(b)(2) offers. */
    @Test
    void aSweptElectionOffTheRegulationsStepsIsRefusedAtItsRange() {
        assertThat(refusal(valley("mssp-basic", range("electedMinimumSavingsRate", "0", "0.01", "0.0025")))).containsExactly(
                new InputProblem("/vary/0", "point 0.0025 of electedMinimumSavingsRate: 0.0025 is not one of the values"
                        + " electedMinimumSavingsRate may take in any contract of concept shared-savings: 0, 0.005, 0.01, 0.015, 0.02"
                        + " (rules/payment/shared-savings.concept.yaml)"),
                new InputProblem("/vary/0", "point 0.0075 of electedMinimumSavingsRate: 0.0075 is not one of the values"
                        + " electedMinimumSavingsRate may take in any contract of concept shared-savings: 0, 0.005, 0.01, 0.015, 0.02"
                        + " (rules/payment/shared-savings.concept.yaml)"));
        assertThat(scenarios.sweeper().settle(valley("mssp-basic", range("electedMinimumSavingsRate", "0", "0.02", "0.005")))).hasSize(5);
    }

    /** A point the evaluation refuses for its varied term is named at that term's range (it named /contract/overrides/targetPmpm). */
    @Test
    void aPointRefusedForItsVariedTermIsNamedAtItsRange() {
        assertThat(refusal(valley("ma-capitation", range("targetPmpm", "0", "1000", "500")))).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/vary/0");
            assertThat(p.reason()).startsWith("at the point where targetPmpm is 0: clause ").contains("a targetPmpm of 0 makes that target 0");
        });
    }

    /** A budgetPmpm range reaching 0 is refused at that range, not settled with the whole cost a deficit. */
    @Test
    void aBudgetPmpmRangeReachingZeroIsRefusedAtItsRange() {
        assertThat(refusal(valley("commercial-global-budget", range("surplusShareRate", "0.5", "0.6", "0.1"),
                range("budgetPmpm", "0", "1000", "500")))).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/vary/1");
                    assertThat(p.reason()).startsWith("at the point where budgetPmpm is 0: clause global-budget (Global budget) ")
                            .endsWith("a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit");
                });
    }

    /** A stored version of commercial-global-budget whose budgetPmpm is 0 (its overrides as stored). */
    private static ContractChoice versionWithABudgetOfZero() {
        return new ContractChoice("commercial-global-budget", java.util.Map.of("budgetPmpm", "0"),
                new Settlement.StoredVersion("version-1", "sha256:0"));
    }

    /**
     * A varied term's base value is never settled: a version's budgetPmpm of 0 swept from 500 to 1000 settles both
     * points (it was refused at /contract/overrides/budgetPmpm, a field the request does not have, though no point is 0).
     */
    @Test
    void aVersionsBudgetOfZeroSweptOverBudgetsAboveZeroSettlesEveryPoint() {
        List<Settlement> points = scenarios.sweeper().settle(new SweepRequest(versionWithABudgetOfZero(), Fixtures.VALLEY,
                List.of(range("budgetPmpm", "500", "1000", "500"))));
        assertThat(points).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String budget = List.of("500", "1000").get(i);
            assertThat(points.get(i)).isEqualTo(Fixtures.SERVICE.evaluate(ContractChoice.of("commercial-global-budget")
                    .with("budgetPmpm", new BigDecimal(budget)), Fixtures.VALLEY));
        }
    }

    /** A version's term of 0 that the sweep does not vary is named at the version the request chose. */
    @Test
    void aVersionsBudgetOfZeroNotVariedIsNamedAtTheVersion() {
        assertThat(refusal(new SweepRequest(versionWithABudgetOfZero(), Fixtures.VALLEY,
                List.of(range("surplusShareRate", "0.4", "0.6", "0.1"))))).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/contract/contractVersionId");
                    assertThat(p.reason()).startsWith("the contract version's budgetPmpm is 0: clause global-budget (Global budget) ")
                            .endsWith("a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit");
                });
    }

    /**
     * An override of 0 of the term the sweep varies from 500 is refused for being both set and varied, not for its
     * value, which no point settles (it was refused at /contract/overrides/budgetPmpm for the budget of 0).
     */
    @Test
    void anOverrideOfZeroOfTheVariedTermIsRefusedForBeingVariedNotForItsValue() {
        SweepRequest request = new SweepRequest(ContractChoice.of("commercial-global-budget").with("budgetPmpm", "0"), Fixtures.VALLEY,
                List.of(range("budgetPmpm", "500", "1000", "500")));
        assertThat(refusal(request)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/vary/0/parameter");
            assertThat(p.reason()).startsWith("'budgetPmpm' is also set in the contract's overrides");
        });
    }

    /**
     * Checking a sweep (what a job does before it is accepted) checks every point as its run would: a floor of 0.06
     * for each of valley's 25 practices, the range's last point, is refused at the range (the check passed it).
     */
    @Test
    void checkingASweepRefusesAPointItsRunWouldRefuse() {
        SweepRequest request = valley("mssp-basic", range("practiceFloorShare", "0", "0.06", "0.02"));
        Throwable thrown = catchThrowable(() -> scenarios.check(request));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown).request()).hasValue(3);
        assertThat(((InvalidInputException) thrown).problems()).singleElement()
                .isEqualTo(new InputProblem("/vary/0", "at the point where practiceFloorShare is 0.06: a floor of 0.06 of the pool "
                        + "for each of 25 practices exceeds the pool"));
        assertThat(refusal(request)).isEqualTo(((InvalidInputException) thrown).problems());
    }

    @Test
    void aTermSetByRegulationIsNotSwept() {
        assertThat(refusal(valley("mssp-basic", range("sequestrationRate", "0", "0.02", "0.01")))).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/vary/0/parameter");
            assertThat(p.reason()).contains("sequestrationRate is set by regulation and not negotiable");
        });
    }

    /** The API document promises 2,500 points to a one-dimensional sweep: 0.0000 to 0.2499 by 0.0001 is 2,500. */
    @Test
    void aRangeOf2500PointsIsAcceptedAndOneMoreIsRefused() {
        List<java.util.Map<String, BigDecimal>> points = scenarios.sweeper()
                .points(valley("mssp-basic", range("maximumSharingRate", "0.0000", "0.2499", "0.0001")));
        assertThat(points).hasSize(2_500);
        assertThat(points.get(2_499).get("maximumSharingRate")).isEqualByComparingTo("0.2499");

        assertThatThrownBy(() -> scenarios.sweeper().points(valley("mssp-basic",
                range("maximumSharingRate", "0.0000", "0.2500", "0.0001"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem("/vary/0/step", "the range has more than 2500 points")));
    }

    /** Outputs list practices by id whatever the facts' order (docs/hashes.md): reversed facts, same table. */
    @Test
    void practicesComeOutByIdWhateverTheFactsOrder() {
        List<org.accord.facts.PracticePerformance> practices = new java.util.ArrayList<>(Fixtures.VALLEY.practices());
        java.util.Collections.reverse(practices);
        org.accord.facts.PerformanceFacts reversed = new org.accord.facts.PerformanceFacts(Fixtures.VALLEY.ipa(), Fixtures.VALLEY.period(),
                practices);
        SweepResult forward = scenarios.sweep(valley("mssp-basic", range("maximumSharingRate", "0.40", "0.50", "0.10")));
        SweepResult backward = scenarios.sweep(new SweepRequest(ContractChoice.of("mssp-basic"), reversed,
                List.of(range("maximumSharingRate", "0.40", "0.50", "0.10"))));

        assertThat(backward.table()).isEqualTo(forward.table());
        assertThat(backward.points().get(0).practices()).extracting(Settlement.PracticeTotal::practiceId).isSorted();
    }
}
