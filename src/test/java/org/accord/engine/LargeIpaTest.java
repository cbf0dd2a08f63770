package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.FactLimit;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/** IPA-wide sums beyond the int range are exact: the engine sums counts in long. */
class LargeIpaTest {

    @Test
    void memberMonthsSummedPastTheIntRangeAreExact() {
        // 500 practices at the member-month bound: 500 x 4,800,000 = 2,400,000,000 > 2,147,483,647.
        int practices = 500;
        int memberMonths = FactLimit.MEMBER_MONTHS.maximum();
        List<PracticePerformance> performances = new ArrayList<>();
        for (int i = 0; i < practices; i++) {
            performances.add(new PracticePerformance(String.format("P%03d", i), "Practice " + i, FactLimit.ATTRIBUTED_MEMBERS.maximum(),
                    memberMonths, BigDecimal.ONE, new BigDecimal("5040000000.00"), BigDecimal.ZERO, 0, 0, 0, 0, List.of()));
        }
        PerformanceFacts facts = new PerformanceFacts(new PerformanceFacts.Ipa("large-ipa", "Large IPA"),
                new PerformancePeriod(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, new BigDecimal("0.90"),
                        null, null), performances);

        Settlement settlement = Engine.service().evaluate(ContractChoice.of("ma-capitation"), facts);

        SettlementLine corridor = settlement.findings().stream().filter(f -> f.basis().containsKey("riskWeightedMemberMonths"))
                .filter(f -> "risk-corridor".equals(f.clause())).findFirst().orElseThrow();
        assertThat(new BigDecimal(corridor.basis().get("riskWeightedMemberMonths").toString())).isEqualByComparingTo("2400000000");
        // Target 1,050.00 x 2,400,000,000 = 2,520,000,000,000.00, the practices' costs summed: no variance.
        assertThat((BigDecimal) corridor.basis().get("target")).isEqualByComparingTo("2520000000000.00");
        assertThat((BigDecimal) corridor.basis().get("gain")).isEqualByComparingTo("0");
        // Capitation 52.00 x 4,800,000 to each practice, 500 times: 124,800,000,000.00 less the withheld and
        // returned 10% (the 0.90 score returns all of it).
        assertThat(settlement.totals().payerTotal()).isEqualByComparingTo("124800000000.00");
    }
}
