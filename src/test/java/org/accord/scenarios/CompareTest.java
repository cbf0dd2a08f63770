package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.settlement.Settlement;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompareTest {

    private final Scenarios scenarios = Fixtures.scenarios();

    @Nested
    @DisplayName("A proposal that raises the fee-schedule percentage and the wellness-visit bonus (small panel, Medicaid FFS + P4P)")
    class HandWorked {

        // Baseline medicaid-ffs-p4p: fee-for-service at 105% of the fee schedule, $25 per wellness visit.
        // Proposal: 110% and $30. Practice P01: allowed $92,464.32, 196 wellness visits.
        //   FFS     92,464.32 x 1.05 = 97,087.536  -> 97,087.54;  x 1.10 = 101,710.752 -> 101,710.75; change +4,623.21
        //   bonus   196 x 25 = 4,900.00;            196 x 30 = 5,880.00;                           change   +980.00
        // P02: allowed $111,326.40, 178 visits.
        //   FFS     116,892.72 -> 122,459.04 (+5,566.32);  bonus 4,450.00 -> 5,340.00 (+890.00)
        // P03: allowed $128,976.96, 329 visits.
        //   FFS     135,425.808 -> 135,425.81; 141,874.656 -> 141,874.66 (+6,448.85); bonus 8,225.00 -> 9,870.00 (+1,645.00)
        private final ComparisonResult result = scenarios.compare(new CompareRequest(Fixtures.SMALL_PANEL,
                ContractChoice.of("medicaid-ffs-p4p"),
                List.of(ContractChoice.of("medicaid-ffs-p4p").with("negotiatedPercentage", "1.10").with("bonusPerAnnualWellnessVisit", "30.00"))));
        private final ComparisonResult.ProposalComparison proposal = result.proposals().get(0);

        @Test
        void theTermsThatDifferAreListedWithBothValues() {
            assertThat(proposal.termDifferences()).extracting(ComparisonResult.TermDifference::parameter,
                            t -> ((BigDecimal) t.baselineValue()).toPlainString(), t -> ((BigDecimal) t.proposalValue()).toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("negotiatedPercentage", "1.05", "1.10"),
                            org.assertj.core.groups.Tuple.tuple("bonusPerAnnualWellnessVisit", "25.00", "30.00"));
        }

        @Test
        void everyLineChangesByTheHandWorkedAmountRankedLargestFirst() {
            assertThat(proposal.lines()).hasSize(21);
            assertThat(proposal.lines().subList(0, 6)).extracting(l -> l.scope() + " " + l.clause() + " " + l.delta().toPlainString())
                    .containsExactly("P03 fee-for-service 6448.85", "P02 fee-for-service 5566.32", "P01 fee-for-service 4623.21",
                            "P03 pay-for-performance 1645.00", "P01 pay-for-performance 980.00", "P02 pay-for-performance 890.00");
            ComparisonResult.LineDelta p01Ffs = proposal.lines().get(2);
            assertThat(p01Ffs.baseline()).isEqualByComparingTo("97087.54");
            assertThat(p01Ffs.proposal()).isEqualByComparingTo("101710.75");
            assertThat(proposal.lines().subList(6, 21)).allSatisfy(l -> assertThat(l.delta()).isZero());
        }

        @Test
        void practiceAndIpaTotalsChangeByTheSumOfTheirLines() {
            // P03 +6,448.85 + 1,645.00 = +8,093.85; P02 +5,566.32 + 890.00 = +6,456.32; P01 +4,623.21 + 980.00 = +5,603.21
            assertThat(proposal.practices()).extracting(d -> d.item() + " " + d.delta().toPlainString())
                    .containsExactly("P03 8093.85", "P02 6456.32", "P01 5603.21");
            // 8,093.85 + 6,456.32 + 5,603.21 = 20,153.38, all paid directly (no pool in this template)
            assertThat(proposal.ipaTotals().get(0).item()).isEqualTo("payerTotal");
            assertThat(proposal.ipaTotals().get(0).delta()).isEqualByComparingTo("20153.38");
        }
    }

    @Test
    void aLinePresentOnOneSideOnlyCountsAgainstZero() {
        ComparisonResult result = scenarios.compare(new CompareRequest(Fixtures.SMALL_PANEL, ContractChoice.of("ma-capitation"),
                List.of(ContractChoice.of("medicaid-ffs-p4p"))));
        ComparisonResult.ProposalComparison p = result.proposals().get(0);
        ComparisonResult.LineDelta capitation = p.lines().stream()
                .filter(l -> l.scope().equals("P01") && l.clause().equals("capitation")).findFirst().orElseThrow();
        // P01's capitation: $52.00 x 4,836 member months x 1.13 = 284,163.36, gone under the proposal.
        assertThat(capitation.baseline()).isEqualByComparingTo("284163.36");
        assertThat(capitation.proposal()).isZero();
        assertThat(capitation.delta()).isEqualByComparingTo("-284163.36");
        assertThat(capitation.proposalExplanation()).isNull();
        ComparisonResult.LineDelta ffs = p.lines().stream()
                .filter(l -> l.scope().equals("P01") && l.clause().equals("fee-for-service")).findFirst().orElseThrow();
        assertThat(ffs.baseline()).isZero();
        assertThat(ffs.delta()).isEqualByComparingTo("97087.54");
        assertThat(ffs.baselineExplanation()).isNull();
        assertThat(p.termDifferences()).anySatisfy(t -> {
            assertThat(t.parameter()).isEqualTo("capitationPmpm");
            assertThat(t.proposalValue()).isNull();
        });
    }

    @Test
    void theDeltasAreTheDifferencesOfTheSettlementsEvaluatedAlone() {
        ContractChoice baseline = ContractChoice.of("mssp-basic");
        ContractChoice proposal = baseline.with("maximumSharingRate", "0.50");
        ComparisonResult result = scenarios.compare(new CompareRequest(Fixtures.VALLEY, baseline, List.of(proposal)));
        Settlement before = Fixtures.SERVICE.evaluate(baseline, Fixtures.VALLEY);
        Settlement after = Fixtures.SERVICE.evaluate(proposal, Fixtures.VALLEY);
        ComparisonResult.ProposalComparison p = result.proposals().get(0);
        // Savings 13,733,810.98 x 0.40 x 0.98 = 5,383,653.90; x 0.50 x 0.98 = 6,729,567.38: +1,345,913.48
        assertThat(p.lines().get(0).clause()).isEqualTo("shared-savings");
        assertThat(p.lines().get(0).delta()).isEqualByComparingTo("1345913.48");
        assertThat(p.ipaTotals()).filteredOn(d -> d.item().equals("payerTotal")).singleElement()
                .satisfies(d -> assertThat(d.delta()).isEqualByComparingTo(after.totals().payerTotal().subtract(before.totals().payerTotal())));
        for (Settlement.PracticeTotal t : after.totals().practices()) {
            BigDecimal expected = t.total().subtract(before.totals().practices().stream()
                    .filter(b -> b.practiceId().equals(t.practiceId())).findFirst().orElseThrow().total());
            assertThat(p.practices()).filteredOn(d -> d.item().equals(t.practiceId())).singleElement()
                    .satisfies(d -> assertThat(d.delta()).isEqualByComparingTo(expected));
        }
        assertThat(p.practices()).isSortedAccordingTo((a, b) -> b.delta().abs().compareTo(a.delta().abs()));
        assertThat(result.factsHash()).isEqualTo(before.factsHash());
    }

    /**
     * Under a cap every practice's distribution is written by another rule than without one (a capped
     * practice's, or one within the bounds taking its part of what the caps cut); each was two half-rows
     * ranked first, one per side, and is now one row with both amounts and both rules (found by trying the
     * compare view). Valley IPA under mssp-basic, the proposal capping any practice at 5% of the pool
     * (4,603,024.08 x 0.05 = 230,151.204: the capped practices receive 230,151.20).
     */
    @Test
    void aLinePaidByAnotherRuleUnderTheProposalIsOneRowWithBothRules() {
        ContractChoice baseline = ContractChoice.of("mssp-basic");
        ContractChoice proposal = baseline.with("practiceCapShare", "0.05");
        ComparisonResult.ProposalComparison p = scenarios.compare(new CompareRequest(Fixtures.VALLEY, baseline, List.of(proposal)))
                .proposals().get(0);

        List<ComparisonResult.LineDelta> distribution = p.lines().stream()
                .filter(l -> l.clause().equals("distribution") && !l.scope().equals("IPA")).toList();
        assertThat(distribution).hasSize(Fixtures.VALLEY.practices().size())
                .extracting(ComparisonResult.LineDelta::scope).doesNotHaveDuplicates();
        for (ComparisonResult.LineDelta line : distribution) {
            assertThat(line.baselineRule()).isEqualTo("With no floor or cap binding, a practice receives its weight's share of the pool");
            assertThat(line.rule()).isNotEqualTo(line.baselineRule());
            assertThat(line.baseline().signum()).isPositive();
            assertThat(line.proposal().signum()).isPositive();
            assertThat(line.baselineExplanation()).isNotNull();
            assertThat(line.proposalExplanation()).isNotNull();
            assertThat(p.practices()).filteredOn(d -> d.item().equals(line.scope())).singleElement()
                    .satisfies(d -> assertThat(d.delta()).isEqualByComparingTo(line.delta()));
        }
        assertThat(distribution).filteredOn(l -> l.rule().startsWith("A practice whose weight's share is above the cap"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.proposal()).isEqualByComparingTo("230151.20"));
        // A line the same rule writes on both sides names no baseline rule.
        assertThat(p.lines()).filteredOn(l -> l.clause().equals("shared-savings")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.baselineRule()).isNull());
    }

    /** A proposal whose global budget is 0 is refused at its place, not compared with the whole cost a deficit. */
    @Test
    void aProposalWithABudgetOfZeroIsRefusedAtItsPlace() {
        assertThatThrownBy(() -> scenarios.compare(new CompareRequest(Fixtures.VALLEY, ContractChoice.of("commercial-global-budget"),
                List.of(ContractChoice.of("commercial-global-budget-stop-loss").with("budgetPmpm", "0")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/proposals/0/overrides/budgetPmpm");
                    assertThat(p.reason()).endsWith("a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit");
                }));
    }

    @Test
    void aBadProposalIsNamedByItsPlaceInTheRequest() {
        assertThatThrownBy(() -> scenarios.compare(new CompareRequest(Fixtures.VALLEY, ContractChoice.of("mssp-basic"),
                List.of(ContractChoice.of("mssp-basic").with("maximumSharingRate", "1.5"), ContractChoice.of("no-such-template")))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InputProblem::pointer)
                        .containsExactly("/proposals/0/overrides/maximumSharingRate", "/proposals/1/templateId"));
        assertThatThrownBy(() -> scenarios.compare(new CompareRequest(Fixtures.VALLEY, ContractChoice.of("mssp-basic"), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/proposals");
    }
}
