package org.accord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;

/**
 * A member practice's performance as the rules see it: the named facts as properties, and every
 * other fact {@code rules/facts.yaml} declares read by name with the accessor of its type
 * ({@code money( "name" )}, {@code count}, {@code decimal}, {@code flag}, {@code moneyList}). The
 * facts were validated against the declaration before they reached the engine. Its quality
 * measures are carried on it ({@link #getMeasures()}) and read with {@code from}, not inserted one
 * by one (issue 15).
 */
public final class Practice {

    private final Evaluation evaluation;
    private final PracticePerformance performance;
    private final BigDecimal riskWeightedMemberMonths;
    private final List<Measure> measures;

    Practice(Evaluation evaluation, PracticePerformance performance) {
        this.evaluation = evaluation;
        this.performance = performance;
        this.riskWeightedMemberMonths = performance.averageRiskScore().multiply(BigDecimal.valueOf(performance.memberMonths()));
        List<Measure> counts = new ArrayList<>(performance.qualityMeasures().size());
        for (QualityMeasureCount m : performance.qualityMeasures()) {
            counts.add(new Measure(evaluation, performance.id(), m.measureId(), m.numerator(), m.denominator(), m.exclusions()));
        }
        this.measures = List.copyOf(counts);
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

    /** The practice's quality measures, each with its own counts (scope: the practice's id), in the order reported. */
    public List<Measure> getMeasures() {
        return measures;
    }

    /** Whether the practice reports counts for the measure. */
    public boolean reports(String measureId) {
        for (Measure measure : measures) {
            if (measure.getMeasureId().equals(measureId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the practice reported a declared extra fact (an optional one may be absent). */
    public boolean has(String fact) {
        return performance.extra().containsKey(fact);
    }

    /** A declared extra fact of type money or decimal; null when absent. */
    public BigDecimal money(String fact) {
        return (BigDecimal) performance.extra().get(fact);
    }

    /** A declared extra fact of type decimal; null when absent. */
    public BigDecimal decimal(String fact) {
        return (BigDecimal) performance.extra().get(fact);
    }

    /** A declared extra fact of type count; 0 when absent. */
    public long count(String fact) {
        BigDecimal value = (BigDecimal) performance.extra().get(fact);
        return value == null ? 0 : value.longValueExact();
    }

    /** A declared extra fact of type flag; false when absent. */
    public boolean flag(String fact) {
        return Boolean.TRUE.equals(performance.extra().get(fact));
    }

    /** A declared extra fact of type money-list; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<BigDecimal> moneyList(String fact) {
        Object value = performance.extra().get(fact);
        return value == null ? List.of() : (List<BigDecimal>) value;
    }
}
