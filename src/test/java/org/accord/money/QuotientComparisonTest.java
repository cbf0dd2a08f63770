package org.accord.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A count over a count compared with a value as the rounded quotient compares with it: the counts
 * cross-multiplied where that is sure to agree, the division otherwise. Checked against
 * {@code Money.divide(numerator, divisor).compareTo(value)} over generated counts and values that
 * reach the corners: the quotient equal to the value, one unit of the value's last decimal either
 * side, values of 0 and 1, divisors up to the long's limit, and values of more decimals than the
 * cross-multiplication takes, among them one the rounded quotient equals although the exact one does not.
 */
class QuotientComparisonTest {

    @Test
    void aRateComparesWithAGateAsItsRoundedQuotientDoes() {
        SplittableRandom random = new SplittableRandom(15);
        int crossMultiplied = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long divisor = count(random);
            long numerator = random.nextInt(8) == 0 ? count(random) : (long) (random.nextDouble() * ((double) divisor + 1));
            int scale = random.nextInt(16);
            BigDecimal value = switch (random.nextInt(5)) {
                // the quotient to the value's decimals, so that it often equals the value or lies a unit away
                case 0, 1 -> Money.divide(numerator, divisor).setScale(scale, java.math.RoundingMode.HALF_EVEN)
                        .add(BigDecimal.valueOf(random.nextInt(3) - 1, scale));
                case 2 -> random.nextBoolean() ? BigDecimal.ZERO.setScale(scale) : BigDecimal.ONE.setScale(scale);
                default -> BigDecimal.valueOf(random.nextLong(0, pow10(scale) + 1), scale);
            };
            assertThat(Money.compareQuotient(numerator, divisor, value))
                    .as("%d / %d against %s", numerator, divisor, value.toPlainString())
                    .isEqualTo(Money.divide(numerator, divisor).compareTo(value));
            crossMultiplied += numerator >= 0 && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0 && value.scale() <= 13 ? 1 : 0;
        }
        assertThat(crossMultiplied).as("cases the counts are cross-multiplied in").isGreaterThan(400_000);
    }

    @Test
    void aValueTheRoundedQuotientEqualsAlthoughTheExactOneDoesNotComparesEqual() {
        BigDecimal thirtyFourThrees = new BigDecimal("0.3333333333333333333333333333333333");
        assertThat(Money.compareQuotient(1, 3, thirtyFourThrees)).isZero();
        assertThat(Money.compareQuotient(1, 3, new BigDecimal("0.3333333333333"))).isEqualTo(1);
        assertThat(Money.compareQuotient(2, 3, new BigDecimal("0.6666666666667"))).isEqualTo(-1);
        assertThat(Money.compareQuotient(3, 4, new BigDecimal("0.75"))).isZero();
        assertThat(Money.compareQuotient(5, 0, BigDecimal.ZERO)).isZero();
        assertThat(Money.compareQuotient(Long.MAX_VALUE, Long.MAX_VALUE, BigDecimal.ONE)).isZero();
        assertThat(Money.compareQuotient(Long.MAX_VALUE - 1, Long.MAX_VALUE, new BigDecimal("0.9999999999999"))).isEqualTo(1);
    }

    /** Counts of every size: small ones mostly, some near the long's limit. */
    private static long count(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(1, 1_000);
            case 1 -> random.nextLong(1, 1_000_000_000L);
            case 2 -> random.nextLong(1, Long.MAX_VALUE);
            default -> Long.MAX_VALUE - random.nextLong(0, 1_000);
        };
    }

    private static long pow10(int scale) {
        long p = 1;
        for (int i = 0; i < scale; i++) {
            p *= 10;
        }
        return p;
    }
}
