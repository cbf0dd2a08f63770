package org.accord.facts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an IPA's facts add up to, so that a person can check what was read before evaluating.
 * Sums are exact: counts in {@code long}, dollars in {@code BigDecimal}, nothing rounded.
 *
 * @param practices                how many practices
 * @param attributedMembers        attributed members, all practices
 * @param memberMonths             member months, all practices
 * @param totalCostOfCare          total cost of care, all practices, USD
 * @param feeScheduleAllowedAmount fee-schedule allowed amounts, all practices, USD
 * @param measures                 each quality measure reported, in the order it first appears
 */
public record FactsSummary(int practices, long attributedMembers, long memberMonths, BigDecimal totalCostOfCare,
                           BigDecimal feeScheduleAllowedAmount, List<Measure> measures) {

    /**
     * A quality measure's counts over the practices that report it.
     *
     * @param measureId   the measure
     * @param practices   how many practices report it
     * @param numerator   members meeting it
     * @param denominator members eligible
     * @param exclusions  eligible members excluded
     */
    public record Measure(String measureId, int practices, long numerator, long denominator, long exclusions) {

        private Measure plus(QualityMeasureCount count) {
            return new Measure(measureId, practices + 1, numerator + count.numerator(), denominator + count.denominator(),
                    exclusions + count.exclusions());
        }
    }

    public static FactsSummary of(PerformanceFacts facts) {
        long members = 0;
        long memberMonths = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal feeSchedule = BigDecimal.ZERO;
        Map<String, Measure> measures = new LinkedHashMap<>();
        for (PracticePerformance practice : facts.practices()) {
            members += practice.attributedMembers();
            memberMonths += practice.memberMonths();
            cost = cost.add(practice.totalCostOfCare());
            feeSchedule = feeSchedule.add(practice.feeScheduleAllowedAmount());
            for (QualityMeasureCount count : practice.qualityMeasures()) {
                Measure sum = measures.getOrDefault(count.measureId(), new Measure(count.measureId(), 0, 0, 0, 0));
                measures.put(count.measureId(), sum.plus(count));
            }
        }
        return new FactsSummary(facts.practices().size(), members, memberMonths, cost, feeSchedule,
                List.copyOf(measures.values()));
    }
}
