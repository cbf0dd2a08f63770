package org.accord.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Track 2's minimum savings rate before 2016 is the flat 2% the regulation set, not an election: its finding read
 * "Minimum savings rate 2%, as elected" for 2012-2015 (golden shared-savings/track-2-before-2016-*). A rule set stored
 * before settles every other case as the shipped rules do.
 */
class FlatMinimumSavingsRateBeforeElectionsTest {

    /** rules/payment/shared-savings.drl as it was before the change (the shipped text of commit 9804ba2). */
    private static final String SAID_AS_ELECTED = "engine/minimum-savings-rate-said-as-elected-before-elections";

    @Test
    void aStoredRuleSetSettlesEveryOtherCaseAsTheShippedRulesDo() {
        RuleBase earlier = ReplayedRuleSets.shippedWith(SAID_AS_ELECTED, "payment/shared-savings.drl");
        ReplayedRuleSets.assertSettlesAsShipped(earlier, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules of the minimum savings rate", List.of(
                        "An elected minimum savings rate applies as elected"));
    }
}
