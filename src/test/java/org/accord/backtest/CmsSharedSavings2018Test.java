package org.accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CMS's published 2018 Shared Savings Program results, reproduced ACO by ACO through the same
 * rules and decision tables as any IPA contract ({@code examples/cms/mssp-aco-puf-2018.csv}).
 */
class CmsSharedSavings2018Test {

    @Test
    @DisplayName("All 548 ACOs of the 2018 public use file are reproduced within the file's rounding bound")
    void everyAcoOfThe2018PublicUseFileIsReproduced() {
        BacktestResult result = Cms2018.RESULT;
        assertThat(result.total()).isEqualTo(548);
        assertThat(result.reproduced())
                .withFailMessage(() -> result.summary() + "; misses:\n" + result.misses().stream()
                        .map(m -> "  " + m.acoId() + " track " + m.track() + ": expected " + m.expected() + ", computed "
                                + m.computed() + ", difference " + m.difference() + ", tolerance " + m.tolerance()
                                + " - " + String.join("; ", m.reasons()))
                        .collect(Collectors.joining("\n")))
                .isEqualTo(548);
        assertThat(result.summary()).isEqualTo("backtest: 548 of 548 ACOs reproduced within tolerance; "
                + "0 missed for an input the file does not publish; 0 unexplained");
        assertThat(result.misses()).isEmpty();
    }

    @Test
    void everyTrackIsSettledUnderItsOwnTemplate() {
        Map<String, Long> templates = Cms2018.SETTLEMENTS.stream()
                .collect(Collectors.groupingBy(s -> s.contract().templateId(), Collectors.counting()));
        // Counts of the Current_Track_* flags in the file.
        assertThat(templates).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mssp-aco-track-1", 453L, "mssp-aco-track-1-plus", 52L, "mssp-aco-track-2", 7L, "mssp-aco-track-3", 36L));
    }

    @Test
    void theMinimumSavingsRateTableGivesEveryAcoOnThePopulationBasedRateTheRateCmsPublished() {
        // Every Track 1 row, and every two-sided row whose MinSavPerc is not one of the elected
        // steps (0%, 0.5% to 2%), compares the table's rate with MinSavPerc (a mismatch would be a
        // miss); this checks the comparison really ran on all of them.
        Map<String, Long> compared = Cms2018.INPUT.cases().stream().filter(c -> !c.expectedFindings().isEmpty())
                .collect(Collectors.groupingBy(AcoCase::track, Collectors.counting()));
        assertThat(compared).containsExactlyInAnyOrderEntriesOf(Map.of("1", 453L, "1+", 13L, "3", 7L));
    }

    /**
     * Golden ACOs: each derived by hand from its row. Savings are ABtotBnchmk - ABtotExp (the
     * facts' benchmark less total cost of care); the published EarnSaveLoss is whole dollars
     * computed from BnchmkMinExp, so the engine's cents may differ from it within the tolerance.
     */
    @Nested
    @DisplayName("Golden ACOs")
    class GoldenAcos {

        static Stream<Arguments> goldenAcos() {
            return Stream.of(
                    Arguments.of("A3551", "1", "3900096.69", "3900097", """
                            Track 1, savings shared. N_AB 13,085: MSR = 3.0% - (13,085 - 10,000) / (14,999 - 10,000) x 0.3%
                            = 2.8148630% (MinSavPerc 0.02814863). Savings 150,295,988 - 142,336,607 = 7,959,381, rate 5.2958% >= MSR.
                            Final sharing rate 0.50 x QualScore 1 = 0.50: 3,979,690.50; less 2% sequestration = 3,900,096.69;
                            limit 10% x 150,295,988 = 15,029,598.80 does not bind. CMS: 7,959,382 x 0.50 x 0.98 = 3,900,097.18 -> 3,900,097."""),
                    Arguments.of("A1409", "1", "12118222.50", "12118223", """
                            Track 1, capped. Savings 121,182,225 - 83,501,144 = 37,681,081, rate 31.09% >= MSR 3.7645646%.
                            Final sharing rate 0.50 x 0.9081 = 0.45405: 17,109,094.83; less sequestration 16,766,912.93;
                            the performance payment limit 10% x 121,182,225 = 12,118,222.50 binds (after sequestration:
                            capping first and then sequestering would give 11,875,858, not what CMS paid)."""),
                    Arguments.of("A3075", "1", "0.00", "0", """
                            Track 1, below the MSR. N_AB 10,027: MSR = 3.0% - 27 / 4,999 x 0.3% = 2.9983797%.
                            Savings 97,389,249 - 94,642,809 = 2,746,440, rate 2.8201% < MSR: nothing is shared."""),
                    Arguments.of("A1215", "3", "-6101212.60", "-6101212", """
                            Track 3, losses with a disaster adjustment. Losses 812,497,276 - 797,237,607 = 15,259,669, rate 1.914%
                            >= elected MLR 0.5%. Final sharing rate 0.75 x 0.8884 = 0.6663; shared loss rate 1 - 0.6663 = 0.3337,
                            raised to the 40% floor: 6,103,867.60; loss limit 15% x 797,237,607 = 119,585,641.05 does not bind;
                            less |DisAdj| 2,655 = 6,101,212.60 owed. CMS: 15,259,668 x 0.40 - 2,655 = 6,101,212.20 -> -6,101,212."""),
                    Arguments.of("A3743", "3", "-2118243.50", "-2118244", """
                            Track 3, quality standard not met (Met_QPS 0). Losses 89,276,593 - 86,448,539 = 2,828,054, rate 3.27%
                            >= MLR 1%. Final sharing rate 0 (QualScore 0.4545 is not used), so the shared loss rate 1 - 0 = 1
                            is held to the 75% ceiling: 2,121,040.50; less |DisAdj| 2,797 = 2,118,243.50 owed; CMS -2,118,244."""),
                    Arguments.of("A2392", "1+", "-1757682.90", "-1757683", """
                            Track 1+, losses at the fixed 30%. Losses 136,127,125 - 130,265,792 = 5,861,333, rate 4.50% >= MLR
                            2.7168034% (MinSavPerc). 5,861,333 x 0.30 = 1,758,399.90; loss limit 4% x 130,265,792 = 5,210,631.68
                            does not bind (RevLossLimit 1 changes nothing here); less |DisAdj| 717 = 1,757,682.90 owed.""")
            );
        }

