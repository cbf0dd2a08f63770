package org.accord.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Shares that add up to one are allocated without dividing by their sum: the cents must be those the
 * division gives. The same shares doubled add up to two and take the division, and pool x 2w / 2 is
 * pool x w exactly, so both allocations must agree to the cent, over generated pools and shares of 34
 * digits (as the distribution's are, with what is retained as the last share).
 */
class AllocationOverSharesOfOneTest {

    @Test
    void sharesOfOneAreAllocatedAsTheirDivisionAllocatesThem() {
        SplittableRandom random = new SplittableRandom(15);
        BigDecimal two = BigDecimal.valueOf(2);
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(1, 40);
            List<BigDecimal> weights = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                BigDecimal weight = Money.divide(random.nextLong(0, 1_000_000), random.nextLong(1, 1_000_000));
                weights.add(weight);
                total = total.add(weight);
            }
            List<BigDecimal> shares = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < n - 1; k++) {
                BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO : Money.divide(weights.get(k), total).divide(two);
                shares.add(share);
                sum = sum.add(share);
            }
            shares.add(BigDecimal.ONE.subtract(sum));
            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(BigDecimal.ONE);
            BigDecimal pool = BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L), random.nextInt(0, 5));
            List<BigDecimal> doubled = shares.stream().map(s -> s.multiply(two)).toList();
            assertThat(Money.allocate(pool, shares)).as("pool %s over %s", pool, shares).isEqualTo(Money.allocate(pool, doubled));
        }
    }
}
