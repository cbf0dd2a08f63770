package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.junit.jupiter.api.Test;

/**
 * The risk corridor pays the sum over its bands rounded once to the cent, its band lines adding up to it (golden
 * risk-corridor/the-corridor-pays-the-sum-over-its-bands-rounded-once and its loss). A rule set stored before rounded
 * each band alone: it settles every other case as the shipped rules do, and the fixed case as it ran.
 */
class CorridorRoundedOnceTest {

    /** rules/risk/risk-corridor.drl as it was before the change (the shipped text of eeca332). */
    private static final String BANDS_ROUNDED_ALONE = "engine/corridor-bands-rounded-alone";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(BANDS_ROUNDED_ALONE, "risk/risk-corridor.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "the cases reach the rules the change touched",
                List.of("The corridor's settlement is the sum over its bands, rounded once to the cent",
                        "In a band the IPA keeps its share of the gain that falls in the band",
                        "In a band the IPA bears its share of the loss that falls in the band"));
    }

    @Test
    void aStoredRuleSetPaysEachBandRoundedAloneAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "risk-corridor",
                "the-corridor-pays-the-sum-over-its-bands-rounded-once.yaml");
        assertThat(replayed.lines()).filteredOn(l -> l.clause().equals("risk-corridor")).extracting(SettlementLine::amount)
                .map(java.math.BigDecimal::toPlainString).containsExactly("50400.25", "4799.87", "0.00");
        assertThat(replayed.findings()).extracting(SettlementLine::rule)
                .doesNotContain("The corridor's settlement is the sum over its bands, rounded once to the cent");
    }
}
