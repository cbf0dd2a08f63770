package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * Losses are not said as savings short of the minimum savings rate ("savings of -$5,000,000.00 are $5,200,000.00 short
 * of $200,000.00"), savings not as losses of 0% short of the minimum loss rate, and losses short of the minimum loss rate
 * are said in dollars (golden shared-losses/losses-a-cent-short-* and savings-below-the-minimum-savings-rate-are-no-losses).
 * A rule set stored before settles every case as the shipped rules do, and says its sentences as it ran.
 */
class NoSavingsOrLossesSaidAsSuchTest {

    /** rules/payment/shared-savings.drl and shared-losses.drl as they were before the change (the shipped texts of 60879f1). */
    private static final String LOSSES_SAID_AS_SAVINGS_SHORT = "engine/losses-said-as-savings-short";

    private static final RuleBase EARLIER =
            ReplayedRuleSets.shippedWith(LOSSES_SAID_AS_SAVINGS_SHORT, "payment/shared-savings.drl", "payment/shared-losses.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "the cases reach the rules the change touched",
                List.of("Savings below the minimum savings rate earn nothing", "Expenditures at or above the benchmark leave no savings to share",
                        "Losses short of the minimum loss rate are not shared", "Expenditures at or below the benchmark leave no losses to share"));
    }

    @Test
    void aStoredRuleSetSaysLossesAsSavingsShortAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "shared-losses",
                "losses-a-cent-short-of-the-minimum-loss-rate-say-so-in-dollars.yaml");
        assertThat(replayed.lines()).filteredOn(l -> l.clause().startsWith("shared-")).extracting(l -> l.explanation())
                .containsExactlyInAnyOrder(
                        "No shared losses: expenditures exceed the benchmark by 2%, short of the minimum loss rate of 2%.",
                        "No shared savings: savings of -$199,999.99 are $399,999.99 short of $200,000.00, the least savings in whole cents that"
                                + " reach the minimum savings rate of 2% of the $10,000,000.00 benchmark.");
    }
}
