package org.accord.engine;

/**
 * A quality measure's counts for one scope: a practice (its id) or the whole IPA ({@link Ipa#SCOPE},
 * the practices' counts pooled, in {@code long}), and the measure's direction as the terms of its evaluation
 * have it ({@link org.accord.terms.Terms#measureDirection}: the template's text records it).
 */
public final class Measure {

    private final Evaluation evaluation;
    private final String scope;
    private final String measureId;
    private final long numerator;
    private final long denominator;
    private final long exclusions;
    private final String direction;
    private java.math.BigDecimal rate;

    /** Public for the rule that pools the practices' counts into the IPA's ({@code rules/ipa/totals.drl}). */
    public Measure(Evaluation evaluation, String scope, String measureId, long numerator, long denominator, long exclusions) {
        this.evaluation = evaluation;
        this.scope = scope;
        this.measureId = measureId;
        this.numerator = numerator;
        this.denominator = denominator;
        this.exclusions = exclusions;
        this.direction = evaluation.measureDirection(measureId);
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getScope() {
        return scope;
    }

    public String getMeasureId() {
        return measureId;
    }

    public long getNumerator() {
        return numerator;
    }

    public long getDenominator() {
        return denominator;
    }

    public long getExclusions() {
        return exclusions;
    }

    /**
     * Whether a higher or a lower rate is better, a property of the measure (HEDIS defines HBD-POOR as inverse):
     * "higher-is-better" or "lower-is-better", as the template records it (from the measure catalogue); higher for a
     * measure it does not name.
     * A lower-is-better measure's numerator counts the members with the poor outcome, those not meeting it.
     */
    public String getDirection() {
        return direction;
    }

    /** numerator over eligible members (zero when none is eligible) */
    public java.math.BigDecimal getRate() {
        if (rate == null) {
            rate = org.accord.money.Money.divide(numerator, getEligible());
        }
        return rate;
    }

    /** denominator less exclusions */
    public long getEligible() {
        return denominator - exclusions;
    }
}
