package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * A scope none of whose measures could be scored has its composite taken as 0, and its line says so and why, rather than
 * "Quality composite 0%: 0 of 0 points" (golden quality/*-with-no-measure-scored-*). A rule set stored before settles
 * every case as the shipped rules do, the split-off rules' lines compared as the rules they were split from, and says
 * its sentence as it ran.
 */
class QualityCompositeOfNothingScoredSaidTest {

    /** rules/quality/quality-composite.drl as it was before the change (the shipped text of commit 9804ba2). */
    private static final String SAID_0_OF_0 = "engine/quality-composite-of-nothing-scored-said-0-of-0";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(SAID_0_OF_0, "quality/quality-composite.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The IPA's quality composite is its points earned over its points possible",
                        "A practice's quality composite is its points earned over its points possible",
                        "The IPA's quality composite is taken as zero when none of its measures could be scored",
                        "A practice's quality composite is taken as zero when none of its measures could be scored"));
    }

    @Test
    void aStoredRuleSetSaysZeroOfZeroPointsAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "quality",
                "a-practice-with-no-measure-scored-has-its-composite-taken-as-zero-and-says-why.yaml");
        assertThat(replayed.findings()).filteredOn(l -> "quality-measures".equals(l.clause()) && l.scope().equals("P2")
                        && l.rule().startsWith("A practice's quality composite"))
                .singleElement().satisfies(l -> {
                    assertThat(l.rule()).isEqualTo("A practice's quality composite is its points earned over its points possible");
                    assertThat(l.explanation()).isEqualTo("Quality composite 0%: 0 of 0 points on the practice's scored measures.");
                });
    }
}
