package org.accord.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** An exact rational number: the reference model divides without ever rounding until it pays cents. */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    Fraction {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Fraction of(BigDecimal value) {
        return value.scale() >= 0
                ? new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()))
                : new Fraction(value.toBigIntegerExact(), BigInteger.ONE);
    }

    static Fraction of(String value) {
        return of(new BigDecimal(value));
    }

    static Fraction of(long value) {
        return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction over(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    int signum() {
        return numerator.signum();
    }

    Fraction max(Fraction other) {
        return compareTo(other) >= 0 ? this : other;
    }

    Fraction min(Fraction other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** The amount in cents, half to even: the contracts' one rounding step. */
    BigDecimal cents() {
        return roundCents(true);
    }

    /** Whole cents toward zero. */
    BigDecimal centsTowardZero() {
        return roundCents(false);
    }

    /** Whether the amount lies exactly half-way between two cents. */
    boolean isHalfCent() {
        return times(Fraction.of(100)).denominator.equals(BigInteger.TWO);
    }

    private BigDecimal roundCents(boolean halfEven) {
        BigInteger[] divided = numerator.multiply(BigInteger.valueOf(100)).divideAndRemainder(denominator);
        BigInteger cents = divided[0];
        if (halfEven && divided[1].signum() != 0) {
            // Compare twice the remainder with the denominator exactly: above half rounds away from zero, half to even.
            int half = divided[1].abs().multiply(BigInteger.TWO).compareTo(denominator);
            if (half > 0 || (half == 0 && cents.testBit(0))) {
                cents = cents.add(BigInteger.valueOf(numerator.signum()));
            }
        }
        return new BigDecimal(cents, 2);
    }

    BigDecimal approximately() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 12, RoundingMode.HALF_EVEN);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
