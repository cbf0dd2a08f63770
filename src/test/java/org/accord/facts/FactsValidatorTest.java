package org.accord.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.accord.validation.InputProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FactsValidatorTest {

    private static PracticePerformance practice(String id, int memberMonths, List<QualityMeasureCount> measures) {
        return new PracticePerformance(id, "Practice " + id, 100, memberMonths, new BigDecimal("1.0"),
                new BigDecimal("1000.00"), BigDecimal.ZERO, 0, 0, 0, 0, measures);
    }

    private static PerformanceFacts facts(PracticePerformance... practices) {
        return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"),
                new PerformancePeriod(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null, null, null),
                List.of(practices));
    }

    @Test
    void validFactsHaveNoProblems() {
        assertThat(FactsValidator.problems(facts(practice("P1", 1200, List.of(new QualityMeasureCount("CBP", 10, 20, 2)))))).isEmpty();
    }

    @Test
    void everyProblemNamesItsFieldWithAJsonPointer() {
        List<InputProblem> problems = FactsValidator.problems(facts(
                practice("P1", -5, List.of(new QualityMeasureCount("CBP", 30, 20, 0), new QualityMeasureCount("BCS", 1, 5, 6))),
                practice("P1", 12, List.of())));
        assertThat(problems).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/practices/0/memberMonths", "/practices/0/qualityMeasures/0/numerator",
                "/practices/0/qualityMeasures/1/exclusions", "/practices/1/id");
        assertThat(problems).extracting(InputProblem::reason)
                .contains("cannot be negative (was -5)", "numerator (30) exceeds the denominator less exclusions (20)",
                        "exclusions (6) exceed the denominator (5)", "practice id 'P1' is used twice");
    }

    @Test
    void anIpaWithoutPracticesOrPeriodIsRejected() {
        PerformanceFacts empty = new PerformanceFacts(new PerformanceFacts.Ipa("", null), null, List.of());
        assertThat(FactsValidator.problems(empty)).extracting(InputProblem::pointer)
                .containsExactlyInAnyOrder("/ipa/id", "/period", "/practices");
    }

    @Test
    void countsAboveTheirBoundAreRefusedNamingTheField() {
        // Issue 14: members of 2,147,483,647 + 2,147,483,647 + 5,002 wrapped to 5,000 beneficiaries, and two
        // denominators of 2^31 - 1 to a negative eligible count. Each practice count is now bounded.
        PracticePerformance huge = new PracticePerformance("P1", "Practice P1", Integer.MAX_VALUE, 1200, new BigDecimal("1.0"),
                new BigDecimal("1000.00"), BigDecimal.ZERO, 0, 0, 0, 0,
                List.of(new QualityMeasureCount("CBP", 10, Integer.MAX_VALUE, 0)));
        PracticePerformance large = new PracticePerformance("P2", "Practice P2", Integer.MAX_VALUE, 1200, new BigDecimal("1.0"),
                new BigDecimal("1000.00"), BigDecimal.ZERO, 0, 0, 0, 0,
                List.of(new QualityMeasureCount("CBP", 10, Integer.MAX_VALUE, 0)));
        List<InputProblem> problems = FactsValidator.problems(facts(huge, large, practice("P3", 1200, List.of())));

        assertThat(problems).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/practices/0/attributedMembers", "/practices/0/qualityMeasures/0/denominator",
                "/practices/1/attributedMembers", "/practices/1/qualityMeasures/0/denominator");
        assertThat(problems.get(0).reason()).isEqualTo("must be at most 400,000 members (was 2,147,483,647)");
    }

    @Test
    void countsAtTheirBoundAreAccepted() {
        PracticePerformance atBounds = new PracticePerformance("P1", "Practice P1", FactLimit.ATTRIBUTED_MEMBERS.maximum(),
                FactLimit.MEMBER_MONTHS.maximum(), new BigDecimal("1.0"), new BigDecimal("1000.00"), BigDecimal.ZERO,
                FactLimit.VISITS.maximum(), FactLimit.ANNUAL_WELLNESS_VISITS.maximum(), FactLimit.ED_VISITS.maximum(),
                FactLimit.INPATIENT_ADMISSIONS.maximum(), List.of(new QualityMeasureCount("CBP", FactLimit.NUMERATOR.maximum(),
                        FactLimit.DENOMINATOR.maximum(), 0)));
        assertThat(FactsValidator.problems(facts(atBounds))).isEmpty();
    }

    @Test
    void anIpaWithMorePracticesThanTheBoundIsRefused() {
        PracticePerformance[] practices = new PracticePerformance[FactLimit.PRACTICES.maximum() + 1];
        for (int i = 0; i < practices.length; i++) {
            practices[i] = practice("P" + i, 12, List.of());
        }
        assertThat(FactsValidator.problems(facts(practices))).extracting(InputProblem::pointer, InputProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/practices", "must be at most 5,000 practices (was 5,001)"));
    }
    @Nested
    @DisplayName("facts that contradict one another")
    class OneFactAgainstAnother {

        private static PracticePerformance withHighCostMembers(String totalCostOfCare, String... highCostMemberCosts) {
            return new PracticePerformance("P1", "Practice P1", 100, 1200, new BigDecimal("1.0"), new BigDecimal(totalCostOfCare),
                    BigDecimal.ZERO, 0, 0, 0, 0, List.of(), Map.of("highCostMemberCosts", List.of(highCostMemberCosts)));
        }

        @Test
        void highCostMembersCostingMoreThanThePracticesTotalCostOfCareAreRefusedSayingBoth() {
            assertThat(FactsValidator.problems(facts(withHighCostMembers("100000.00", "5000000")))).extracting(InputProblem::pointer,
                    InputProblem::reason).containsExactly(tuple("/practices/0/extra/highCostMemberCosts",
                    "its amounts sum to 5000000, more than the practice's totalCostOfCare of 100000.00, which it is a part of"));
            assertThat(FactsValidator.problems(facts(withHighCostMembers("100000.00", "60000.00", "40000.01")))).singleElement()
                    .extracting(InputProblem::reason).asString().startsWith("its amounts sum to 100000.01, more than");
        }

        @Test
        void highCostMembersCostingUpToTheWholeAreAccepted() {
            assertThat(FactsValidator.problems(facts(withHighCostMembers("100000.00", "60000.00", "40000.00")))).isEmpty();
            assertThat(FactsValidator.problems(facts(withHighCostMembers("0.00")))).isEmpty();
        }

        @Test
        void aReplayChecksTheFactsAsItsRunWasChecked() {
            assertThat(FactsValidator.problems(facts(withHighCostMembers("100000.00", "5000000")), FactsValidator.Checks.AS_STORED))
                    .isEmpty();
        }
    
        private static PerformanceFacts inAgreement(LocalDate start, LocalDate end, LocalDate agreementStart) {
            return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"), new PerformancePeriod(2022, start, end, null, null, null,
                    null, null, null, true, agreementStart, null), List.of(practice("P1", 1200, List.of())));
        }

        @Test
        void anAgreementStartingAfterThePerformancePeriodIsRefused() {
            assertThat(FactsValidator.problems(inAgreement(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2024, 1, 1))))
                    .extracting(InputProblem::pointer, InputProblem::reason).containsExactly(tuple("/period/agreementStart",
                            "the agreement starts on 2024-01-01, after the performance period ends on 2022-12-31 (performance year 2022):"
                                    + " a performance year belongs to an agreement begun by its end"));
            // Without an end, the period ends with its performance year.
            assertThat(FactsValidator.problems(inAgreement(null, null, LocalDate.of(2023, 1, 1)))).extracting(InputProblem::pointer)
                    .containsExactly("/period/agreementStart");
            assertThat(FactsValidator.problems(inAgreement(null, null, LocalDate.of(2023, 1, 1)), FactsValidator.Checks.AS_STORED)).isEmpty();
        }

        @Test
        void anAgreementBegunByThePeriodsLastDayIsAccepted() {
            assertThat(FactsValidator.problems(inAgreement(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31))))
                    .isEmpty();
            // Begun in the year (MSSP's July starts), or before it.
            assertThat(FactsValidator.problems(inAgreement(null, null, LocalDate.of(2022, 7, 1)))).isEmpty();
            assertThat(FactsValidator.problems(inAgreement(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2019, 7, 1))))
                    .isEmpty();
        }
    
        private static PerformanceFacts inYear(int year, LocalDate start, LocalDate end) {
            return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"), new PerformancePeriod(year, start, end, null, null, null,
                    null, null), List.of(practice("P1", 1200, List.of())));
        }

        @Test
        void aPeriodWithNoDayInItsPerformanceYearIsRefused() {
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))))
                    .extracting(InputProblem::pointer, InputProblem::reason).containsExactly(tuple("/period/performanceYear",
                            "the period 2026-01-01 to 2026-12-31 has no day in performance year 2025, whose contract values would apply to it"));
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))))
                    .extracting(InputProblem::pointer).containsExactly("/period/performanceYear");
            // A side not given is the year's own: a start in the next year alone is outside it.
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2026, 1, 1), null))).extracting(InputProblem::pointer)
                    .containsExactly("/period/performanceYear");
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                    FactsValidator.Checks.AS_STORED)).isEmpty();
        }

        @Test
        void aPeriodReachingIntoItsPerformanceYearIsAcceptedAFiscalYearAcrossTwoCalendarYearsWithEither() {
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)))).isEmpty();
            assertThat(FactsValidator.problems(inYear(2024, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)))).isEmpty();
            assertThat(FactsValidator.problems(inYear(2025, null, null))).isEmpty();
            assertThat(FactsValidator.problems(inYear(2025, LocalDate.of(2025, 7, 1), null))).isEmpty();
        }
    }
}
