package org.accord.engine;

import java.math.BigDecimal;

/**
 * What the payer reports for the IPA as a whole for the period, as the rules see it before the
 * IPA's totals exist: the rule {@code rules/ipa/totals.drl} joins it with the evaluation's
 * practices and inserts the {@link Ipa} (these inputs, the practices' sums and the IPA-scope
 * {@link Measure}s, their measures pooled). Only plumbing is done here: absent optional inputs are null,
 * a loss adjustment not given is zero.
 */
public final class IpaPeriod {

    private final Evaluation evaluation;
    private final String id;
    private final Long assignedBeneficiaries;
    private final BigDecimal benchmarkExpenditure;
    private final BigDecimal reportedQualityScore;
    private final Boolean metQualityStandard;
    private final BigDecimal lossAdjustment;
    private final BigDecimal participantRevenue;
    private final Boolean lowRevenue;
    private final Integer agreementStartYear;
    private final Boolean metAlternativeQualityStandard;
    private final Integer yearOfAgreement;

    IpaPeriod(Evaluation evaluation, String id, Long assignedBeneficiaries, BigDecimal benchmarkExpenditure,
            BigDecimal reportedQualityScore, Boolean metQualityStandard, BigDecimal lossAdjustment,
            BigDecimal participantRevenue, Boolean lowRevenue, Integer agreementStartYear,
            Boolean metAlternativeQualityStandard, Integer yearOfAgreement) {
        this.evaluation = evaluation;
        this.id = id;
        this.assignedBeneficiaries = assignedBeneficiaries;
        this.benchmarkExpenditure = benchmarkExpenditure;
        this.reportedQualityScore = reportedQualityScore;
        this.metQualityStandard = metQualityStandard;
        this.lossAdjustment = lossAdjustment;
        this.participantRevenue = participantRevenue;
        this.lowRevenue = lowRevenue;
        this.agreementStartYear = agreementStartYear;
        this.metAlternativeQualityStandard = metAlternativeQualityStandard;
        this.yearOfAgreement = yearOfAgreement;
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getId() {
        return id;
    }

    /** The payer's assigned beneficiaries, or null when not given. */
    public Long getAssignedBeneficiaries() {
        return assignedBeneficiaries;
    }

    public BigDecimal getBenchmarkExpenditure() {
        return benchmarkExpenditure;
    }

    public BigDecimal getReportedQualityScore() {
        return reportedQualityScore;
    }

    public Boolean getMetQualityStandard() {
        return metQualityStandard;
    }

    public BigDecimal getLossAdjustment() {
        return lossAdjustment;
    }

    public BigDecimal getParticipantRevenue() {
        return participantRevenue;
    }

    public Boolean getLowRevenue() {
        return lowRevenue;
    }

    public Integer getAgreementStartYear() {
        return agreementStartYear;
    }

    public Boolean getMetAlternativeQualityStandard() {
        return metAlternativeQualityStandard;
    }

    public Integer getYearOfAgreement() {
        return yearOfAgreement;
    }
}
