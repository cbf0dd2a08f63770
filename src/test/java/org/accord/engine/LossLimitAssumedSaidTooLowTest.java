package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.junit.jupiter.api.Test;

/**
 * Track 2's losses cut to the first year's loss limit, assumed without the agreement start, are said to be possibly too
 * low, with the limits of the later years and the most that can be owed (golden loss-limit/track-2-without-agreement-start-*).
 * A rule set stored before settles every case as the shipped rules do, that finding aside, and writes none.
 */
class LossLimitAssumedSaidTooLowTest {

    /** rules/payment/loss-limit.drl as it was before the change (the shipped text of eeca332). */
    private static final String ASSUMED_NOT_SAID_TOO_LOW = "engine/loss-limit-assumed-not-said-too-low";

    private static final String MAY_BE_TOO_LOW =
            "Shared losses owed under the first year's loss limit, assumed without the agreement start, may be too low";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(ASSUMED_NOT_SAID_TOO_LOW, "payment/loss-limit.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "the cases reach the rules the change touched",
                List.of(MAY_BE_TOO_LOW, "Without the agreement start the first year's loss limit applies",
                        "Shared losses owed under an unchecked revenue-based limit need participant revenue"));
    }

    @Test
    void aStoredRuleSetDoesNotSayTheLossesMayBeTooLow() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "loss-limit",
                "track-2-without-agreement-start-says-the-losses-owed-may-be-too-low.yaml");
        assertThat(replayed.findings()).extracting(SettlementLine::rule)
                .contains("Without the agreement start the first year's loss limit applies").doesNotContain(MAY_BE_TOO_LOW);
        assertThat(replayed.lines()).filteredOn(l -> l.clause().equals("shared-losses")).extracting(l -> l.amount().toPlainString())
                .containsExactly("-500000.00");
    }
}
