package org.accord.facts;

import java.math.BigDecimal;
import java.util.List;

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
        List<QualityMeasureCount> qualityMeasures) {

    public PracticePerformance {
        feeScheduleAllowedAmount = feeScheduleAllowedAmount == null ? BigDecimal.ZERO : feeScheduleAllowedAmount;
        qualityMeasures = qualityMeasures == null ? List.of() : List.copyOf(qualityMeasures);
    }
}
