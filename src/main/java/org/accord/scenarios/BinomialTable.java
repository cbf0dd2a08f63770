package org.accord.scenarios;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Binomial(n, p) draws by inversion of its cumulative distribution, tabulated once per measure
 * (n and p do not change between trials) over the values whose probability is not negligible
 * (the tails cut are below 1e-17 of the mode's probability, far below what any simulation sees).
 * A guide table (one entry per value, Chen's indexed search) says where to start looking for a
 * uniform draw's value, so a draw scans a step or two instead of searching the whole table.
 */
final class BinomialTable {

    private final int first;
    private final double[] cumulative;
    /** For a draw u in [j/m, (j+1)/m) (m entries): the first index whose cumulative probability is at least j/m. */
    private final int[] guide;

    private BinomialTable(int first, double[] cumulative) {
        this.first = first;
        this.cumulative = cumulative;
        guide = new int[cumulative.length];
        int i = 0;
        for (int j = 0; j < guide.length; j++) {
            while (cumulative[i] < (double) j / guide.length) {
                i++;
            }
            guide[j] = i;
        }
    }

    static BinomialTable of(int n, double p) {
        if (n == 0 || p <= 0) {
            return new BinomialTable(0, new double[] {1});
        }
        if (p >= 1) {
            return new BinomialTable(n, new double[] {1});
        }
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        double odds = p / (1 - p);
        double[] up = new double[n - mode + 1];
        up[0] = 1;
        int high = mode;
        // P(k + 1) / P(k) = (n - k) / (k + 1) * p / (1 - p)
        while (high < n && up[high - mode] > 1e-17) {
            up[high - mode + 1] = up[high - mode] * (n - high) / (high + 1) * odds;
            high++;
        }
        double[] down = new double[mode + 1];
        down[0] = 1;
        int low = mode;
        while (low > 0 && down[mode - low] > 1e-17) {
            down[mode - low + 1] = down[mode - low] * low / (n - low + 1) / odds;
            low--;
        }
        double[] cumulative = new double[high - low + 1];
        double total = 0;
        for (int k = low; k <= high; k++) {
            total += k < mode ? down[mode - k] : up[k - mode];
            cumulative[k - low] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        cumulative[cumulative.length - 1] = 1;
        return new BinomialTable(low, cumulative);
    }

    /** The lowest value tabulated and the cumulative probabilities from it: for checking the search against a plain one. */
    int first() {
        return first;
    }

    double[] cumulative() {
        return cumulative.clone();
    }

    int draw(RandomGenerator random) {
        return valueAt(random.nextDouble());
    }

    /** The value a uniform draw u in [0, 1) gives: the first whose cumulative probability exceeds u. */
    int valueAt(double u) {
        int i = guide[Math.min((int) (u * guide.length), guide.length - 1)];
        // The guide's start is checked, not trusted, against u's rounding into its bucket.
        while (i > 0 && cumulative[i - 1] >= u) {
            i--;
        }
        while (cumulative[i] < u) {
            i++;
        }
        if (cumulative[i] != u) {
            return first + i;
        }
        // u equal to a cumulative probability (some repeat in the far tail): as the binary search always answered.
        int at = Arrays.binarySearch(cumulative, u);
        return first + Math.min(at + 1, cumulative.length - 1);
    }
}
