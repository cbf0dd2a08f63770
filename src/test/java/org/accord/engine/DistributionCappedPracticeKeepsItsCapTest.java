package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * A practice held at the cap no longer gives the cent the floors, rounded up, take beyond the pool (golden
 * distribution/the-cent-the-floors-take-beyond-the-pool-comes-from-*). A rule set stored before settles every
 * other case as the shipped rules do, and replays that one as it ran: Money keeps the allocation it called.
 */
class DistributionCappedPracticeKeepsItsCapTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of commit c19edf9). */
    private static final String A_CAPPED_PRACTICE_GIVES_THE_FLOORS_CENT = "engine/distribution-a-capped-practice-gives-the-floors-cent";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(A_CAPPED_PRACTICE_GIVES_THE_FLOORS_CENT, "distribution/distribution.drl");

    @Test
    void aStoredRuleSetSettlesTheOtherCasesAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The distributable pool is allocated by weight within floors and caps, to the cent",
                        "A practice whose weight's share is above the cap receives the cap, and what the cap cuts goes to the practices within the bounds",
                        "A practice whose weight's share is below the floor is raised to the floor, from the practices within the bounds"));
    }

    @Test
    void aStoredRuleSetReplaysTheCapCentAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "distribution",
                "the-cent-the-floors-take-beyond-the-pool-comes-from-what-is-retained-not-a-capped-practice.yaml");

        assertThat(ReplayedRuleSets.distributionPaid(replayed, "P1", null)).isEqualByComparingTo("400.01");
        assertThat(ReplayedRuleSets.distributionPaid(replayed, "P2", null)).isEqualByComparingTo("400.02");
        assertThat(ReplayedRuleSets.distributionPaid(replayed, "IPA", "retained by the caps")).isEqualByComparingTo("100.00");
    }
}
