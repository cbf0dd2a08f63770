package org.accord.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Money.divide's short path for terminating quotients answers exactly as BigDecimal's division to
 * 34 digits: the same value at the same scale (BigDecimal.equals, so the same text in a settlement).
 */
class MoneyDivisionTest {

    private static final int OPERANDS = 2_000_000;

    @Test
    void everyQuotientEqualsBigDecimalsDivisionInValueAndScale() {
        Random random = new Random(15);
        int shortPath = 0;
        for (int i = 0; i < OPERANDS; i++) {
            BigDecimal b = operand(random);
            if (b.signum() == 0) {
                continue;
            }
            // Half the dividends are a multiple of the divisor's factors other than 2 and 5, so
            // that terminating quotients are common, as the rules' shares and rates often are.
            BigDecimal a = random.nextBoolean() ? operand(random) : terminatingOver(b, random);
            BigDecimal expected = a.divide(b, Money.PRECISION);
            BigDecimal quotient = Money.divide(a, b);
            assertThat(quotient).as("%s / %s", a, b).isEqualTo(expected);
            assertThat(quotient.scale()).as("%s / %s", a, b).isEqualTo(expected.scale());
            if (Money.exactQuotient(a, b) != null) {
                shortPath++;
            }
        }
        // The short path is exercised, and so is the fall-back to BigDecimal's division.
        assertThat(shortPath).isBetween(OPERANDS / 20, OPERANDS * 19 / 20);
    }

    @Test
    void quotientsTheRulesTakeKeepTheirScale() {
        // 1/25 = 0.04 (an equal share of 25 practices), 100/0.5 = 200 at a's scale less b's (-1: 20 x 10, "2.0E+2"),
        // 1.00/1 = 1.00, 0/7 = 0 at scale 0, -3/8 = -0.375, 1/3 is not terminating.
        assertThat(Money.divide(1, 25)).isEqualTo(new BigDecimal("0.04"));
        assertThat(Money.divide(new BigDecimal("100"), new BigDecimal("0.5"))).isEqualTo(new BigDecimal("2.0E+2"));
        assertThat(Money.divide(new BigDecimal("1.00"), BigDecimal.ONE)).isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.divide(0, 7)).isEqualTo(new BigDecimal("0"));
        assertThat(Money.divide(-3, 8)).isEqualTo(new BigDecimal("-0.375"));
        assertThat(Money.exactQuotient(BigDecimal.ONE, new BigDecimal(3))).isNull();
        assertThat(Money.divide(1, 3)).isEqualTo(new BigDecimal("0.3333333333333333333333333333333333"));
    }

    /** A decimal of 1 to 19 digits, either sign, scale -4 to 10; sometimes ending in zeros. */
    private static BigDecimal operand(Random random) {
        int digits = 1 + random.nextInt(19);
        long bound = 1;
        for (int d = 0; d < Math.min(digits, 18); d++) {
            bound *= 10;
        }
        long unscaled = random.nextLong() % bound;
        if (random.nextInt(4) == 0) {
            unscaled = unscaled / 1000 * 1000;
        }
        if (digits == 19 && random.nextInt(8) == 0) {
            unscaled = random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return BigDecimal.valueOf(unscaled, random.nextInt(15) - 4);
    }

    /** A dividend that b divides to a terminating decimal: b times a decimal, halved a few times, times 1 to 3. */
    private static BigDecimal terminatingOver(BigDecimal b, Random random) {
        BigDecimal factor = BigDecimal.valueOf(random.nextInt(2000) - 1000, random.nextInt(6));
        return b.multiply(factor).divide(BigDecimal.valueOf(1L << random.nextInt(6))).multiply(BigDecimal.valueOf(random.nextInt(3) + 1));
    }
}
