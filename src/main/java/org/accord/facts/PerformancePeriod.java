package org.accord.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The performance period and what the payer computes for it rather than the practices reporting it.
 *
 * @param performanceYear            the year whose contract parameters apply (programs change them by year); at least
 *                                   half of the period is in it, counted in months (FactsValidator)
 * @param start                      first day of the period; absent, the first of January of the performance year
 * @param end                        last day of the period, at most 24 months after the start; absent, the 31st of
 *                                   December of the performance year
 * @param benchmarkExpenditure       the payer's updated benchmark for the whole IPA, USD (shared savings and losses)
 * @param assignedBeneficiaries      the payer's count of assigned beneficiaries (person-years), when it differs
 *                                   from the sum of attributed members; drives the minimum savings rate
 * @param reportedQualityScore       a quality score the payer reports (0 to 1); when absent the composite is
 *                                   computed from the practices' measures
 * @param metQualityStandard         whether the payer found the quality performance standard met; when absent
 *                                   the contract's quality gate decides
 * @param lossAdjustment             reduction of shared losses for extreme and uncontrollable circumstances, USD,
 *                                   as the payer determined it (zero when none)
 * @param participantRevenue         the total Medicare Parts A and B fee-for-service revenue of the IPA's
 *                                   participants, USD, when the payer publishes it (a revenue-based loss limit needs it)
 * @param lowRevenue                 the payer's finding that the IPA is a low revenue ACO (42 CFR 425.20), when made
 * @param agreementStart             the first day of the IPA's current agreement period with the payer, when known
 * @param metAlternativeQualityStandard whether the payer found the alternative quality performance standard met
 *                                   (42 CFR 425.512, from 2023), when it assessed it
 */
public record PerformancePeriod(
        int performanceYear,
        LocalDate start,
        LocalDate end,
        BigDecimal benchmarkExpenditure,
        Integer assignedBeneficiaries,
        BigDecimal reportedQualityScore,
        Boolean metQualityStandard,
        BigDecimal lossAdjustment,
        BigDecimal participantRevenue,
        Boolean lowRevenue,
        LocalDate agreementStart,
        Boolean metAlternativeQualityStandard) {

    /** A period without the inputs only some programs use (participant revenue, revenue category, agreement start, alternative standard). */
    public PerformancePeriod(int performanceYear, LocalDate start, LocalDate end, BigDecimal benchmarkExpenditure,
            Integer assignedBeneficiaries, BigDecimal reportedQualityScore, Boolean metQualityStandard, BigDecimal lossAdjustment) {
        this(performanceYear, start, end, benchmarkExpenditure, assignedBeneficiaries, reportedQualityScore, metQualityStandard,
                lossAdjustment, null, null, null, null);
    }

    /** The period's first day: its start, or when it has none the first of January of the performance year. */
    public static LocalDate firstDay(PerformancePeriod period) {
        return period.start() != null ? period.start() : LocalDate.of(period.performanceYear(), 1, 1);
    }

    /** The period's last day: its end, or when it has none the last of December of the performance year. */
    public static LocalDate lastDay(PerformancePeriod period) {
        return period.end() != null ? period.end() : LocalDate.of(period.performanceYear(), 12, 31);
    }
}
