package org.accord.scenarios;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Binomial(n, p) draws by inversion of its cumulative distribution, tabulated once per measure
 * (n and p do not change between trials) over the values whose probability is not negligible
 * (the tails cut are below 1e-17 of the mode's probability, far below what any simulation sees).
 */
final class BinomialTable {

    private final int first;
    private final double[] cumulative;

    private BinomialTable(int first, double[] cumulative) {
        this.first = first;
        this.cumulative = cumulative;
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

    int draw(RandomGenerator random) {
        double u = random.nextDouble();
        int at = Arrays.binarySearch(cumulative, u);
        // The first value whose cumulative probability exceeds u.
        int index = at >= 0 ? at + 1 : -at - 1;
        return first + Math.min(index, cumulative.length - 1);
    }
}
