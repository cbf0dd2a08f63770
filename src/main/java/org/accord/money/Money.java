package org.accord.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place that decides precision and rounding. Intermediate amounts keep full precision
 * (divisions to 34 significant digits, the precision DMN's FEEL uses too); a payable amount is
 * rounded once, to cents, half-even, when a settlement line is written.
 */
public final class Money {

    /** Cents: the scale of every payable amount. */
    public static final int SCALE = 2;
    /** Banker's rounding unless a contract says otherwise. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Precision of quotients: IEEE 754 decimal128, 34 significant digits. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public static final BigDecimal ZERO = BigDecimal.ZERO;
    public static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal CENT = BigDecimal.ONE.movePointLeft(SCALE);

    /** 10^s for the scales {@link #compareQuotient} cross-multiplies: 0 to 13 decimals. */
    private static final long[] TEN = new long[14];

    static {
        TEN[0] = 1;
        for (int s = 1; s < TEN.length; s++) {
            TEN[s] = TEN[s - 1] * 10;
        }
    }

    private Money() {
    }

    public static BigDecimal of(long value) {
        return BigDecimal.valueOf(value);
    }

    public static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    public static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a.subtract(b);
    }

    public static BigDecimal times(BigDecimal a, BigDecimal b) {
        return a.multiply(b);
    }

    public static BigDecimal times(BigDecimal a, long b) {
        return a.multiply(BigDecimal.valueOf(b));
    }

    /** a / b to 34 significant digits; zero when b is zero (an empty basis shares nothing). */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Most quotients the rules take fit long arithmetic, which gives the JDK's answer in less CPU (Quotients).
        BigDecimal quotient = Quotients.divide(a, b);
        return quotient != null ? quotient : a.divide(b, PRECISION);
    }

    public static BigDecimal divide(long a, long b) {
        if (b == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal quotient = Quotients.divide(a, 0, b, 0);
        return quotient != null ? quotient : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), PRECISION);
    }

    /**
     * How {@link #divide(long, long)} of a count over a count compares with a value from 0 to 1 (a rate
     * with a gate): -1, 0 or 1, as {@code divide(numerator, divisor).compareTo(value)}. Where that answer
     * is sure to be the exact quotient's, the counts are compared cross-multiplied instead of dividing to
     * 34 digits (issue 15: a quality measure's rate against each of its gates): rounding to 34 digits never
     * moves a quotient past a value of at most 34 digits, and can make it equal to one only within half a
     * unit of its 34th digit, while a quotient of counts that differs from a value of {@code s} decimals
     * differs by at least 1 / (divisor x 10^s), more than that half unit when divisor x 10^s is below 10^32.
     * Anything else (a negative count, a divisor of zero, a value outside 0-1 or of more decimals) divides.
     */
    public static int compareQuotient(long numerator, long divisor, BigDecimal value) {
        int scale = value.scale();
        // With at most 13 decimals, any divisor in a long keeps divisor x 10^scale below 10^32 (2^63 x 10^13 < 10^32).
        if (numerator < 0 || divisor <= 0 || scale < 0 || scale >= TEN.length || value.signum() < 0 || value.compareTo(ONE) > 0) {
            return divide(numerator, divisor).compareTo(value);
        }
        // value = unscaled / 10^scale, at most 10^13 here; both products in 128 bits, neither negative.
        // (scaled to an integer, whose long value BigDecimal keeps without making a BigInteger)
        long unscaled = value.scaleByPowerOfTen(scale).longValueExact();
        long leftHigh = Math.multiplyHigh(numerator, TEN[scale]);
        long rightHigh = Math.multiplyHigh(unscaled, divisor);
        if (leftHigh != rightHigh) {
            return leftHigh < rightHigh ? -1 : 1;
        }
        return Integer.signum(Long.compareUnsigned(numerator * TEN[scale], unscaled * divisor));
    }

    /** The sum of amounts (zero for none). */
    public static BigDecimal sum(java.util.Collection<? extends BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal negate(BigDecimal a) {
        return a.negate();
    }

    /** value limited to [low, high]. */
    public static BigDecimal clamp(BigDecimal value, BigDecimal low, BigDecimal high) {
        return max(low, min(value, high));
    }

    /** The part of value that lies between from and to (zero when value is below from). */
    public static BigDecimal portionBetween(BigDecimal value, BigDecimal from, BigDecimal to) {
        return clamp(value, from, to).subtract(from);
    }

    public static boolean atLeast(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0;
    }

    public static boolean below(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) < 0;
    }

    public static boolean atMost(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0;
    }

    public static boolean above(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    /** Rounds an exact amount to a payable one: cents, half-even. */
    public static BigDecimal payable(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /**
     * Splits a payable total into cents by weight so that the parts add up to the total exactly:
     * every part is first rounded toward zero, then the cents left over go one each to the parts
     * with the largest remainders (ties to the earlier index, so callers order parts by id).
     * Weights must be non-negative and not all zero unless the total is zero.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal pool = payable(total);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to allocate to");
        }
        int n = weights.size();
        BigDecimal weightSum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            weightSum = weightSum.add(weight);
        }
        if (weightSum.signum() == 0) {
            if (pool.signum() != 0) {
                throw new IllegalArgumentException("weights are all zero: " + pool + " cannot be allocated");
            }
            return weights.stream().map(w -> BigDecimal.ZERO.setScale(SCALE)).toList();
        }
        BigDecimal[] parts = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        // Shares that add up to one (the distribution's, with what is retained) need no division: a quotient over
        // one is the product rounded to 34 digits, the same value (only its scale may differ, and parts and
        // remainders are read by value).
        boolean sharesOfOne = weightSum.compareTo(ONE) == 0;
        for (int i = 0; i < n; i++) {
            BigDecimal weight = weights.get(i);
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            BigDecimal exact = sharesOfOne ? pool.multiply(weight).round(PRECISION) : pool.multiply(weight).divide(weightSum, PRECISION);
            BigDecimal part = exact.setScale(SCALE, RoundingMode.DOWN);
            parts[i] = part;
            remainders[i] = exact.subtract(part).abs();
            allocated = allocated.add(part);
        }
        int centsLeft = pool.subtract(allocated).abs().movePointRight(SCALE).intValueExact();
        if (centsLeft > 0) {
            BigDecimal cent = pool.signum() < 0 ? CENT.negate() : CENT;
            // Largest remainder first; the sort is stable, so equal remainders keep the earlier index first.
            Integer[] byRemainder = new Integer[n];
            for (int i = 0; i < n; i++) {
                byRemainder[i] = i;
            }
            Arrays.sort(byRemainder, (i, j) -> remainders[j].compareTo(remainders[i]));
            for (int k = 0; k < centsLeft; k++) {
                int i = byRemainder[k % n];
                parts[i] = parts[i].add(cent);
            }
        }
        return new ArrayList<>(Arrays.asList(parts));
    }
}
