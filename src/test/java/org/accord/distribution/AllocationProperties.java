package org.accord.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.List;
import org.accord.money.Money;
import org.accord.testing.Decimals;
import org.junit.jupiter.api.Test;

/** Invariants of the cent allocation; a failure prints the shrunk case and the seed (replay with -DQT_SEED=...). */
class AllocationProperties {

    @Test
    void distributionConservesMoneyToTheCent() {
        qt().withExamples(500).forAll(Decimals.between("-10000000", "10000000", 2),
                lists().of(Decimals.between("0.0001", "1000", 4)).ofSizeBetween(1, 40))
                .checkAssert(AllocationProperties::conservesMoneyToTheCent);
    }

    private static void conservesMoneyToTheCent(BigDecimal pool, List<BigDecimal> weights) {
        List<BigDecimal> parts = Allocation.split(pool, weights, BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(Money.sum(parts)).isEqualByComparingTo(pool);
        assertThat(parts).allMatch(p -> p.scale() == 2);
    }

    @Test
    void floorsAndCapsHoldAndMoneyIsStillConserved() {
        qt().withExamples(300).forAll(Decimals.between("0.01", "10000000", 2),
                lists().of(Decimals.between("0", "1000", 3)).ofSizeBetween(4, 30))
                .checkAssert(AllocationProperties::floorsAndCapsHold);
    }

    private static void floorsAndCapsHold(BigDecimal pool, List<BigDecimal> weights) {
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
