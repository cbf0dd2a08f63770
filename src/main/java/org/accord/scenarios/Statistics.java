package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Summaries of simulated amounts held in cents: exact means and nearest-rank percentiles. */
final class Statistics {

    private Statistics() {
    }

    static SimulationResult.Summary summary(long[] cents) {
        long[] sorted = cents.clone();
        Arrays.sort(sorted);
        return new SimulationResult.Summary(mean(cents), standardDeviation(cents), percentile(sorted, 5),
                percentile(sorted, 50), percentile(sorted, 95));
    }

    /** The exact mean, rounded to cents. */
    static BigDecimal mean(long[] cents) {
        BigDecimal sum = BigDecimal.ZERO;
        long partial = 0;
        for (long c : cents) {
            // Sum in long while it cannot overflow, then carry into the BigDecimal.
            if (Math.abs(partial) > Long.MAX_VALUE / 4) {
                sum = sum.add(BigDecimal.valueOf(partial));
                partial = 0;
            }
            partial += c;
        }
        sum = sum.add(BigDecimal.valueOf(partial));
        return sum.movePointLeft(2).divide(BigDecimal.valueOf(cents.length), 2, RoundingMode.HALF_EVEN);
    }

    /** The sample standard deviation (n - 1), in cents' precision. */
    static BigDecimal standardDeviation(long[] cents) {
        return dollars(sampleStandardDeviation(cents) / 100);
    }

    static double sampleStandardDeviation(long[] cents) {
        if (cents.length < 2) {
            return 0;
        }
        double mean = 0;
        for (long c : cents) {
            mean += c;
        }
        mean /= cents.length;
        double squares = 0;
        for (long c : cents) {
            squares += (c - mean) * (c - mean);
        }
        return Math.sqrt(squares / (cents.length - 1));
    }

    /** Nearest rank: the ceil(p/100 x n)-th smallest value. */
    static BigDecimal percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return BigDecimal.valueOf(sorted[Math.max(rank, 1) - 1], 2);
    }

    /** count / n as a probability with four decimals. */
    static BigDecimal probability(long count, long n) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN);
    }

    static BigDecimal dollars(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }
}
