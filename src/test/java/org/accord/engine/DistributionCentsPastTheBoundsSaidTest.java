package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * With cap = floor and a pool that does not split in whole cents, the odd cents now go to the first practices (ties by
 * practice id) and the fractions of a cent past the cap or the floor are said; a practice held at a bound and paid a cent
 * off it in whole cents says so (golden distribution/with-cap-and-floor-equal-*, a-capped-practice-that-gives-back-*,
 * a-floored-practice-that-takes-*). A rule set stored before settles every other case as the shipped rules do, and replays
 * those as they ran: Money keeps the allocation it called, cents taken back from the earliest of a tie.
 */
class DistributionCentsPastTheBoundsSaidTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of commit 824ff55). */
    private static final String HELD_AT_A_BOUND_SAID_TO_RECEIVE_IT = "engine/distribution-held-at-a-bound-said-to-receive-it";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(HELD_AT_A_BOUND_SAID_TO_RECEIVE_IT, "distribution/distribution.drl");

    @Test
    void aStoredRuleSetSettlesTheOtherCasesAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "The distributable pool is allocated by weight within floors and caps, to the cent",
                        "A practice whose weight's share is above the cap receives the cap, and what the cap cuts goes to the practices within the bounds",
                        "A practice whose weight's share is below the floor is raised to the floor, from the practices within the bounds",
                        "When a floor or cap binds, a practice within the bounds takes its part of the difference by weight",
                        "With no floor or cap binding, a practice receives its weight's share of the pool"));
    }

    @Test
    void aStoredRuleSetReplaysTheOddCentsAndTheSentencesAsTheyRan() {
        Settlement equal = replayed("with-cap-and-floor-equal-and-the-pool-not-splitting-in-cents-the-odd-cents-go-to-the-first-practices-and-are-said.yaml");
        assertThat(ReplayedRuleSets.distributionPaid(equal, "P1", null)).isEqualByComparingTo("250.00");
        assertThat(ReplayedRuleSets.distributionPaid(equal, "P4", null)).isEqualByComparingTo("250.01");
        assertThat(equal.findings()).noneMatch(f -> f.detail().equals("above the cap") || f.detail().equals("below the floor"));

        Settlement capped = replayed("a-capped-practice-that-gives-back-the-floors-cent-is-said-to-receive-less-than-the-cap.yaml");
        assertThat(ReplayedRuleSets.distributionPaid(capped, "P1", null)).isEqualByComparingTo("399.99");
        assertThat(capped.lines()).filteredOn(l -> l.scope().equals("P1") && l.clause().equals("distribution"))
                .singleElement().satisfies(l -> assertThat(l.explanation()).contains("so it receives the cap of 40%"));
    }

    private static Settlement replayed(String golden) {
        return ReplayedRuleSets.settledWith(EARLIER, "distribution", golden);
    }
}
