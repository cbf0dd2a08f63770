package org.accord.scenarios;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random draws of a simulation, in double: they are statistics, not money, and become cents
 * only when they enter a trial's facts.
 */
final class RandomDraws {

    private RandomDraws() {
    }

    /**
     * The random stream of one trial, derived from the simulation's seed and the trial's index
     * alone, so that a trial draws the same numbers whichever thread runs it and in whatever order.
     */
    static SplittableRandom streamFor(long seed, long trial) {
        return new SplittableRandom(mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (trial + 1)));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000); shapes below
     * one are boosted: Gamma(a) = Gamma(a + 1) U^(1/a).
     */
    static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
