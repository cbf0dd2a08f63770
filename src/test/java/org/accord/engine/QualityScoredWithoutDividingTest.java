package org.accord.engine;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality composites read their scope's measures in the consequence instead of gathering the scored
 * ones with {@code accumulate ... from}, and a rate is compared with its gates without dividing (issue 15).
 * A rule set stored before, which gathered them and compared the divided rate, settles as the shipped
 * rules do.
 */
class QualityScoredWithoutDividingTest {

    /** rules/quality/measure-rates.drl and quality-composite.drl as they were before the change (the shipped text of commit 407b9de). */
    private static final String SCORED_WITH_FROM = "engine/quality-scored-with-from-and-rates";

    @Test
    void aStoredRuleSetThatGatheredScoredMeasuresAndDividedRatesSettlesAsTheShippedRulesDo() {
        RuleBase earlier = ReplayedRuleSets.shippedWith(SCORED_WITH_FROM, "quality/measure-rates.drl", "quality/quality-composite.drl");
        ReplayedRuleSets.assertSettlesAsShipped(earlier, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The IPA's quality composite is its points earned over its points possible",
                        "A practice's quality composite is its points earned over its points possible",
                        "A measure's rate is its numerator over its eligible members, and earns a point for each gate it reaches",
                        "A measure with fewer eligible members than the minimum denominator is not scored"));
    }
}
