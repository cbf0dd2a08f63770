package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
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
        Map<String, byte[]> text = new TreeMap<>(ClasspathFolder.read(RuleBase.FOLDER));
        Map<String, byte[]> earlier = ClasspathFolder.read(SCORED_WITH_FROM);
        assertThat(earlier).containsOnlyKeys("quality/measure-rates.drl", "quality/quality-composite.drl");
        earlier.forEach((path, bytes) -> assertThat(text.put(path, bytes)).as(path).isNotNull().isNotEqualTo(bytes));
        ReplayedRuleSets.assertSettlesAsShipped(RuleBase.compile(text), List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The IPA's quality composite is its points earned over its points possible",
                        "A practice's quality composite is its points earned over its points possible",
                        "A measure's rate is its numerator over its eligible members, and earns a point for each gate it reaches",
                        "A measure with fewer eligible members than the minimum denominator is not scored"));
    }
}
