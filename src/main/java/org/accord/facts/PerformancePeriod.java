package org.accord.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The performance period and what the payer computes for it rather than the practices reporting it.
 *
 * @param performanceYear            the year whose contract parameters apply (programs change them by year)
 * @param start                      first day of the period
 * @param end                        last day of the period
 * @param benchmarkExpenditure       the payer's updated benchmark for the whole IPA, USD (shared savings and losses)
 * @param assignedBeneficiaries      the payer's count of assigned beneficiaries (person-years), when it differs
 *                                   from the sum of attributed members; drives the minimum savings rate
 * @param reportedQualityScore       a quality score the payer reports (0 to 1); when absent the composite is
 *                                   computed from the practices' measures
 * @param metQualityStandard         whether the payer found the quality performance standard met; when absent
 *                                   the contract's quality gate decides
 * @param lossAdjustment             reduction of shared losses for extreme and uncontrollable circumstances, USD,
 *                                   as the payer determined it (zero when none)
 */
public record PerformancePeriod(
        int performanceYear,
        LocalDate start,
        LocalDate end,
        BigDecimal benchmarkExpenditure,
        Integer assignedBeneficiaries,
        BigDecimal reportedQualityScore,
        Boolean metQualityStandard,
        BigDecimal lossAdjustment) {
}
