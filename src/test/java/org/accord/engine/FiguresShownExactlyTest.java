package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.junit.jupiter.api.Test;

/**
 * A figure the rules go on with unrounded is shown exactly, or cut at its format's places and followed by "...", never
 * rounded without saying so: CMS 2018's A1409 read "x final sharing rate 45.405% = $17,109,094.83, less sequestration of
 * 2%", of 37,681,081 x 0.45405 = 17,109,094.82805, the product the sequestration is taken from (Explanations, "{name:usd
 * exact}"). No amount moves: a rule set stored before settles every case as the shipped rules do, in its own words.
 */
class FiguresShownExactlyTest {

    /** The rule files whose sentences name such a figure, as they were before the change (the shipped text of commit 97a1e4d). */
    private static final String SHOWN_ROUNDED_UNSAID = "engine/figures-shown-rounded-unsaid";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(SHOWN_ROUNDED_UNSAID, "cost/compared-cost.drl",
            "distribution/distribution.drl", "payment/admin-fee.drl", "payment/below-minimum-savings-rate.drl", "payment/fee-for-service.drl",
            "payment/global-budget.drl", "payment/loss-limit.drl", "payment/shared-losses.drl", "payment/shared-savings.drl",
            "payment/withhold.drl", "quality/alternative-quality-standard.drl", "quality/measure-rates.drl", "quality/quality-bonus.drl",
            "quality/quality-composite.drl", "quality/quality-gate.drl", "risk/risk-corridor.drl", "risk/stop-loss.drl");

    private static final String A1409 = "cms-2018-a1409-capped-at-the-performance-payment-limit.yaml";

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach rules the change touched", List.of(
                        "Savings at or above the minimum savings rate beyond the performance payment limit are paid up to the limit",
                        "The budget is the PMPM times risk-weighted member months",
                        "A practice's weight blends its shares of member months, quality and cost performance",
                        "The corridor target is the target PMPM times risk-weighted member months",
                        "A measure's rate is its numerator over its eligible members, and earns a point for each gate it reaches"));
    }

    @Test
    void theProductTheSequestrationIsTakenFromIsShownExactly() {
        // 37,681,081 x 0.45405 = 17,109,094.82805; x 0.98 = 16,766,912.931489, above the limit 0.10 x 121,182,225 = 12,118,222.50
        SettlementLine shared = sharedSavings(ReplayedRuleSets.settledWith(RuleBases.builtIn(), "shared-savings", A1409));
        assertThat(shared.amount()).isEqualByComparingTo("12118222.50");
        assertThat(shared.explanation()).contains("x final sharing rate 45.405% = $17,109,094.82805, less sequestration of 2%");
    }

    @Test
    void aStoredRuleSetShowsTheProductRoundedAsItRan() {
        SettlementLine shared = sharedSavings(ReplayedRuleSets.settledWith(EARLIER, "shared-savings", A1409));
        assertThat(shared.amount()).isEqualByComparingTo("12118222.50");
        assertThat(shared.explanation()).contains("x final sharing rate 45.405% = $17,109,094.83, less sequestration of 2%");
    }

    private static SettlementLine sharedSavings(Settlement settlement) {
        return settlement.lines().stream().filter(l -> l.clause().equals("shared-savings") && l.isPayable()).findFirst().orElseThrow();
    }
}
