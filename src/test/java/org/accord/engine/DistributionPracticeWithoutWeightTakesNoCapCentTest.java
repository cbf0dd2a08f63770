package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * A practice whose weight is zero, raised to the floor, no longer takes the cent the caps leave over when its
 * remainder ties with what is retained (golden distribution/the-odd-cent-the-caps-leave-is-retained-not-given-to-a-
 * practice-without-weight-at-the-floor). A rule set stored before settles every other case as the shipped rules do,
 * and replays that one as it ran: Money keeps the allocation it called.
 */
class DistributionPracticeWithoutWeightTakesNoCapCentTest {

    /** rules/distribution/distribution.drl as it was before the change. */
    private static final String A_PRACTICE_WITHOUT_WEIGHT_TAKES_THE_CAPS_CENT = "engine/distribution-a-practice-without-weight-takes-the-caps-cent";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(A_PRACTICE_WITHOUT_WEIGHT_TAKES_THE_CAPS_CENT, "distribution/distribution.drl");

    @Test
    void aStoredRuleSetSettlesTheOtherCasesAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The distributable pool is allocated by weight within floors and caps, to the cent",
                        "A practice whose weight's share is below the floor is raised to the floor, from the practices within the bounds"));
    }

    @Test
    void aStoredRuleSetReplaysTheCapCentAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "distribution",
                "the-odd-cent-the-caps-leave-is-retained-not-given-to-a-practice-without-weight-at-the-floor.yaml");

        assertThat(ReplayedRuleSets.distributionPaid(replayed, "P3", null)).isEqualByComparingTo("100.02");
        assertThat(ReplayedRuleSets.distributionPaid(replayed, "IPA", "retained by the caps")).isEqualByComparingTo("200.02");
    }
}
