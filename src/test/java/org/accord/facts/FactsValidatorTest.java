package org.accord.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.accord.validation.InputProblem;
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
}
