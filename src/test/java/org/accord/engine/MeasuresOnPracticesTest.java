package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.accord.facts.PerformanceFacts;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * A practice's quality measures are carried on its {@link Practice} and the IPA's pooled ones on its
 * {@link Ipa}, read with {@code from}: the shipped rules match no {@link Measure} fact, so none is
 * inserted (issue 15). Rule sets stored before (replays) match Measure facts and get them.
 */
class MeasuresOnPracticesTest {

    /** The rule files as they were when the measures were facts (the shipped text of commit 7819ac4). */
    private static final String MEASURES_AS_FACTS = "engine/measures-as-facts";

    private static final List<String> MEASURE_RULES = List.of(
            "A measure with fewer eligible members than the minimum denominator is not scored",
            "A measure's rate is its numerator over its eligible members, and earns a point for each gate it reaches",
            "The IPA's quality composite is its points earned over its points possible",
            "A practice's quality composite is its points earned over its points possible",
            "A reported measure that no clause of the contract knows changes no amount and is named",
            "Each member meeting a bonus measure earns that measure's bonus");

    @Test
    void theShippedRulesMatchNoMeasureFactAndTheEarlierRulesDo() {
        RuleBase shipped = Engine.service().rules();
        assertThat(Evaluator.matchesFactsOf(shipped, Measure.class)).isFalse();
        assertThat(Evaluator.matchesFactsOf(shipped, Practice.class)).isTrue();
        assertThat(Evaluator.matchesFactsOf(measuresAsFacts(false), Measure.class)).isTrue();
    }

    @Test
    void aStoredRuleSetThatReadsMeasureFactsSettlesAsTheShippedRulesDo() {
        assertSettlesAsShipped(measuresAsFacts(false));
    }

    /** Older still: no totals rule, the engine sums the IPA and inserts its pooled measures itself. */
    @Test
    void aStoredRuleSetWithoutTheTotalsRuleSettlesAsTheShippedRulesDo() {
        RuleBase old = measuresAsFacts(true);
        assertThat(old.kieBase().getRule("org.accord.rules", Evaluator.TOTALS_RULE)).isNull();
        assertSettlesAsShipped(old);
    }

    @Test
    void aPracticeCarriesItsMeasuresInTheOrderReportedAndTheIpaTheirPooledCounts() {
        PerformanceFacts valley = Engine.example("valley-ipa");
        Practice practice = new Practice(new Evaluation(0), valley.practices().get(0));
        assertThat(practice.getMeasures()).extracting(Measure::getMeasureId)
                .containsExactlyElementsOf(valley.practices().get(0).qualityMeasures().stream().map(m -> m.measureId()).toList());
        assertThat(practice.getMeasures()).allSatisfy(m -> assertThat(m.getScope()).isEqualTo(practice.getId()));
        String reported = practice.getMeasures().get(0).getMeasureId();
        assertThat(practice.reports(reported)).isTrue();
        assertThat(practice.reports(reported + "-not-reported")).isFalse();
    }

    private static void assertSettlesAsShipped(RuleBase old) {
        assertThat(Evaluator.matchesFactsOf(old, Measure.class)).isTrue();
        ReplayedRuleSets.assertSettlesAsShipped(old, List.of("valley-ipa", "small-panel"),
                "the cases reach every rule that reads measures", MEASURE_RULES);
    }

    /**
     * The shipped rules with the files that read measures as they were; without the totals rule if asked
     * (RuleSelectionTest replays the first one too: compiled once per test run, through the cache).
     */
    static RuleBase measuresAsFacts(boolean withoutTotalsRule) {
        String[] files = {"ipa/totals.drl", "payment/pay-for-performance.drl", "quality/measure-rates.drl",
                "quality/quality-composite.drl", "quality/unknown-measures.drl"};
        if (!withoutTotalsRule) {
            return ReplayedRuleSets.shippedWith(MEASURES_AS_FACTS, files);
        }
        Map<String, String> text = ReplayedRuleSets.shippedTextWith(MEASURES_AS_FACTS, files);
        text.remove("ipa/totals.drl");
        return RuleBases.forSources(text);
    }
}
