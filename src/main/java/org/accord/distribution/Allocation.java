package org.accord.distribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.money.Money;

/** Splits a pool by weight within floors and caps, to the cent. Called by the distribution rules. */
public final class Allocation {

    private Allocation() {
    }

    /**
     * @param pool       the amount to split (rounded to cents first); may be negative (losses)
     * @param weights    one non-negative weight per part, in tie-break order
     * @param floorShare the least share of a positive pool any part receives (0 for none)
     * @param capShare   the most share of a positive pool any part receives (1 for none)
     * @return one payable amount per part; they add up to the rounded pool exactly
     */
    public static List<BigDecimal> split(BigDecimal pool, List<BigDecimal> weights, BigDecimal floorShare, BigDecimal capShare) {
        int n = weights.size();
        BigDecimal count = BigDecimal.valueOf(n);
        if (floorShare.multiply(count).compareTo(BigDecimal.ONE) > 0 || capShare.multiply(count).compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("with " + n + " practices a floor share of " + floorShare.toPlainString()
                    + " and a cap share of " + capShare.toPlainString() + " cannot both hold");
        }
        BigDecimal[] shares = pool.signum() > 0 ? boundedShares(weights, floorShare, capShare) : plainShares(weights);
        return Money.allocate(pool, Arrays.asList(shares));
    }

    private static BigDecimal[] plainShares(List<BigDecimal> weights) {
        BigDecimal total = Money.sum(weights);
        BigDecimal[] shares = new BigDecimal[weights.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = total.signum() == 0 ? Money.divide(1, shares.length) : Money.divide(weights.get(i), total);
        }
        return shares;
    }

    /**
     * Water-filling: parts above the cap are fixed at it, then parts below the floor at it, and the
     * share left is spread over the free parts by weight, until no free part breaks a bound.
     */
    private static BigDecimal[] boundedShares(List<BigDecimal> weights, BigDecimal floorShare, BigDecimal capShare) {
        int n = weights.size();
        BigDecimal[] shares = new BigDecimal[n];
        boolean[] fixed = new boolean[n];
        while (true) {
            BigDecimal freeShare = BigDecimal.ONE;
            List<Integer> free = new ArrayList<>();
            BigDecimal freeWeight = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    freeShare = freeShare.subtract(shares[i]);
                } else {
                    free.add(i);
                    freeWeight = freeWeight.add(weights.get(i));
                }
            }
            if (free.isEmpty()) {
                return shares;
            }
            for (int i : free) {
                BigDecimal portion = freeWeight.signum() == 0 ? Money.divide(1, free.size()) : Money.divide(weights.get(i), freeWeight);
                shares[i] = freeShare.multiply(portion, Money.PRECISION);
            }
            boolean changed = false;
            for (int i : free) {
                if (shares[i].compareTo(capShare) > 0) {
                    shares[i] = capShare;
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                for (int i : free) {
                    if (shares[i].compareTo(floorShare) < 0) {
                        shares[i] = floorShare;
                        fixed[i] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return shares;
            }
        }
    }
}
