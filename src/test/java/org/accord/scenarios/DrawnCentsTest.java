package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A drawn cost turned into cents by arithmetic is the value and scale its decimal string gives (issue 15). */
class DrawnCentsTest {

    private static BigDecimal throughTheString(double cost) {
        return BigDecimal.valueOf(cost).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static void assertSame(double cost) {
        BigDecimal expected = throughTheString(cost);
        BigDecimal actual = PerformanceVariation.cents(cost);
        // equals compares the unscaled value and the scale
        assertThat(actual).as("cost %s (%s)", cost, Double.toHexString(cost)).isEqualTo(expected);
    }

    @Test
    void costsOfEveryMagnitudeGiveTheSameCents() {
        SplittableRandom random = new SplittableRandom(33);
        for (int n = 0; n < 1_000_000; n++) {
            // magnitudes from 1e-3 to 1e11 dollars, both sides of the 2^33 limit
            assertSame(Math.pow(10, random.nextDouble(-3, 11)));
        }
    }

    @Test
    void drawsLikeTheSimulationsGiveTheSameCents() {
        SplittableRandom random = new SplittableRandom(34);
        for (int n = 0; n < 500_000; n++) {
            assertSame(RandomDraws.gamma(random.nextDouble(0.5, 5000), random) * random.nextDouble(1, 50_000));
        }
    }

    /** Half-cent ties and the doubles beside them, where the string and the double's exact value can round apart. */
    @Test
    void halfCentsAndTheirNeighboursGiveTheSameCents() {
        SplittableRandom random = new SplittableRandom(35);
        for (int n = 0; n < 100_000; n++) {
            long cents = random.nextLong(0, random.nextBoolean() ? 100_000L : 900_000_000_000L);
            double tie = (cents + 0.5) / 100;
            double at = tie;
            for (int step = 0; step < 6; step++) {
                at = Math.nextDown(at);
            }
            for (int step = 0; step < 12; step++) {
                assertSame(at);
                at = Math.nextUp(at);
            }
            assertSame((cents + 0.499) / 100);
            assertSame((cents + 0.501) / 100);
            assertSame(cents / 100.0);
        }
        for (String tie : new String[] {"0.005", "0.015", "0.125", "1.005", "2.675", "123456.785", "85899345.915"}) {
            assertSame(Double.parseDouble(tie));
        }
    }

    @Test
    void zeroTheLimitAndBeyondGiveTheSameCents() {
        for (double cost : new double[] {0.0, -0.0, Double.MIN_VALUE, 0.004999, 0.005, 0x1p33, Math.nextDown(0x1p33), Math.nextUp(0x1p33),
            1e15, 9.007199254740991E15, Double.MAX_VALUE}) {
            assertSame(cost);
        }
        assertThat(PerformanceVariation.cents(0.0).scale()).isEqualTo(2);
    }
}
