package org.accord.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.accord.money.Money;

class AllocationProperties {

    @Property(tries = 500)
    void distributionConservesMoneyToTheCent(
            @ForAll @BigRange(min = "-10000000", max = "10000000") @Scale(2) BigDecimal pool,
            @ForAll @Size(min = 1, max = 40) List<@BigRange(min = "0.0001", max = "1000") @Scale(4) BigDecimal> weights) {
        List<BigDecimal> parts = Allocation.split(pool, weights, BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(Money.sum(parts)).isEqualByComparingTo(pool);
        assertThat(parts).allMatch(p -> p.scale() == 2);
    }

    @Property(tries = 300)
    void floorsAndCapsHoldAndMoneyIsStillConserved(
            @ForAll @BigRange(min = "0.01", max = "10000000") @Scale(2) BigDecimal pool,
            @ForAll @Size(min = 4, max = 30) List<@BigRange(min = "0", max = "1000") @Scale(3) BigDecimal> weights) {
        BigDecimal n = BigDecimal.valueOf(weights.size());
        BigDecimal cap = new BigDecimal("2").divide(n, 6, java.math.RoundingMode.CEILING).min(BigDecimal.ONE);
        BigDecimal floor = new BigDecimal("0.5").divide(n, 6, java.math.RoundingMode.FLOOR);
        List<BigDecimal> parts = Allocation.split(pool, weights, floor, cap);
        assertThat(Money.sum(parts)).isEqualByComparingTo(pool);
        BigDecimal cent = new BigDecimal("0.01");
        for (BigDecimal part : parts) {
            assertThat(part).isLessThanOrEqualTo(pool.multiply(cap).add(cent));
            assertThat(part).isGreaterThanOrEqualTo(pool.multiply(floor).subtract(cent));
        }
    }
}
