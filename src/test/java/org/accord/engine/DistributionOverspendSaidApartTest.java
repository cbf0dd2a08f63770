package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * A deficit shared by own overspend says either the practice's overspend or, with no cost target to overspend, its share
 * of member months, not both: every practice's line read "... the practice's overspend $0.00 ... of the practices' total
 * overspend $1,666,666.67; with no overspend anywhere, its share of member months (33.3333%)" (golden
 * distribution/a-deficit-shared-by-own-overspend*). A rule set stored before settles every case as the shipped rules do,
 * and says its sentence as it ran.
 */
class DistributionOverspendSaidApartTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of 60879f1). */
    private static final String SAID_TOGETHER = "engine/distribution-no-overspend-said-with-overspend";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(SAID_TOGETHER, "distribution/distribution.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "the cases reach the rules the change touched",
                List.of("A deficit shared by overspend weighs each practice by its own overspend against its share of the cost target",
                        "A deficit shared by overspend without a cost target weighs each practice by member months"));
    }

    @Test
    void aStoredRuleSetSaysBothBasesAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "distribution",
                "a-deficit-shared-by-own-overspend-without-a-cost-target-is-shared-by-member-months.yaml");
        assertThat(replayed.findings()).filteredOn(l -> l.scope().equals("P1") && "weight".equals(l.detail()))
                .singleElement().satisfies(l -> assertThat(l.explanation()).isEqualTo(
                        "Weight 25% of the deficit -$325,000.00 (deficitAllocation own-overspend): the practice's overspend $0.00 (actual"
                                + " cost $11,000,000.00 beyond its share of the no cost target) of the practices' total overspend $0.00; with"
                                + " no overspend anywhere, its share of member months (25%)."));
    }
}
