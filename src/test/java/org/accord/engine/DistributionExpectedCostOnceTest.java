package org.accord.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost-performance rules' consequences compute a practice's risk-weight share once and its expected cost
 * from it, instead of the expected cost again and the share again for the line (issue 15). A rule set stored
 * before, which computed them at each use, settles as the shipped rules do.
 */
class DistributionExpectedCostOnceTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of commit 6a5ed9e, its totals sentence in the later dec format). */
    private static final String EXPECTED_COST_PER_USE = "engine/distribution-expected-cost-per-use";

    @Test
    void aStoredRuleSetThatComputedTheExpectedCostAtEachUseSettlesAsTheShippedRulesDo() {
        RuleBase earlier = ReplayedRuleSets.shippedWith(EXPECTED_COST_PER_USE, "distribution/distribution.drl");
        ReplayedRuleSets.assertSettlesAsShipped(earlier, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "A practice under its share of the cost target has the difference as its cost performance",
                        "A practice at or over its share of the cost target has no cost performance"));
    }
}
