package org.accord.engine;

import java.math.BigDecimal;
import org.accord.facts.PracticePerformance;

/** A member practice's performance as the rules see it. */
public final class Practice {

    private final Evaluation evaluation;
    private final PracticePerformance performance;
    private final BigDecimal riskWeightedMemberMonths;

    Practice(Evaluation evaluation, PracticePerformance performance) {
        this.evaluation = evaluation;
        this.performance = performance;
        this.riskWeightedMemberMonths = performance.averageRiskScore().multiply(BigDecimal.valueOf(performance.memberMonths()));
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getId() {
        return performance.id();
    }

    public String getName() {
        return performance.name();
    }

    public int getAttributedMembers() {
        return performance.attributedMembers();
    }

    public int getMemberMonths() {
        return performance.memberMonths();
    }

    public BigDecimal getAverageRiskScore() {
        return performance.averageRiskScore();
    }

    /** member months x average risk score */
    public BigDecimal getRiskWeightedMemberMonths() {
        return riskWeightedMemberMonths;
    }

    public BigDecimal getTotalCostOfCare() {
        return performance.totalCostOfCare();
    }

    public BigDecimal getFeeScheduleAllowedAmount() {
        return performance.feeScheduleAllowedAmount();
    }

    public int getVisits() {
        return performance.visits();
    }

    public int getAnnualWellnessVisits() {
        return performance.annualWellnessVisits();
    }

    public int getEdVisits() {
        return performance.edVisits();
    }

    public int getInpatientAdmissions() {
        return performance.inpatientAdmissions();
    }
}
