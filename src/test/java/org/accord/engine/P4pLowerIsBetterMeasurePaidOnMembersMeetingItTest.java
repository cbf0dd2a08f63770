package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * A per-member bonus on a lower-is-better measure (HBD-POOR) is paid on the members meeting it, the eligible members its
 * numerator does not count (golden fee-for-service/a-lower-is-better-measure-pays-on-*). A rule set stored before settles
 * every other case as the shipped rules do, and replays that one as it ran: the numerator paid.
 */
class P4pLowerIsBetterMeasurePaidOnMembersMeetingItTest {

    /** rules/payment/pay-for-performance.drl as it was before the change (the shipped text from 408b4fd until this change). */
    private static final String NUMERATOR_PAID = "engine/p4p-numerator-paid-for-lower-is-better";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(NUMERATOR_PAID, "payment/pay-for-performance.drl");

    private static final String CASE = "a-lower-is-better-measure-pays-on-the-eligible-members-its-numerator-does-not-count.yaml";

    @Test
    void theSmallPanelsFirstPracticeIsPaidOnTheThirtyFiveMembersMeetingHbdPoor() {
        Settlement settlement = Engine.service().evaluate(
                new ContractChoice("medicaid-ffs-p4p", Map.of("bonusPerMemberMeetingMeasure", Map.of("HBD-POOR", "10.00"))),
                Engine.example("small-panel"));
        SettlementLine p01 = hbdPoor(settlement, "P01");
        // eligible 45 - 1 = 44, of whom the numerator's 9 are poorly controlled: 35 meet the measure
        assertThat(p01.amount()).isEqualByComparingTo("350.00");
        assertThat(p01.explanation()).isEqualTo(
                "HBD-POOR bonus $350.00: 35 members meeting the measure (44 eligible less the 9 counted, a lower-is-better measure) x $10.00.");
    }

    @Test
    void aStoredRuleSetSettlesTheOtherCasesAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"),
                "the cases reach the rule the change touched", List.of("Each member meeting a bonus measure earns that measure's bonus"));
    }

    @Test
    void aStoredRuleSetReplaysTheNumeratorPaidAsItRan() {
        Settlement replayed = ReplayedRuleSets.settledWith(EARLIER, "fee-for-service", CASE);
        SettlementLine line = hbdPoor(replayed, "P1");
        assertThat(line.amount()).isEqualByComparingTo("90.00");
        assertThat(line.explanation()).isEqualTo("HBD-POOR bonus $90.00: 9 members meeting the measure x $10.00.");
    }

    private static SettlementLine hbdPoor(Settlement settlement, String scope) {
        return settlement.lines().stream()
                .filter(l -> l.clause().equals("pay-for-performance") && l.scope().equals(scope) && "HBD-POOR".equals(l.detail()))
                .findFirst().orElseThrow();
    }
}
