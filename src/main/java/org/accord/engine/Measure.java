package org.accord.engine;

/**
 * A quality measure's counts for one scope: a practice (its id) or the whole IPA ({@link Ipa#SCOPE},
 * the practices' counts pooled).
 */
public final class Measure {

    private final Evaluation evaluation;
    private final String scope;
    private final String measureId;
    private final int numerator;
    private final int denominator;
    private final int exclusions;
    private java.math.BigDecimal rate;

    Measure(Evaluation evaluation, String scope, String measureId, int numerator, int denominator, int exclusions) {
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

    public int getNumerator() {
        return numerator;
    }

    public int getDenominator() {
        return denominator;
    }

    public int getExclusions() {
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
    public int getEligible() {
        return denominator - exclusions;
    }
}