        @ParameterizedTest(name = "{0} (Track {1}): {2}")
        @MethodSource("goldenAcos")
        void isSettledAsDerivedByHand(String acoId, String track, String computed, String published, String derivation) {
            BacktestResult.Outcome outcome = Cms2018.outcomeOf(acoId);
            assertThat(derivation).isNotBlank();
            assertThat(outcome.track()).isEqualTo(track);
            assertThat(outcome.computed()).isEqualByComparingTo(computed);
            assertThat(outcome.expected()).isEqualByComparingTo(published);
            assertThat(outcome.reproduced()).isTrue();
        }

        @Test
        void theA3551MinimumSavingsRateIsInterpolatedFromTheCmsTable() {
            SettlementLine msr = finding(Cms2018.settlementOf("A3551"), "The minimum savings rate for the assigned population comes from the CMS table");
            BigDecimal rate = (BigDecimal) msr.basis().get("minimumSavingsRate");
            // 0.030 - (13,085 - 10,000) / (14,999 - 10,000) x (0.030 - 0.027) = 0.0281486297259451890...
            assertThat(rate.setScale(20, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.02814862972594518904");
            assertThat(rate.setScale(9, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("0.028148630");
            assertThat(msr.basis()).containsEntry("rangeStart", new BigDecimal("10000")).containsEntry("rangeEnd", new BigDecimal("14999"));
        }

        @Test
        void theA1409PaymentIsTheLimitAfterSequestration() {
            SettlementLine line = payable(Cms2018.settlementOf("A1409"), "shared-savings");
            assertThat((BigDecimal) line.basis().get("sharedSavings")).isEqualByComparingTo("17109094.82805");
            assertThat((BigDecimal) line.basis().get("paymentLimit")).isEqualByComparingTo("12118222.50");
            assertThat(line.amount()).isEqualByComparingTo("12118222.50");
        }

        @Test
        void theA1215LossRateIsRaisedToTheFloorAndTheDisasterAdjustmentReducesWhatIsOwed() {
            SettlementLine line = payable(Cms2018.settlementOf("A1215"), "shared-losses");
            assertThat((BigDecimal) line.basis().get("lossSharingRate")).isEqualByComparingTo("0.40");
            assertThat((BigDecimal) line.basis().get("lossAdjustment")).isEqualByComparingTo("2655");
            assertThat((BigDecimal) line.basis().get("sharedLosses")).isEqualByComparingTo("6103867.60");
        }

        @Test
        void theA3743LossRateIsHeldToTheCeilingWhenTheQualityStandardIsNotMet() {
            SettlementLine line = payable(Cms2018.settlementOf("A3743"), "shared-losses");
            assertThat((BigDecimal) line.basis().get("lossSharingRate")).isEqualByComparingTo("0.75");
            assertThat(line.amount()).isEqualByComparingTo("-2118243.50");
        }

        @Test
        void theA2392LossRateIsTheFixedThirtyPercent() {
            SettlementLine line = payable(Cms2018.settlementOf("A2392"), "shared-losses");
            assertThat((BigDecimal) line.basis().get("lossSharingRate")).isEqualByComparingTo("0.30");
            assertThat((BigDecimal) line.basis().get("lossLimitAmount")).isEqualByComparingTo("5210631.68");
        }

        private static SettlementLine finding(Settlement settlement, String rule) {
            List<SettlementLine> found = settlement.findings().stream().filter(f -> f.rule().equals(rule)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }

        private static SettlementLine payable(Settlement settlement, String clause) {
            List<SettlementLine> found = settlement.lines().stream().filter(l -> l.clause().equals(clause) && l.amount().signum() != 0).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
