package org.accord.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A practice's weight reads its quality composite off the distribution's totals, which gathered every
 * scope's composites once, instead of gathering its own again (issue 15). A rule set stored before,
 * whose weight gathered them itself, settles as the shipped rules do.
 */
class DistributionQualityOnTotalsTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of commit 6b2dfcd, its totals sentence in the later dec format). */
    private static final String GATHERED_PER_PRACTICE = "engine/distribution-quality-gathered-per-practice";

    @Test
    void aStoredRuleSetWhoseWeightsGatherTheirOwnQualitySettlesAsTheShippedRulesDo() {
        RuleBase earlier = ReplayedRuleSets.shippedWith(GATHERED_PER_PRACTICE, "distribution/distribution.drl");
        ReplayedRuleSets.assertSettlesAsShipped(earlier, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The IPA's totals of quality and cost performance are taken over its practices",
                        "A practice's weight blends its shares of member months, quality and cost performance"));
    }
}
