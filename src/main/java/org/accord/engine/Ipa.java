package org.accord.engine;

import java.math.BigDecimal;

/**
 * The IPA as a whole for one evaluation: the payer's period inputs and the sums of its
 * practices' inputs (sums of inputs, not clause arithmetic), counts in {@code long}.
 */
public final class Ipa {

    public static final String SCOPE = "IPA";

    private final Evaluation evaluation;
    private final String id;
    private final int practiceCount;
    private final long attributedMembers;
    private final long assignedBeneficiaries;
    private final long memberMonths;
    private final BigDecimal riskWeightedMemberMonths;
    private final BigDecimal totalCostOfCare;
    private final BigDecimal benchmarkExpenditure;
    private final BigDecimal reportedQualityScore;
    private final Boolean metQualityStandard;
    private final BigDecimal lossAdjustment;
    private final BigDecimal participantRevenue;
    private final Boolean lowRevenue;
    private final Integer agreementStartYear;
    private final Boolean metAlternativeQualityStandard;
    private final Integer yearOfAgreement;

    Ipa(Evaluation evaluation, String id, int practiceCount, long attributedMembers, long assignedBeneficiaries,
            long memberMonths, BigDecimal riskWeightedMemberMonths, BigDecimal totalCostOfCare,
            BigDecimal benchmarkExpenditure, BigDecimal reportedQualityScore, Boolean metQualityStandard,
            BigDecimal lossAdjustment, BigDecimal participantRevenue, Boolean lowRevenue, Integer agreementStartYear,
            Boolean metAlternativeQualityStandard, Integer yearOfAgreement) {
        this.evaluation = evaluation;
        this.id = id;
        this.practiceCount = practiceCount;
        this.attributedMembers = attributedMembers;
        this.assignedBeneficiaries = assignedBeneficiaries;
        this.memberMonths = memberMonths;
        this.riskWeightedMemberMonths = riskWeightedMemberMonths;
        this.totalCostOfCare = totalCostOfCare;
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

    /**
     * The IPA of one period as the totals rule builds it ({@code rules/ipa/totals.drl}): the payer's
     * period inputs and the sums of the practices' inputs. The assigned beneficiaries are the payer's
     * when given, otherwise the attributed members.
     */
    public Ipa(IpaPeriod period, int practiceCount, long attributedMembers, long memberMonths,
            BigDecimal riskWeightedMemberMonths, BigDecimal totalCostOfCare) {
        this(period.getEvaluation(), period.getId(), practiceCount, attributedMembers,
                period.getAssignedBeneficiaries() != null ? period.getAssignedBeneficiaries() : attributedMembers,
                memberMonths, riskWeightedMemberMonths, totalCostOfCare, period.getBenchmarkExpenditure(),
                period.getReportedQualityScore(), period.getMetQualityStandard(), period.getLossAdjustment(),
                period.getParticipantRevenue(), period.getLowRevenue(), period.getAgreementStartYear(),
                period.getMetAlternativeQualityStandard(), period.getYearOfAgreement());
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getId() {
        return id;
    }

    public int getPracticeCount() {
        return practiceCount;
    }

    public long getAttributedMembers() {
        return attributedMembers;
    }

    /** The payer's assigned beneficiaries when given, otherwise the attributed members. */
    public long getAssignedBeneficiaries() {
        return assignedBeneficiaries;
    }

    public long getMemberMonths() {
        return memberMonths;
    }

    /** Sum over practices of member months x average risk score. */
    public BigDecimal getRiskWeightedMemberMonths() {
        return riskWeightedMemberMonths;
    }

    public BigDecimal getTotalCostOfCare() {
        return totalCostOfCare;
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

    /** The participants' fee-for-service revenue, or null when the payer does not publish it. */
    public BigDecimal getParticipantRevenue() {
        return participantRevenue;
    }

    /** The payer's finding that the IPA is a low revenue ACO, or null when not made. */
    public Boolean getLowRevenue() {
        return lowRevenue;
    }

    /** The year the current agreement period began, or null when not known. */
    public Integer getAgreementStartYear() {
        return agreementStartYear;
    }

    /** The payer's finding on the alternative quality performance standard, or null when not assessed. */
    public Boolean getMetAlternativeQualityStandard() {
        return metAlternativeQualityStandard;
    }

    /** Which performance year of its agreement period this is (1 for the first), or null when the agreement start is not given. */
    public Integer getYearOfAgreement() {
        return yearOfAgreement;
    }
}
