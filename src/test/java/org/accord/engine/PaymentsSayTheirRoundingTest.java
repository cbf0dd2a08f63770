package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/**
 * Capitation, fee-for-service and withhold lines say that their amounts are rounded half-even to the cent, as the
 * corridor's says its rounding: "Capitation $52.06: ... risk factor 1.00125 (risk score 1.00125 / 1)." of 52.065 left a
 * negotiator rounding half up by hand at 52.07 (golden capitation/capitation-at-half-a-cent-*, fee-for-service/
 * fee-for-service-at-half-a-cent-*). A rule set stored before settles every case as the shipped rules do, and says
 * its sentences as it ran.
 */
class PaymentsSayTheirRoundingTest {

    /** rules/payment/capitation.drl, fee-for-service.drl and withhold.drl as they were before the change (the shipped text of commit 9804ba2). */
    private static final String ROUNDING_UNSAID = "engine/payments-rounded-half-even-unsaid";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(ROUNDING_UNSAID,
            "payment/capitation.drl", "payment/fee-for-service.drl", "payment/withhold.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rules the change touched", List.of(
                        "Capitation is the PMPM times member months times the practice's risk factor",
                        "Services are paid at the negotiated percentage of the fee schedule",
                        "The withhold is held back from each capitation payment",
                        "The withhold is returned in the share the quality ladder gives the quality score"));
    }

    @Test
    void aStoredRuleSetSaysItsPaymentsWithoutTheirRoundingAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "capitation",
                "capitation-at-half-a-cent-rounds-half-even-to-the-even-cent-and-says-so.yaml");
        assertThat(replayed.lines()).filteredOn(l -> l.clause().equals("capitation")).singleElement().satisfies(l -> {
            assertThat(l.explanation()).isEqualTo("Capitation $52.06: $52.00 PMPM x 1 member months x risk factor 1.00125 (risk score 1.00125 / 1).");
            assertThat(l.amount()).isEqualByComparingTo("52.06");
        });
        Settlement fees = ReplayedRuleSets.settledWith(EARLIER, "fee-for-service",
                "fee-for-service-at-half-a-cent-rounds-half-even-to-the-even-cent-and-says-so.yaml");
        assertThat(fees.lines()).filteredOn(l -> l.clause().equals("fee-for-service") && l.scope().equals("P1")).singleElement()
                .satisfies(l -> assertThat(l.explanation()).isEqualTo("Fee-for-service $0.10: allowed amount $0.10 x 105% of the fee schedule."));
    }
}
