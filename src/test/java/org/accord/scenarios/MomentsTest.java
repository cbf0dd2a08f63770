package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A simulation's costs summed as they come give the statistics the full list of them gives. */
class MomentsTest {

    private static Moments of(long[] cents, int from, int to) {
        Moments moments = new Moments();
        for (int i = from; i < to; i++) {
            moments.add(cents[i]);
        }
        return moments;
    }

    /** Costs in cents as a simulation draws them: gamma totals of a few hundred to a few million dollars. */
    private static long[] costs(SplittableRandom random, int n, double mean, double cv) {
        long[] cents = new long[n];
        double shape = 1 / (cv * cv);
        for (int i = 0; i < n; i++) {
            cents[i] = Math.round(RandomDraws.gamma(shape, random) * mean / shape * 100);
        }
        return cents;
    }

    @Test
    void meanAndStandardDeviationAreThoseOfTheFullList() {
        SplittableRandom random = new SplittableRandom(15);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(5_000);
            long[] cents = costs(random, n, 1e3 + random.nextDouble() * 5e7, 0.02 + random.nextDouble() * 0.5);
            Moments moments = of(cents, 0, n);
            assertThat(moments.count()).isEqualTo(n);
            assertThat(moments.mean()).isEqualTo(Statistics.mean(cents));
            assertThat(moments.standardDeviation()).isEqualTo(Statistics.standardDeviation(cents));
            assertThat(moments.sampleStandardDeviation())
                    .isCloseTo(Statistics.sampleStandardDeviation(cents), org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void batchesAddedInAnyOrderGiveTheSameAnswer() {
        long[] cents = costs(new SplittableRandom(7), 10_000, 2.5e6, 0.1);
        Moments forward = new Moments();
        Moments backward = new Moments();
        for (int from = 0; from < cents.length; from += 50) {
            forward.addAll(of(cents, from, from + 50));
        }
        for (int from = cents.length - 50; from >= 0; from -= 50) {
            backward.addAll(of(cents, from, from + 50));
        }
        assertThat(forward.mean()).isEqualTo(backward.mean()).isEqualTo(Statistics.mean(cents));
        assertThat(forward.sampleStandardDeviation()).isEqualTo(backward.sampleStandardDeviation());
        assertThat(forward.standardDeviation()).isEqualTo(Statistics.standardDeviation(cents));
    }

    @Test
    void oneAmountHasNoSpread() {
        Moments moments = of(new long[] {123_45}, 0, 1);
        assertThat(moments.mean()).isEqualByComparingTo("123.45");
        assertThat(moments.sampleStandardDeviation()).isZero();
    }
}
