package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * Savings below the minimum savings rate are said in dollars, the savings and the least savings in whole cents that
 * reach the rate, since rates shown to four places can read alike (golden shared-savings/savings-a-cent-short-*: "the
 * savings rate 3.9% is below the minimum savings rate of 3.9%"). A rule set stored before settles every case as the
 * shipped rules do, and says its sentence as it ran.
 */
class SavingsBelowTheMinimumSaidInDollarsTest {

    /** rules/payment/shared-savings.drl as it was before the change (the shipped text of commit 1468555). */
    private static final String SAID_IN_RATES = "engine/shared-savings-below-the-msr-said-in-rates";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(SAID_IN_RATES, "payment/shared-savings.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rule the change touched", List.of("Savings below the minimum savings rate earn nothing"));
    }

    @Test
    void aStoredRuleSetSaysTheSavingsBelowTheMinimumInRatesAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "shared-savings",
                "savings-a-cent-short-of-the-minimum-savings-rate-say-so-in-dollars.yaml");
        assertThat(replayed.lines()).filteredOn(l -> l.rule().equals("Savings below the minimum savings rate earn nothing"))
                .singleElement().satisfies(l -> {
                    assertThat(l.explanation()).isEqualTo("No shared savings: the savings rate 3.9% is below the minimum savings rate of 3.9%.");
                    assertThat(l.amount()).isEqualByComparingTo("0.00");
                });
    }
}
