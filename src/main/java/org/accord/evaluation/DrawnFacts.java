package org.accord.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.accord.facts.FactDeclarations;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;

/**
 * The check of a simulation's trial (issue 15): facts drawn from facts already found valid, of which a
 * draw changes only each practice's total cost of care and its quality measures' numerators. Such
 * facts are valid when those two are: {@link FactsValidator} checks every other field on its own
 * value (the IPA and the period, the same objects here; each practice's counts, risk score, fee-schedule
 * amount and extra facts, equal here; the ids, equal and in the same order), and checks the cost as not
 * null, not negative, not above its declared maximum ({@code rules/facts.yaml}) and not below the extra amounts
 * declared part of it (a high-cost member's cost) and a numerator as from zero to the measure's eligible members,
 * as here. A draw from plausible facts stays far below the maximum (a practice's cost at $100,000 a member month
 * for the most member months a practice may have), so its trials are not validated whole for it.
 * Anything else that differs, or a drawn value outside those bounds, is not vouched for: the caller
 * validates those facts whole, so an invalid draw is refused with the problems the validator names.
 */
final class DrawnFacts {

    /** The most a practice's cost of care may be, as declared. */
    private static final BigDecimal MOST_COST = FactDeclarations.shipped().practiceField("totalCostOfCare").orElseThrow().maximum();

    private DrawnFacts() {
    }

    /**
     * True when {@code drawn} differs from {@code observed} (valid facts) only in costs of care that are
     * not negative and numerators from zero to their eligible members, so that the validator would find
     * no problem with it; false when it must be validated whole.
     */
    static boolean validDraw(PerformanceFacts observed, PerformanceFacts drawn) {
        if (drawn == null || drawn.ipa() != observed.ipa() || drawn.period() != observed.period()) {
            return false;
        }
        List<PracticePerformance> before = observed.practices();
        List<PracticePerformance> after = drawn.practices();
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != after.get(i) && !validDraw(before.get(i), after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDraw(PracticePerformance observed, PracticePerformance drawn) {
        if (observed == null || drawn == null) {
            return false;
        }
        boolean heldEqual = Objects.equals(observed.id(), drawn.id()) && Objects.equals(observed.name(), drawn.name())
                && observed.attributedMembers() == drawn.attributedMembers() && observed.memberMonths() == drawn.memberMonths()
                && Objects.equals(observed.averageRiskScore(), drawn.averageRiskScore())
                && Objects.equals(observed.feeScheduleAllowedAmount(), drawn.feeScheduleAllowedAmount())
                && observed.visits() == drawn.visits() && observed.annualWellnessVisits() == drawn.annualWellnessVisits()
                && observed.edVisits() == drawn.edVisits() && observed.inpatientAdmissions() == drawn.inpatientAdmissions()
                && Objects.equals(observed.extra(), drawn.extra());
        if (!heldEqual || drawn.totalCostOfCare() == null || drawn.totalCostOfCare().signum() < 0
                || drawn.totalCostOfCare().compareTo(MOST_COST) > 0
                || !FactDeclarations.shipped().partsBeyondTheirWhole(drawn, "").isEmpty()) {
            return false;
        }
        List<QualityMeasureCount> before = observed.qualityMeasures();
        List<QualityMeasureCount> after = drawn.qualityMeasures();
        if (before.size() != after.size()) {
            return false;
        }
        for (int k = 0; k < before.size(); k++) {
            QualityMeasureCount o = before.get(k);
            QualityMeasureCount d = after.get(k);
            if (o != d && (o == null || d == null || !Objects.equals(o.measureId(), d.measureId()) || o.denominator() != d.denominator()
                    || o.exclusions() != d.exclusions() || d.numerator() < 0 || d.numerator() > d.eligible())) {
                return false;
            }
        }
        return true;
    }
}
