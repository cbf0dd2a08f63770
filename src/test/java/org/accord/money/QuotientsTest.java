package org.accord.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Quotients in long arithmetic against the JDK's BigDecimal division at 34 digits: the same value and
 * the same scale (equals, which compares both, and the same text) over generated operands that reach
 * the corners: exact and repeating quotients, halves that round to even, quotients that round up to a
 * power of ten, integer quotients ending in zeros, signs, scales, and operands at the range's edges.
 */
class QuotientsTest {

    private static final long[] EDGES = {1, 2, 3, 5, 7, 9, 10, 11, 99, 100, 101, 999, 1_000, 1_024, 4_096, 65_536,
        999_999_999L, 1_000_000_000L, 2_147_483_647L, 9_999_999_999_999L, 99_999_999_999_999_999L};

    @Test
    void aQuotientIsTheJdksToTheScale() {
        SplittableRandom random = new SplittableRandom(15);
        int inLong = 0;
        int tried = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long x = operand(random, 17);
            long y = operand(random, 13);
            int xScale = scale(random);
            int yScale = scale(random);
            if (random.nextInt(4) == 0) {
                // an exact quotient: the dividend a multiple of the divisor, or of a power of two or five
                x = y * (long) random.nextInt(1, 100_000);
                if (Math.abs(x) >= 100_000_000_000_000_000L || x == 0) {
                    continue;
                }
            }
            tried++;
            inLong += same(x, xScale, y, yScale) ? 1 : 0;
        }
        // Most operands are in range, so the comparison above is of the long arithmetic, not of the JDK with itself.
        assertThat(inLong).isGreaterThan(tried * 9 / 10);
    }

    @Test
    void theCornersAreTheJdks() {
        for (long x : EDGES) {
            for (long y : EDGES) {
                if (y >= 10_000_000_000_000L) {
                    continue;
                }
                for (int xScale : new int[] {0, 2, 5, -3}) {
                    for (int yScale : new int[] {0, 2, 7, -1}) {
                        same(x, xScale, y, yScale);
                        same(-x, xScale, y, yScale);
                        same(x, xScale, -y, yScale);
                    }
                }
            }
        }
        // 2/3 rounds half-even in the last digit; 1/7 repeats; (10^34 - 1)-style quotients round up to a power of ten
        same(2, 0, 3, 0);
        same(1, 0, 7, 0);
        same(99_999_999_999_999_999L, 0, 99_999_999_999_999L, 0);
        same(9_999_999_999_999_999L, 0, 9_999_999_999_999L, 0);
        same(200, 0, 2, 0);
        same(250, 2, 1, 0);
    }

    @Test
    void countsOverCountsAreTheJdks() {
        for (long n = 0; n <= 400; n++) {
            for (long d = 1; d <= 400; d++) {
                assertThat(Money.divide(n, d)).as(n + "/" + d).isEqualTo(BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), MathContext.DECIMAL128));
                if (n > 0) {
                    assertThat(Quotients.divide(n, 0, d, 0)).as(n + "/" + d).isNotNull();
                }
            }
        }
    }

    /** Whether the long arithmetic answered (rather than leaving the quotient to BigDecimal). */
    private static boolean same(long x, int xScale, long y, int yScale) {
        BigDecimal a = BigDecimal.valueOf(x, xScale);
        BigDecimal b = BigDecimal.valueOf(y, yScale);
        BigDecimal expected = a.divide(b, MathContext.DECIMAL128);
        BigDecimal actual = Quotients.divide(a, b);
        if (actual != null) {
            assertThat(actual).as(a + " / " + b).isEqualTo(expected);
            assertThat(actual.toString()).as(a + " / " + b).isEqualTo(expected.toString());
        }
        assertThat(Money.divide(a, b)).as(a + " / " + b).isEqualTo(expected);
        return actual != null;
    }

    private static long operand(SplittableRandom random, int maxDigits) {
        long value = random.nextInt(8) == 0 ? EDGES[random.nextInt(EDGES.length)]
                : random.nextLong(1, pow10(random.nextInt(1, maxDigits + 1)));
        value = Math.min(value, pow10(maxDigits) - 1);
        if (random.nextInt(6) == 0) {
            // powers of two and five give long exact expansions
            value = Math.min(pow10(maxDigits) - 1, (random.nextBoolean() ? 1L << random.nextInt(0, 40) : pow5(random.nextInt(0, 18))));
        }
        return random.nextBoolean() ? value : -value;
    }

    private static int scale(SplittableRandom random) {
        return random.nextInt(5) == 0 ? random.nextInt(-6, 0) : random.nextInt(0, 12);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static long pow5(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 5;
        }
        return p;
    }
}
