package org.accord.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.validation.Decimals;

/**
 * One member practice's performance in the period.
 *
 * @param id                        the practice's id within the IPA (orders practices everywhere)
 * @param name                      the practice's name
 * @param attributedMembers         members attributed to the practice at period end
 * @param memberMonths              member months attributed over the period
 * @param averageRiskScore          member-month-weighted average risk score (1.0 = average)
 * @param totalCostOfCare           actual expenditures for the attributed members, USD
 * @param feeScheduleAllowedAmount  fee-schedule allowed amount of the practice's own FFS services, USD
 * @param visits                    office visits billed
 * @param annualWellnessVisits      annual wellness visits completed
 * @param edVisits                  emergency department visits of attributed members
 * @param inpatientAdmissions       inpatient admissions of attributed members
 * @param qualityMeasures           quality-measure counts
 * @param extra                     the other facts {@code rules/facts.yaml} declares, by name ({@link FactDeclarations});
 *                                  numbers (and text that is a decimal) held as {@code BigDecimal}, so that
 *                                  {@code "1.50"} and {@code 1.5} are one value and hash alike
 */
public record PracticePerformance(
        String id,
        String name,
        int attributedMembers,
        int memberMonths,
        BigDecimal averageRiskScore,
        BigDecimal totalCostOfCare,
        BigDecimal feeScheduleAllowedAmount,
        int visits,
        int annualWellnessVisits,
        int edVisits,
        int inpatientAdmissions,
        List<QualityMeasureCount> qualityMeasures,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extra) {

    public PracticePerformance {
        feeScheduleAllowedAmount = feeScheduleAllowedAmount == null ? BigDecimal.ZERO : feeScheduleAllowedAmount;
        qualityMeasures = qualityMeasures == null ? List.of() : List.copyOf(qualityMeasures);
        extra = normalised(extra);
    }

    /** A practice with no facts beyond the named ones. */
    public PracticePerformance(String id, String name, int attributedMembers, int memberMonths, BigDecimal averageRiskScore,
            BigDecimal totalCostOfCare, BigDecimal feeScheduleAllowedAmount, int visits, int annualWellnessVisits, int edVisits,
            int inpatientAdmissions, List<QualityMeasureCount> qualityMeasures) {
        this(id, name, attributedMembers, memberMonths, averageRiskScore, totalCostOfCare, feeScheduleAllowedAmount, visits,
                annualWellnessVisits, edVisits, inpatientAdmissions, qualityMeasures, Map.of());
    }

    /** The same practice with other quality measures (and every other fact as it was). */
    public PracticePerformance withQualityMeasures(List<QualityMeasureCount> measures) {
        return new PracticePerformance(id, name, attributedMembers, memberMonths, averageRiskScore, totalCostOfCare,
                feeScheduleAllowedAmount, visits, annualWellnessVisits, edVisits, inpatientAdmissions, measures, extra);
    }

    /** The same practice with another total cost of care (and every other fact as it was). */
    public PracticePerformance withTotalCostOfCare(BigDecimal cost) {
        return new PracticePerformance(id, name, attributedMembers, memberMonths, averageRiskScore, cost,
                feeScheduleAllowedAmount, visits, annualWellnessVisits, edVisits, inpatientAdmissions, qualityMeasures, extra);
    }

    // Sorted by name, values made exact: the order given and a number's spelling change no fact.
    private static Map<String, Object> normalised(Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> sorted = new TreeMap<>();
        extra.forEach((name, value) -> sorted.put(name, normalisedValue(value)));
        return Collections.unmodifiableMap(sorted);
    }

    private static Object normalisedValue(Object value) {
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(normalisedValue(item)));
            return Collections.unmodifiableList(items);
        }
        if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return Decimals.check(new BigDecimal(value.toString())).map(Object.class::cast).orElse(value);
        }
        if (value instanceof String text) {
            return Decimals.parse(text).map(Object.class::cast).orElse(text);
        }
        return value;
    }
}
