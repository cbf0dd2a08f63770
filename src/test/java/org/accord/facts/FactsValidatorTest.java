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
        // Wellness visits at most the member months (moreAnnualWellnessVisitsThanMemberMonthsAreRefused), below their own bound.
        PracticePerformance atBounds = new PracticePerformance("P1", "Practice P1", FactLimit.ATTRIBUTED_MEMBERS.maximum(),
                FactLimit.MEMBER_MONTHS.maximum(), new BigDecimal("1.0"), new BigDecimal("1000.00"), BigDecimal.ZERO,
                FactLimit.VISITS.maximum(), FactLimit.MEMBER_MONTHS.maximum(), FactLimit.ED_VISITS.maximum(),
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
    @DisplayName("risk scores and amounts within the bounds rules/facts.yaml declares")
    class DeclaredBounds {

        private static PracticePerformance scored(String riskScore, String totalCostOfCare, String feeScheduleAllowedAmount) {
            return scored("P1", riskScore, totalCostOfCare, feeScheduleAllowedAmount);
        }

        private static PracticePerformance scored(String id, String riskScore, String totalCostOfCare, String feeScheduleAllowedAmount) {
            return new PracticePerformance(id, "Practice " + id, 100, 1200, new BigDecimal(riskScore), new BigDecimal(totalCostOfCare),
                    new BigDecimal(feeScheduleAllowedAmount), 0, 0, 0, 0, List.of());
        }

        private static PerformanceFacts withPeriodAmounts(String benchmark, String lossAdjustment, String revenue) {
            return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"), new PerformancePeriod(2025, null, null,
                    new BigDecimal(benchmark), null, null, null, new BigDecimal(lossAdjustment), new BigDecimal(revenue), null, null, null),
                    List.of(practice("P1", 1200, List.of())));
        }

        @Test
        void aRiskScoreOutside0Point1To10IsRefusedNamingTheBound() {
            // Found from outside: 1e20 settled a capitation of $6.24e24, 1e-30 one of $0.00; 1173 for 1.173 pays 1,173 times.
            assertThat(FactsValidator.problems(facts(scored("1173", "1000.00", "0")))).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/practices/0/averageRiskScore", "must be at most 10 (was 1173)"));
            assertThat(FactsValidator.problems(facts(scored("1e20", "1000.00", "0")))).extracting(InputProblem::reason)
                    .containsExactly("must be at most 10 (was 100000000000000000000)");
            assertThat(FactsValidator.problems(facts(scored("0.0999", "1000.00", "0")))).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/practices/0/averageRiskScore", "must be at least 0.1 (was 0.0999)"));
            assertThat(FactsValidator.problems(facts(scored("0", "1000.00", "0")))).extracting(InputProblem::reason)
                    .as("refused once, as not above zero").containsExactly("must be greater than zero");
        }

        @Test
        void aRiskScoreFrom0Point1To10IsAccepted() {
            assertThat(FactsValidator.problems(facts(scored("0.1", "1000.00", "0"), scored("P2", "10", "1000.00", "0")))).isEmpty();
        }

        @Test
        void aPracticesAmountsAbove480BillionAreRefusedNamingTheBound() {
            // Found from outside: a total cost of care of 30 nines was settled.
            assertThat(FactsValidator.problems(facts(scored("1.0", "999999999999999999999999999999", "480000000000.01"))))
                    .extracting(InputProblem::pointer, InputProblem::reason).containsExactly(
                            tuple("/practices/0/totalCostOfCare", "must be at most 480000000000 USD (was 999999999999999999999999999999)"),
                            tuple("/practices/0/feeScheduleAllowedAmount", "must be at most 480000000000 USD (was 480000000000.01)"));
            assertThat(FactsValidator.problems(facts(scored("1.0", "480000000000.00", "480000000000")))).isEmpty();
        }

        @Test
        void thePeriodsAmountsAboveTheirBoundAreRefused() {
            assertThat(FactsValidator.problems(withPeriodAmounts("2400000000000000.01", "1e16", "2400000000000001")))
                    .extracting(InputProblem::pointer).containsExactly("/period/benchmarkExpenditure", "/period/lossAdjustment",
                            "/period/participantRevenue");
            assertThat(FactsValidator.problems(withPeriodAmounts("2400000000000000", "0", "2400000000000000.00"))).isEmpty();
        }

        @Test
        void aNegativeAmountIsRefusedOnceAsNegative() {
            assertThat(FactsValidator.problems(facts(scored("1.0", "-1", "0")))).extracting(InputProblem::reason)
                    .containsExactly("cannot be negative (was -1)");
        }

        @Test
        void aReplayChecksTheFactsAsItsRunWasChecked() {
            assertThat(FactsValidator.problems(facts(scored("1e20", "999999999999999999999999999999", "0")),
                    FactsValidator.Checks.AS_STORED)).isEmpty();
            assertThat(FactsValidator.problems(withPeriodAmounts("1e20", "0", "0"), FactsValidator.Checks.AS_STORED)).isEmpty();
        }
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

        private static PracticePerformance panel(int attributedMembers, int memberMonths, String... highCostMemberCosts) {
            return new PracticePerformance("P1", "Practice P1", attributedMembers, memberMonths, new BigDecimal("1.0"),
                    new BigDecimal("5790000.00"), BigDecimal.ZERO, 0, 0, 0, 0, List.of(),
                    highCostMemberCosts.length == 0 ? Map.of() : Map.of("highCostMemberCosts", List.of(highCostMemberCosts)));
        }

        /** An outside tester's 420 members with 0 member months were settled against a budget of $0 for the practice. */
        @Test
        void membersWithNoMemberMonthsAreRefused() {
            assertThat(FactsValidator.problems(facts(panel(420, 0)))).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/practices/0/memberMonths", "is 0 for 420 attributed members: a member attributed at period"
                            + " end was a member in the period, so member months are at least 1"));
            assertThat(FactsValidator.problems(facts(panel(420, 0)), FactsValidator.Checks.AS_STORED)).isEmpty();
        }

        @Test
        void moreListedHighCostMembersThanMemberMonthsAreRefused() {
            assertThat(FactsValidator.problems(facts(panel(1, 2, "1000.00", "2000.00", "3000.00")))).extracting(InputProblem::pointer,
                    InputProblem::reason).containsExactly(tuple("/practices/0/extra/highCostMemberCosts", "lists 3 high-cost members for"
                            + " 2 member months: each listed member was a member for at least a month of the period, or part of one, which"
                            + " counts as one"));
        }

        private static PracticePerformance withWellnessVisits(int memberMonths, int annualWellnessVisits) {
            return new PracticePerformance("P1", "Practice P1", 420, memberMonths, new BigDecimal("1.0"), new BigDecimal("5790000.00"),
                    BigDecimal.ZERO, 1313, annualWellnessVisits, 0, 0, List.of());
        }

        /** Found from outside: 5,000 wellness visits for 4,836 member months were paid 5,000 x $25.00 under medicaid-ffs-p4p. */
        @Test
        void moreAnnualWellnessVisitsThanMemberMonthsAreRefused() {
            assertThat(FactsValidator.problems(facts(withWellnessVisits(4836, 5000)))).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/practices/0/annualWellnessVisits", "5000 annual wellness visits for 4836 member months: a"
                            + " member has at most one in twelve months and was a member for at least a month of the period, or part of"
                            + " one, which counts as one, so the visits are at most the member months"));
            assertThat(FactsValidator.problems(facts(withWellnessVisits(4836, 5000)), FactsValidator.Checks.AS_STORED)).isEmpty();
        }

        /** A panel that turned over monthly can have had a visit in every member month, in a period of any length. */
        @Test
        void asManyAnnualWellnessVisitsAsMemberMonthsAreAccepted() {
            assertThat(FactsValidator.problems(facts(withWellnessVisits(4836, 4836)))).isEmpty();
            assertThat(FactsValidator.problems(facts(withWellnessVisits(1, 1)))).isEmpty();
        }

        /** Members are counted at period end: a panel that shrank or left, and high-cost members who died, are facts of life. */
        @Test
        void whatAPanelThatChangedInThePeriodCanHaveIsAccepted() {
            assertThat(FactsValidator.problems(facts(panel(0, 4836)))).isEmpty();
            assertThat(FactsValidator.problems(facts(panel(1, 12, "1000.00", "2000.00", "3000.00")))).isEmpty();
            assertThat(FactsValidator.problems(facts(panel(0, 0)))).isEmpty();
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
    }

    @Nested
    @DisplayName("a performance period and its performance year")
    class APeriodInItsPerformanceYear {

        private static PerformanceFacts inYear(int year, LocalDate start, LocalDate end) {
            return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"), new PerformancePeriod(year, start, end, null, null, null,
                    null, null), List.of(practice("P1", 1200, List.of())));
        }

        private static List<InputProblem> problems(int year, String start, String end) {
            return FactsValidator.problems(inYear(year, start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end)));
        }

        @Test
        void aPeriodWithOneDayInItsPerformanceYearIsRefused() {
            // Found from outside: performance year 2025 for 2025-12-31 to 2026-12-30 was settled on 2025's budget of
            // $1,020 PMPM, $640,800 less than 2026's $1,055 pays on the same facts.
            assertThat(problems(2025, "2025-12-31", "2026-12-30")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/performanceYear", "the period 2025-12-31 to 2026-12-30 has 1 of its 365 days in"
                            + " performance year 2025, 0.03 of its 12 months: a year's contract values apply only to a period at least"
                            + " half in that year, counted in months (a part of a month by its share of the month's days)"));
            assertThat(problems(2026, "2025-12-31", "2026-12-30")).isEmpty();
        }

        @Test
        void aPeriodWithNoDayInItsPerformanceYearIsRefused() {
            assertThat(problems(2025, "2026-01-01", "2026-12-31")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/performanceYear", "the period 2026-01-01 to 2026-12-31 has 0 of its 365 days in"
                            + " performance year 2025, 0 of its 12 months: a year's contract values apply only to a period at least"
                            + " half in that year, counted in months (a part of a month by its share of the month's days)"));
            assertThat(problems(2025, "2024-01-01", "2024-12-31")).extracting(InputProblem::pointer)
                    .containsExactly("/period/performanceYear");
        }

        @Test
        void aSideNotGivenIsThePerformanceYearsFirstOrLastDay() {
            assertThat(problems(2025, "2026-01-01", null)).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/performanceYear", "the period starts on 2026-01-01, after performance year 2025"
                            + " ends on 2025-12-31, where a period without an end ends: it has no day in the year whose contract values"
                            + " would apply to it"));
            assertThat(problems(2025, null, "2024-12-31")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/performanceYear", "the period ends on 2024-12-31, before performance year 2025"
                            + " starts on 2025-01-01, where a period without a start starts: it has no day in the year whose contract"
                            + " values would apply to it"));
            // 2025-07-01 to 2025-12-31, and 2024-07-01 to 2025-12-31: 12 of 18 months in 2025.
            assertThat(problems(2025, "2025-07-01", null)).isEmpty();
            assertThat(problems(2025, "2024-07-01", null)).isEmpty();
            // 2024-01-01 to 2025-12-31: half of it in 2025, the most a period may last.
            assertThat(problems(2025, "2024-01-01", null)).isEmpty();
            assertThat(problems(2025, null, null)).isEmpty();
        }

        @Test
        void exactlyHalfOfThePeriodInItsPerformanceYearIsAccepted() {
            // A July-to-June fiscal year is 6 months in each calendar year (184 days in the first, 181 in the second):
            // either may name it.
            assertThat(problems(2025, "2024-07-01", "2025-06-30")).isEmpty();
            assertThat(problems(2024, "2024-07-01", "2025-06-30")).isEmpty();
            // One day of December and one of January: 1/31 of a month on each side.
            assertThat(problems(2025, "2025-12-31", "2026-01-01")).isEmpty();
            assertThat(problems(2026, "2025-12-31", "2026-01-01")).isEmpty();
            // Two calendar years, the longest period: 12 of 24 months in each.
            assertThat(problems(2024, "2024-01-01", "2025-12-31")).isEmpty();
            assertThat(problems(2025, "2024-01-01", "2025-12-31")).isEmpty();
        }

        @Test
        void lessThanHalfByADayIsRefused() {
            // 1 of December 2025's 31 days against 2 of January 2026's.
            assertThat(problems(2025, "2025-12-31", "2026-01-02")).extracting(InputProblem::pointer)
                    .containsExactly("/period/performanceYear");
            // 2024-07-02 to 2025-06-30: 5 months and 30 of July's 31 days in 2024 against 6 months in 2025.
            assertThat(problems(2024, "2024-07-02", "2025-06-30")).extracting(InputProblem::reason)
                    .containsExactly("the period 2024-07-02 to 2025-06-30 has 183 of its 364 days in performance year 2024, 5.96 of its"
                            + " 11.97 months: a year's contract values apply only to a period at least half in that year, counted in"
                            + " months (a part of a month by its share of the month's days)");
            assertThat(problems(2025, "2024-07-02", "2025-06-30")).isEmpty();
        }

        @Test
        void aPeriodLongerThan24MonthsIsRefusedAtItsEnd() {
            // Found from outside: 2022-01-01 to 2025-12-31 was settled as performance year 2025 alone.
            assertThat(problems(2025, "2022-01-01", "2025-12-31")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/end", "the period 2022-01-01 to 2025-12-31 lasts 48 months (1461 days): a performance"
                            + " period lasts at most 24 months, so one starting on 2022-01-01 ends by 2023-12-31"));
            assertThat(problems(2025, "2024-01-01", "2026-01-01")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/end", "the period 2024-01-01 to 2026-01-01 lasts 24 months and 1 day (732 days): a"
                            + " performance period lasts at most 24 months, so one starting on 2024-01-01 ends by 2025-12-31"));
            // 24 months from the 15th end on the 14th: 17/31 of March 2024, 23 months, 14/31 of March 2026; 12 in 2025.
            assertThat(problems(2025, "2024-03-15", "2026-03-15")).extracting(InputProblem::pointer).containsExactly("/period/end");
            assertThat(problems(2025, "2024-03-15", "2026-03-14")).isEmpty();
        }

        @Test
        void aPeriodLongerThan24MonthsWithoutAnEndIsRefusedAtItsStart() {
            assertThat(problems(2025, "2023-12-31", null)).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/start", "the period 2023-12-31 to 2025-12-31 (its end the last day of performance"
                            + " year 2025, as it gives none) lasts 24 months and 1 day (732 days): a performance period lasts at most 24"
                            + " months, so one starting on 2023-12-31 ends by 2025-12-30"));
            assertThat(problems(2025, null, "2027-01-01")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/end", "the period 2025-01-01 to 2027-01-01 (its start the first day of performance"
                            + " year 2025, as it gives none) lasts 24 months and 1 day (731 days): a performance period lasts at most 24"
                            + " months, so one starting on 2025-01-01 ends by 2026-12-31"));
        }

        @Test
        void cmsFirstPerformanceYearsForAcosStartingInAprilOrJuly2012AreAccepted() {
            // 42 CFR 425.608: an agreement begun in April or July 2012 had its first performance year run to December
            // 2013, 21 and 18 months, 12 of them in 2013 (the year the engine counts it as, Evaluator.yearOfAgreement).
            assertThat(problems(2013, "2012-04-01", "2013-12-31")).isEmpty();
            assertThat(problems(2013, "2012-07-01", "2013-12-31")).isEmpty();
            assertThat(problems(2012, "2012-04-01", "2013-12-31")).extracting(InputProblem::pointer)
                    .containsExactly("/period/performanceYear");
        }

        @Test
        void aCalendarYearAQuarterAMonthAndAJulyStartAreAccepted() {
            assertThat(problems(2025, "2025-01-01", "2025-12-31")).isEmpty();
            assertThat(problems(2024, "2024-01-01", "2024-12-31")).isEmpty();
            assertThat(problems(2025, "2025-04-01", "2025-06-30")).isEmpty();
            assertThat(problems(2025, "2025-02-01", "2025-02-28")).isEmpty();
            assertThat(problems(2025, "2025-03-15", "2025-03-15")).isEmpty();
            // MSSP's July 2019 starts: a first performance year of July to December.
            assertThat(problems(2019, "2019-07-01", "2019-12-31")).isEmpty();
        }

        @Test
        void aReplayChecksThePeriodAsItsRunWasChecked() {
            for (PerformanceFacts facts : List.of(inYear(2025, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                    inYear(2025, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 30)),
                    inYear(2025, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31)))) {
                assertThat(FactsValidator.problems(facts, FactsValidator.Checks.AS_STORED)).as(facts.period().toString()).isEmpty();
            }
        }

        @Test
        void aPeriodEndingBeforeItStartsIsRefusedOnceAtItsEnd() {
            assertThat(problems(2025, "2025-12-31", "2025-01-01")).extracting(InputProblem::pointer, InputProblem::reason)
                    .containsExactly(tuple("/period/end", "the period ends before it starts"));
        }
    }
}
