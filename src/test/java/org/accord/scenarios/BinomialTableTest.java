package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The guided search of a binomial table gives what a binary search of its cumulative probabilities gave, draw for draw. */
class BinomialTableTest {

    /** The value the table's draws were, before the guide: the first whose cumulative probability exceeds u. */
    private static int bySearch(BinomialTable table, double u) {
        double[] cumulative = table.cumulative();
        int at = Arrays.binarySearch(cumulative, u);
        int index = at >= 0 ? at + 1 : -at - 1;
        return table.first() + Math.min(index, cumulative.length - 1);
    }

    @Test
    void everyDrawIsTheValueTheBinarySearchFound() {
        SplittableRandom random = new SplittableRandom(15);
        int[] sizes = {1, 2, 3, 7, 10, 40, 100, 216, 1_000, 37_362};
        double[] rates = {0, 1e-6, 0.01, 0.2, 0.5, 0.5707, 0.8, 0.99, 1 - 1e-9, 1};
        for (int n : sizes) {
            for (double p : rates) {
                BinomialTable table = BinomialTable.of(n, p);
                for (int i = 0; i < 20_000; i++) {
                    double u = random.nextDouble();
                    assertThat(table.valueAt(u)).as("n %d, p %s, u %s", n, p, u).isEqualTo(bySearch(table, u));
                }
            }
        }
    }

    /** At and beside every cumulative probability and every guide boundary: where a rounding would show. */
    @Test
    void drawsAtTheEdgesAreTheValuesTheBinarySearchFound() {
        for (int n : new int[] {1, 5, 40, 216, 1_000, 37_362}) {
            for (double p : new double[] {1e-6, 0.05, 0.5, 0.5707, 0.97}) {
                BinomialTable table = BinomialTable.of(n, p);
                double[] cumulative = table.cumulative();
                int m = cumulative.length;
                for (int j = 0; j <= m; j++) {
                    check(table, (double) j / m);
                }
                for (double c : cumulative) {
                    check(table, c);
                }
                check(table, 0);
                check(table, Math.nextDown(1.0));
            }
        }
    }

    /** Repeated cumulative probabilities (a flat far tail), drawn exactly at the repeated value. */
    @Test
    void aDrawEqualToARepeatedProbabilityIsTheValueTheBinarySearchFound() {
        BinomialTable table = BinomialTable.of(37_362, 0.5707);
        double[] cumulative = table.cumulative();
        boolean repeats = false;
        for (int i = 1; i < cumulative.length; i++) {
            repeats |= cumulative[i] == cumulative[i - 1];
            check(table, cumulative[i]);
        }
        assertThat(repeats).as("the large table's tail repeats a probability").isTrue();
    }

    private static void check(BinomialTable table, double u) {
        for (double v : new double[] {Math.nextDown(u), u, Math.nextUp(u)}) {
            if (v >= 0 && v < 1) {
                assertThat(table.valueAt(v)).as("u %s", v).isEqualTo(bySearch(table, v));
            }
        }
    }
}
