package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * Counts the amounts in at most {@code maximumBins} + 1 bins of one width: the smallest 1, 2 or
     * 5 times a power of ten cents that covers the range in {@code maximumBins}, so that the edges
     * are round numbers a reader can take in; the first edge is a multiple of the width.
     */
    static SimulationResult.Histogram histogram(long[] cents, int maximumBins) {
        long min = Arrays.stream(cents).min().orElseThrow();
        long max = Arrays.stream(cents).max().orElseThrow();
        long width = roundWidth(Math.max(1, ceilDiv(max - min + 1, maximumBins)));
        long first = Math.floorDiv(min, width) * width;
        int[] counts = new int[(int) Math.floorDiv(max - first, width) + 1];
        for (long c : cents) {
            counts[(int) Math.floorDiv(c - first, width)]++;
        }
        List<SimulationResult.Histogram.Bin> bins = new ArrayList<>(counts.length);
        for (int k = 0; k < counts.length; k++) {
            long from = first + k * width;
            bins.add(new SimulationResult.Histogram.Bin(BigDecimal.valueOf(from, 2), BigDecimal.valueOf(from + width, 2), counts[k]));
        }
        return new SimulationResult.Histogram(BigDecimal.valueOf(width, 2), List.copyOf(bins));
    }

    /** The smallest of 1, 2 and 5 times a power of ten that is at least {@code least}. */
    static long roundWidth(long least) {
        for (long power = 1; ; power *= 10) {
            for (long multiple : new long[] {1, 2, 5}) {
                if (multiple * power >= least) {
                    return multiple * power;
                }
            }
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** count / n as a probability with four decimals. */
    static BigDecimal probability(long count, long n) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_EVEN);
    }

    static BigDecimal dollars(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }
}
