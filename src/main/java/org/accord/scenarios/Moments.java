package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The count, sum and sum of squares of amounts in cents, exact: a simulated cost's mean and
 * standard deviation without keeping every trial's cost. Sums are exact, so they add up to the
 * same whichever thread added which trials and in what order.
 */
final class Moments {

    private long count;
    private BigInteger sum = BigInteger.ZERO;
    private BigInteger squares = BigInteger.ZERO;

    void add(long cents) {
        BigInteger c = BigInteger.valueOf(cents);
        count++;
        sum = sum.add(c);
        squares = squares.add(c.multiply(c));
    }

    /** Adds another's amounts to these (a batch's, when it is done). */
    synchronized void addAll(Moments other) {
        count += other.count;
        sum = sum.add(other.sum);
        squares = squares.add(other.squares);
    }

    long count() {
        return count;
    }

    /** The exact mean, rounded to cents (as {@link Statistics#mean(long[])} of the same amounts). */
    BigDecimal mean() {
        return new BigDecimal(sum).movePointLeft(2).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * The sample standard deviation (n - 1) in cents, from the exact sample variance
     * (n x squares - sum^2) / (n (n - 1)) rounded to 34 digits: as {@link Statistics#sampleStandardDeviation(long[])}
     * of the same amounts, less that method's rounding in double.
     */
    double sampleStandardDeviation() {
        if (count < 2) {
            return 0;
        }
        BigInteger n = BigInteger.valueOf(count);
        BigInteger numerator = n.multiply(squares).subtract(sum.multiply(sum));
        BigInteger denominator = n.multiply(n.subtract(BigInteger.ONE));
        return Math.sqrt(new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue());
    }

    /** As {@link Statistics#standardDeviation(long[])}: in dollars, to the cent. */
    BigDecimal standardDeviation() {
        return Statistics.dollars(sampleStandardDeviation() / 100);
    }
}
