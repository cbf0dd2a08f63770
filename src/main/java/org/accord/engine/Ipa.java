package org.accord.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The IPA as a whole for one evaluation: the payer's period inputs and the sums of its
 * practices' inputs (sums of inputs, not clause arithmetic), counts in {@code long}.
 */
public final class Ipa {

    public static final String SCOPE = "IPA";

    // The payer's inputs, read through; the sums are this fact's own.
    private final IpaPeriod period;
    private final int practiceCount;
    private final long attributedMembers;
    private final long assignedBeneficiaries;
    private final long memberMonths;
    private final BigDecimal riskWeightedMemberMonths;
    private final BigDecimal totalCostOfCare;
    private final List<Measure> measures;

    /**
     * The IPA of one period as the totals rule builds it ({@code rules/ipa/totals.drl}): the payer's
     * period inputs, the sums of the practices' inputs and each measure's counts pooled over the
     * practices (scope {@link #SCOPE}, in measure id order). The assigned beneficiaries are the payer's
     * when given, otherwise the attributed members.
     */
    public Ipa(IpaPeriod period, int practiceCount, long attributedMembers, long memberMonths,
            BigDecimal riskWeightedMemberMonths, BigDecimal totalCostOfCare, List<Measure> measures) {
        this.period = period;
        this.practiceCount = practiceCount;
        this.attributedMembers = attributedMembers;
        this.assignedBeneficiaries = period.getAssignedBeneficiaries() != null ? period.getAssignedBeneficiaries() : attributedMembers;
        this.memberMonths = memberMonths;
        this.riskWeightedMemberMonths = riskWeightedMemberMonths;
        this.totalCostOfCare = totalCostOfCare;
        this.measures = List.copyOf(measures);
    }

    /**
     * As rule sets stored before the IPA carried its pooled measures build it (their totals rule, or the
     * engine for theirs): those rule sets read the pooled counts as {@link Measure} facts of their own.
     */
    public Ipa(IpaPeriod period, int practiceCount, long attributedMembers, long memberMonths,
            BigDecimal riskWeightedMemberMonths, BigDecimal totalCostOfCare) {
        this(period, practiceCount, attributedMembers, memberMonths, riskWeightedMemberMonths, totalCostOfCare, List.of());
    }

    public Evaluation getEvaluation() {
        return period.getEvaluation();
    }

    public String getId() {
        return period.getId();
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

    /**
     * Each quality measure's counts pooled over the practices that report it (scope {@link #SCOPE}), in
     * measure id order; read with {@code from}. Empty for an IPA a stored rule set built (see the
     * constructors).
     */
    public List<Measure> getMeasures() {
        return measures;
    }

    public BigDecimal getBenchmarkExpenditure() {
        return period.getBenchmarkExpenditure();
    }

    public BigDecimal getReportedQualityScore() {
        return period.getReportedQualityScore();
    }

    public Boolean getMetQualityStandard() {
        return period.getMetQualityStandard();
    }

    public BigDecimal getLossAdjustment() {
        return period.getLossAdjustment();
    }

    /** The participants' fee-for-service revenue, or null when the payer does not publish it. */
    public BigDecimal getParticipantRevenue() {
        return period.getParticipantRevenue();
    }

    /** The payer's finding that the IPA is a low revenue ACO, or null when not made. */
    public Boolean getLowRevenue() {
        return period.getLowRevenue();
    }

    /** The year the current agreement period began, or null when not known. */
    public Integer getAgreementStartYear() {
        return period.getAgreementStartYear();
    }

    /** The payer's finding on the alternative quality performance standard, or null when not assessed. */
    public Boolean getMetAlternativeQualityStandard() {
        return period.getMetAlternativeQualityStandard();
    }

    /** Which performance year of its agreement period this is (1 for the first), or null when the agreement start is not given. */
    public Integer getYearOfAgreement() {
        return period.getYearOfAgreement();
    }
}
