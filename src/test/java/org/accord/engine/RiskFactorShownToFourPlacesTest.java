package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * The capitation sentence shows the risk factor to four places and says that the payment uses the exact quotient: a
 * normalisation risk score of 1.15 printed the factor 1 / 1.15 in its 34 digits (golden capitation/a-risk-factor-that-
 * does-not-end-*). The amounts are unchanged: a rule set stored before settles every case as the shipped rules do, and
 * says its sentence as it ran.
 */
class RiskFactorShownToFourPlacesTest {

    /** rules/payment/capitation.drl as it was before the change (the shipped text of commit 532710d). */
    private static final String IN_ALL_ITS_DIGITS = "engine/risk-factor-in-all-its-digits";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(IN_ALL_ITS_DIGITS, "payment/capitation.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rule the change touched",
                List.of("Capitation is the PMPM times member months times the practice's risk factor"));
    }

    @Test
    void aStoredRuleSetSaysTheRiskFactorInAllItsDigitsAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "capitation",
                "a-risk-factor-that-does-not-end-is-shown-to-four-places-and-paid-on-the-exact-quotient.yaml");
        // 52.00 x 12,000 x 1.00 / 1.15 = 542,608.695652..., half-even 542,608.70
        assertThat(replayed.lines()).filteredOn(l -> l.clause().equals("capitation")).singleElement().satisfies(l -> {
            assertThat(l.explanation()).isEqualTo("Capitation $542,608.70: $52.00 PMPM x 12,000 member months x risk factor "
                    + "0.8695652173913043478260869565217391 (risk score 1 / 1.15), rounded half-even to the cent.");
            assertThat(l.amount()).isEqualByComparingTo("542608.70");
        });
    }
}
