package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * Shared savings and losses, the global budget's shares, the quality bonus, an administrative fee on a share of the
 * pool, the reserve and the stop-loss's reimbursed cost say that their amounts are rounded half-even to the cent, as
 * capitation's, fee-for-service's and the withhold's do (PaymentsSayTheirRoundingTest): "Surplus share $10.12: the
 * surplus of $20.25 under budget x 50%." of 10.125 left a negotiator rounding half up by hand at 10.13 (golden cases
 * *-round-half-even-and-say-so, *-rounds-half-even-and-says-so). A rule set stored before settles every case as the
 * shipped rules do, and says its sentences as it ran.
 */
class SharesSayTheirRoundingTest {

    /** The eight rule files as they were before the change (the shipped text of commit 532710d). */
    private static final String ROUNDING_UNSAID = "engine/shares-rounded-half-even-unsaid";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(ROUNDING_UNSAID,
            "payment/shared-savings.drl", "payment/below-minimum-savings-rate.drl", "payment/shared-losses.drl",
            "payment/global-budget.drl", "quality/quality-bonus.drl", "payment/admin-fee.drl", "distribution/pool.drl",
            "risk/stop-loss.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "Savings at or above the minimum savings rate within the performance payment limit are shared from the first dollar",
                        "Savings at or above the minimum savings rate beyond the performance payment limit are paid up to the limit",
                        "Savings below the minimum savings rate are shared at half the final sharing rate by an eligible low revenue ACO",
                        "Losses at or beyond the minimum loss rate within the loss limit are shared from the first dollar",
                        "Losses at or beyond the minimum loss rate beyond the loss limit are owed up to the limit",
                        "A surplus under budget is shared at the surplus share rate when the quality gate is met",
                        "A deficit over budget is shared at the deficit share rate",
                        "The quality bonus is the ladder's percentage of the budget",
                        "The administrative fee is a share of the pool, taken off the top",
                        "The reserve is a share of a positive pool after the administrative fee",
                        "The payer reimburses its share of each high-cost member's cost above the attachment point, left out of the cost compared with the targets"));
    }

    @Test
    void aStoredRuleSetSaysItsSharesWithoutTheirRoundingAsItRan() {
        Settlement budget = ReplayedRuleSets.settledWith(EARLIER, "global-budget",
                "surplus-share-bonus-fee-and-reserve-between-cents-round-half-even-and-say-so.yaml");
        // 50% x 20.25 = 10.125, half-even 10.12; 7% x 1,021.50 = 71.505, half-even 71.50
        assertThat(budget.lines()).filteredOn(l -> l.clause().equals("global-budget")).singleElement().satisfies(l -> {
            assertThat(l.explanation()).isEqualTo("Surplus share $10.12: the surplus of $20.25 under budget x 50%.");
            assertThat(l.amount()).isEqualByComparingTo("10.12");
        });
        assertThat(budget.lines()).filteredOn(l -> l.clause().equals("quality-bonus")).singleElement().satisfies(l -> {
            assertThat(l.explanation()).isEqualTo("Quality bonus $71.50: the quality score 85% earns 7% of the $1,021.50 budget.");
            assertThat(l.amount()).isEqualByComparingTo("71.50");
        });
        Settlement losses = ReplayedRuleSets.settledWith(EARLIER, "shared-losses",
                "shared-losses-at-half-a-cent-round-half-even-and-say-so.yaml");
        // 100,000.30 x 0.55 = 55,000.165 owed, half-even 55,000.16
        assertThat(losses.lines()).filteredOn(l -> l.clause().equals("shared-losses")).singleElement().satisfies(l -> {
            assertThat(l.explanation()).endsWith("less $0.00 for extreme and uncontrollable circumstances (never below zero).");
            assertThat(l.amount()).isEqualByComparingTo("-55000.16");
        });
    }
}
