package org.accord.money;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code x.divide(y, MathContext.DECIMAL128)} for the quotients the rules take most (counts over
 * counts, amounts over small amounts), in long arithmetic: the same value and the same scale as
 * the JDK's division, which raises the dividend to a BigInteger and divides it as one (issue 15:
 * about an eighth of a batch's CPU). It follows the JDK's steps exactly: 34 digits, half-even,
 * trailing zeros stripped toward the preferred scale only when the quotient is exact. Operands
 * outside its range answer null, and the caller divides with BigDecimal.
 * {@code QuotientsTest} checks it against the JDK over a million generated operands.
 */
final class Quotients {

    private static final int DIGITS = 34;
    private static final long[] TEN = new long[19];
    /** The dividend's unscaled value must stay below this, the divisor's below {@link #DIVISOR_LIMIT}. */
    private static final long DIVIDEND_LIMIT = 100_000_000_000_000_000L; // 10^17
    private static final long DIVISOR_LIMIT = 10_000_000_000_000L; // 10^13
    // 10^34 as two unsigned 64-bit halves: a rounded quotient that reaches it has one digit too many.
    private static final long TEN_34_HIGH = BigInteger.TEN.pow(DIGITS).shiftRight(64).longValue();
    private static final long TEN_34_LOW = BigInteger.TEN.pow(DIGITS).longValue();
    private static final BigInteger TEN_33 = BigInteger.TEN.pow(DIGITS - 1);
    /** A quotient's 128-bit magnitude, as BigInteger takes it; a rule takes hundreds of quotients per evaluation (issue 15). */
    private static final ThreadLocal<byte[]> MAGNITUDE = ThreadLocal.withInitial(() -> new byte[16]);

    static {
        TEN[0] = 1;
        for (int i = 1; i < TEN.length; i++) {
            TEN[i] = TEN[i - 1] * 10;
        }
    }

    private Quotients() {
    }

    /** x / y, both with their unscaled values in long, as BigDecimal.divide(MathContext.DECIMAL128) gives it; null when out of range. */
    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (x.precision() > 17 || y.precision() > 13) {
            return null;
        }
        return divide(x.unscaledValue().longValue(), x.scale(), y.unscaledValue().longValue(), y.scale());
    }

    /** xs x 10^-xScale over ys x 10^-yScale; null when out of range. */
    static BigDecimal divide(long xs, int xScale, long ys, int yScale) {
        if (xs == 0 || ys == 0 || xs <= -DIVIDEND_LIMIT || xs >= DIVIDEND_LIMIT || ys <= -DIVISOR_LIMIT || ys >= DIVISOR_LIMIT) {
            return null;
        }
        boolean negative = (xs < 0) != (ys < 0);
        long x = Math.abs(xs);
        long y = Math.abs(ys);
        long preferredScale = (long) xScale - yScale;
        int xDigits = digits(x);
        int yDigits = digits(y);
        // As the JDK: when the dividend's leading digits exceed the divisor's, the quotient gains an integer digit.
        if (compareNormalized(x, xDigits, y, yDigits) > 0) {
            yDigits--;
        }
        long scale = preferredScale + yDigits - xDigits + DIGITS;
        int raise = DIGITS + yDigits - xDigits; // the quotient is x x 10^raise / y, rounded: 17..47 in range
        if (scale > Integer.MAX_VALUE - 2 || scale < Integer.MIN_VALUE + 64) {
            return null;
        }
        // The integer part, then the fraction's digits in chunks that keep remainder x 10^chunk within a long.
        long high = 0;
        long low = x / y;
        long r = x % y;
        int chunk = 18 - digits(y);
        int done = 0;
        while (done < raise && r != 0) {
            int c = Math.min(chunk, raise - done);
            long t = r * TEN[c];
            long d = t / y;
            r = t % y;
            if (r == 0) {
                // The quotient ends here: its last digits may be zeros, which belong to the zeros after it.
                while (c > 0 && d % 10 == 0) {
                    d /= 10;
                    c--;
                }
            }
            long p = TEN[c];
            long carry = Math.multiplyHigh(low, p) + ((low >> 63) & p);
            low = low * p;
            high = high * p + carry;
            long sum = low + d;
            if (Long.compareUnsigned(sum, low) < 0) {
                high++;
            }
            low = sum;
            done += c;
        }
        if (r == 0) {
            return exact(negative, high, low, done == 0, raise - done, (int) scale, preferredScale);
        }
        // Inexact: 34 digits, half-even on the remainder.
        long twice = r << 1;
        if (twice > y || (twice == y && (low & 1) == 1)) {
            low++;
            if (low == 0) {
                high++;
            }
        }
        if (high == TEN_34_HIGH && low == TEN_34_LOW) {
            // Rounded up to 10^34: one digit too many, dropped as the JDK's final rounding drops it.
            return of(negative, 0, 0, (int) scale - 1, TEN_33);
        }
        return of(negative, high, low, (int) scale, null);
    }

    /**
     * An exact quotient: its digits (no trailing zero of their own) followed by {@code zeros} zeros, at
     * {@code scale}; trailing zeros are stripped while the scale is above the preferred one. Only an
     * integer quotient's digits (below 10^17 here) can end in zeros of their own.
     */
    private static BigDecimal exact(boolean negative, long high, long low, boolean integer, int zeros, int scale, long preferredScale) {
        if (integer) {
            // The integer part alone may end in zeros of its own (a quotient such as 200 / 2).
            while (low % 10 == 0) {
                low /= 10;
                zeros++;
            }
        }
        long strip = Math.max(0, Math.min(zeros, (long) scale - preferredScale));
        int left = (int) (zeros - strip);
        int newScale = (int) (scale - strip);
        if (left == 0) {
            return of(negative, high, low, newScale, null);
        }
        if (high != 0 || low < 0 || left >= TEN.length) {
            return null;
        }
        long hi = Math.multiplyHigh(low, TEN[left]);
        if (hi != 0 || low * TEN[left] < 0) {
            return null;
        }
        return of(negative, 0, low * TEN[left], newScale, null);
    }

    private static BigDecimal of(boolean negative, long high, long low, int scale, BigInteger value) {
        if (value != null) {
            return new BigDecimal(negative ? value.negate() : value, scale);
        }
        if (high == 0 && low >= 0) {
            return BigDecimal.valueOf(negative ? -low : low, scale);
        }
        // BigInteger copies the bytes into its own magnitude: each thread writes them into one buffer.
        byte[] magnitude = MAGNITUDE.get();
        for (int i = 0; i < 8; i++) {
            magnitude[i] = (byte) (high >>> (56 - 8 * i));
            magnitude[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigDecimal(new BigInteger(negative ? -1 : 1, magnitude), scale);
    }

    private static int digits(long x) {
        int n = 1;
        while (n < TEN.length && x >= TEN[n]) {
            n++;
        }
        return n;
    }

    /** Compares x and y with their leading digits aligned (both positive, of the digit counts given). */
    private static int compareNormalized(long x, int xDigits, long y, int yDigits) {
        int diff = xDigits - yDigits;
        if (diff < 0) {
            return Long.compare(x * TEN[-diff], y);
        }
        if (diff > 0) {
            return Long.compare(x, y * TEN[diff]);
        }
        return Long.compare(x, y);
    }
}
