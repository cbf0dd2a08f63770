package org.accord.distribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.money.Money;

/**
 * Splits a pool by weight within floors and caps, to the cent. The distribution rules no longer call
 * it: the solver is written in {@code rules/distribution/distribution.drl}, where a reviewer reads it.
 * It stays because rule files stored with runs before that change import it, and a replay with the
 * stored rules compiles them again ({@code docs/store.md}, Replay).
 */
public final class Allocation {

    private Allocation() {
    }

    /** Whether a floor or a cap held a part's share away from its weight's share. */
    public enum Bound { NONE, FLOOR, CAP }

    /**
     * One part of a split pool.
     *
     * @param weightShare the part's weight over all the weights: its share were nothing bound
     * @param share       the share it receives, within the floor and the cap
     * @param bound       which bound held its share, if any
     * @param amount      the payable amount, in cents
     */
    public record Part(BigDecimal weightShare, BigDecimal share, Bound bound, BigDecimal amount) {
    }

    /**
     * @param pool       the amount to split (rounded to cents first); may be negative (losses)
     * @param weights    one non-negative weight per part, in tie-break order
     * @param floorShare the least share of a positive pool any part receives (0 for none)
     * @param capShare   the most share of a positive pool any part receives (1 for none)
     * @return one payable amount per part; with what {@link #retained} says the IPA keeps, they add up
     *         to the rounded pool exactly
     */
    public static List<BigDecimal> split(BigDecimal pool, List<BigDecimal> weights, BigDecimal floorShare, BigDecimal capShare) {
        return parts(pool, weights, floorShare, capShare).stream().map(Part::amount).toList();
    }

    /** As {@link #split}, saying for each part its weight's share, its share and which bound held it. */
    public static List<Part> parts(BigDecimal pool, List<BigDecimal> weights, BigDecimal floorShare, BigDecimal capShare) {
        int n = weights.size();
        BigDecimal count = BigDecimal.valueOf(n);
        if (floorShare.multiply(count).compareTo(BigDecimal.ONE) > 0 || capShare.multiply(count).compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("with " + n + " practices a floor share of " + floorShare.toPlainString()
                    + " and a cap share of " + capShare.toPlainString() + " cannot both hold");
        }
        BigDecimal[] weightShares = plainShares(weights);
        BigDecimal[] shares = pool.signum() > 0 && !within(weightShares, floorShare, capShare)
                ? boundedShares(weights, floorShare, capShare) : weightShares;
        // What no part can take (every weighted part at its cap) is kept back as one more share, so the
        // cents are still allocated by largest remainder over the parts and what is retained together.
        BigDecimal unallocated = BigDecimal.ONE.subtract(Arrays.stream(shares).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<BigDecimal> withRetained = new ArrayList<>(Arrays.asList(shares));
        if (unallocated.signum() > 0) {
            withRetained.add(unallocated);
        }
        List<BigDecimal> amounts = Money.allocate(pool, withRetained);
        List<Part> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Part(weightShares[i], shares[i], bound(weightShares[i], shares[i], floorShare, capShare), amounts.get(i)));
        }
        return parts;
    }

    /** What the IPA retains of the pool because every part with weight was capped: the pool less the parts. */
    public static BigDecimal retained(BigDecimal pool, List<Part> parts) {
        return Money.minus(Money.payable(pool), Money.sum(parts.stream().map(Part::amount).toList()));
    }

    // A part is capped when its weight's share was above the cap and it got the cap, floored when
    // its weight's share was below the floor and it got the floor; a part that received what the
    // caps cut (even up to the cap) or gave up what the floors added is bound by neither.
    private static Bound bound(BigDecimal weightShare, BigDecimal share, BigDecimal floor, BigDecimal cap) {
        if (weightShare.compareTo(cap) > 0 && share.compareTo(cap) == 0) {
            return Bound.CAP;
        }
        if (weightShare.compareTo(floor) < 0 && share.compareTo(floor) == 0) {
            return Bound.FLOOR;
        }
        return Bound.NONE;
    }

    private static boolean within(BigDecimal[] shares, BigDecimal floor, BigDecimal cap) {
        for (BigDecimal share : shares) {
            if (share.compareTo(floor) < 0 || share.compareTo(cap) > 0) {
                return false;
            }
        }
        return true;
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
     * Shares clamp(lambda x weight, floor, cap) with lambda chosen so that they add up to one: each
     * practice's share is proportional to its weight except where a floor or cap holds it, which is
     * "what a cap cuts goes to the others by weight, until stable" solved exactly. The sum is
     * piecewise linear and non-decreasing in lambda, so lambda is found between the breakpoints
     * where some share meets a bound. If every weighted practice is capped, the practices without
     * weight receive only the floor: what the caps cut never goes to a practice whose weight is zero,
     * and what no one can take is retained by the IPA.
     */
    private static BigDecimal[] boundedShares(List<BigDecimal> weights, BigDecimal floor, BigDecimal cap) {
        int n = weights.size();
        BigDecimal[] shares = new BigDecimal[n];
        List<BigDecimal> breakpoints = new ArrayList<>();
        breakpoints.add(BigDecimal.ZERO);
        for (BigDecimal w : weights) {
            if (w.signum() > 0) {
                breakpoints.add(floor.divide(w, Money.PRECISION));
                breakpoints.add(cap.divide(w, Money.PRECISION));
            }
        }
        if (breakpoints.size() == 1) {
            Arrays.fill(shares, Money.divide(1, n));
            return shares;
        }
        breakpoints.sort(null);
        BigDecimal highest = breakpoints.get(breakpoints.size() - 1);
        if (total(weights, highest, floor, cap).compareTo(BigDecimal.ONE) < 0) {
            return capsAndFloorsOnly(weights, floor, cap);
        }
        BigDecimal lower = BigDecimal.ZERO;
        for (BigDecimal upper : breakpoints) {
            if (total(weights, upper, floor, cap).compareTo(BigDecimal.ONE) >= 0) {
                // Between lower and upper every share is either at a bound or lambda x weight.
                BigDecimal middle = lower.add(upper).divide(BigDecimal.valueOf(2), Money.PRECISION);
                BigDecimal atBounds = BigDecimal.ZERO;
                BigDecimal freeWeight = BigDecimal.ZERO;
                for (BigDecimal w : weights) {
                    BigDecimal raw = middle.multiply(w, Money.PRECISION);
                    if (raw.compareTo(floor) <= 0 || raw.compareTo(cap) >= 0) {
                        atBounds = atBounds.add(Money.clamp(raw, floor, cap));
                    } else {
                        freeWeight = freeWeight.add(w);
                    }
                }
                BigDecimal lambda = freeWeight.signum() == 0 ? upper
                        : BigDecimal.ONE.subtract(atBounds).divide(freeWeight, Money.PRECISION);
                for (int i = 0; i < n; i++) {
                    shares[i] = Money.clamp(lambda.multiply(weights.get(i), Money.PRECISION), floor, cap);
                }
                return shares;
            }
            lower = upper;
        }
        throw new IllegalStateException("no share found");
    }

    private static BigDecimal total(List<BigDecimal> weights, BigDecimal lambda, BigDecimal floor, BigDecimal cap) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            total = total.add(Money.clamp(lambda.multiply(w, Money.PRECISION), floor, cap));
        }
        return total;
    }

    private static BigDecimal[] capsAndFloorsOnly(List<BigDecimal> weights, BigDecimal floor, BigDecimal cap) {
        BigDecimal[] shares = new BigDecimal[weights.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = weights.get(i).signum() > 0 ? cap : floor;
        }
        return shares;
    }
}
