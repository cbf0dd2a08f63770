package org.accord.engine;

import java.math.BigDecimal;
import org.accord.facts.PerformancePeriod;

/**
 * The IPA as a whole for one evaluation: the payer's period inputs and the sums of its
 * practices' inputs, counts in {@code long}. The sums are taken by a rule
 * (rules/ipa/ipa-totals.drl), which makes this fact before any clause settles.
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

    /** The IPA's inputs and its practices' totals, as the rule that totals them states them. */
    public Ipa(IpaInputs inputs, long practiceCount, long attributedMembers, long memberMonths,
            BigDecimal riskWeightedMemberMonths, BigDecimal totalCostOfCare) {
        PerformancePeriod period = inputs.period();
        this.evaluation = inputs.getEvaluation();
        this.id = inputs.getId();
        this.practiceCount = Math.toIntExact(practiceCount);
        this.attributedMembers = attributedMembers;
        this.assignedBeneficiaries = period.assignedBeneficiaries() != null ? period.assignedBeneficiaries() : attributedMembers;
        this.memberMonths = memberMonths;
        this.riskWeightedMemberMonths = riskWeightedMemberMonths;
        this.totalCostOfCare = totalCostOfCare;
        this.benchmarkExpenditure = period.benchmarkExpenditure();
        this.reportedQualityScore = period.reportedQualityScore();
        this.metQualityStandard = period.metQualityStandard();
        this.lossAdjustment = period.lossAdjustment() == null ? BigDecimal.ZERO : period.lossAdjustment();
        this.participantRevenue = period.participantRevenue();
        this.lowRevenue = period.lowRevenue();
        this.agreementStartYear = period.agreementStart() == null ? null : period.agreementStart().getYear();
        this.metAlternativeQualityStandard = period.metAlternativeQualityStandard();
        this.yearOfAgreement = yearOfAgreement(period);
    }

    // Counted in performance years from the agreement start; an agreement begun in April or July 2012
    // had a first performance year running to December 2013 (42 CFR 425.608).
    private static Integer yearOfAgreement(PerformancePeriod period) {
        if (period.agreementStart() == null) {
            return null;
        }
        int firstYear = period.agreementStart().getYear() == 2012 && period.agreementStart().getMonthValue() > 1
                ? 2013 : period.agreementStart().getYear();
        return period.performanceYear() - firstYear + 1;
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
