package org.accord.engine;

/**
 * A quality measure's counts for one scope: a practice (its id) or the whole IPA ({@link Ipa#SCOPE},
 * the practices' counts pooled, in {@code long}).
 */
public final class Measure {

    private final Evaluation evaluation;
    private final String scope;
    private final String measureId;
    private final long numerator;
    private final long denominator;
    private final long exclusions;
    private java.math.BigDecimal rate;

    /** Public for the rule that pools the practices' counts into the IPA's ({@code rules/ipa/totals.drl}). */
    public Measure(Evaluation evaluation, String scope, String measureId, long numerator, long denominator, long exclusions) {
        this.evaluation = evaluation;
        this.scope = scope;
        this.measureId = measureId;
        this.numerator = numerator;
        this.denominator = denominator;
        this.exclusions = exclusions;
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
