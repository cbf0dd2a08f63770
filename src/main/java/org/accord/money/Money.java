package org.accord.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one place that decides precision and rounding. Intermediate amounts keep full precision
 * (divisions to 34 significant digits, the precision DMN's FEEL uses too); a payable amount is
 * rounded once, to cents, half-even, when a settlement line is written.
 */
public final class Money {

    /** Cents: the scale of every payable amount. */
    public static final int SCALE = 2;
    /** Banker's rounding unless a contract says otherwise. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Precision of quotients: IEEE 754 decimal128, 34 significant digits. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public static final BigDecimal ZERO = BigDecimal.ZERO;
    public static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal CENT = BigDecimal.ONE.movePointLeft(SCALE);

    /** 10^s for the scales {@link #compareQuotient} cross-multiplies: 0 to 13 decimals. */
    private static final long[] TEN = new long[14];

    static {
        TEN[0] = 1;
        for (int s = 1; s < TEN.length; s++) {
            TEN[s] = TEN[s - 1] * 10;
        }
    }

    private Money() {
    }

    public static BigDecimal of(long value) {
        return BigDecimal.valueOf(value);
    }

    public static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    public static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a.subtract(b);
    }

    public static BigDecimal times(BigDecimal a, BigDecimal b) {
        return a.multiply(b);
    }

    public static BigDecimal times(BigDecimal a, long b) {
        return a.multiply(BigDecimal.valueOf(b));
    }

    /** a / b to 34 significant digits; zero when b is zero (an empty basis shares nothing). */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Most quotients the rules take fit long arithmetic, which gives the JDK's answer in less CPU (Quotients).
        BigDecimal quotient = Quotients.divide(a, b);
        return quotient != null ? quotient : a.divide(b, PRECISION);
    }

    public static BigDecimal divide(long a, long b) {
        if (b == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal quotient = Quotients.divide(a, 0, b, 0);
        return quotient != null ? quotient : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), PRECISION);
    }

    /**
     * How {@link #divide(long, long)} of a count over a count compares with a value from 0 to 1 (a rate
     * with a gate): -1, 0 or 1, as {@code divide(numerator, divisor).compareTo(value)}. Where that answer
     * is sure to be the exact quotient's, the counts are compared cross-multiplied instead of dividing to
     * 34 digits (issue 15: a quality measure's rate against each of its gates): rounding to 34 digits never
     * moves a quotient past a value of at most 34 digits, and can make it equal to one only within half a
     * unit of its 34th digit, while a quotient of counts that differs from a value of {@code s} decimals
     * differs by at least 1 / (divisor x 10^s), more than that half unit when divisor x 10^s is below 10^32.
     * Anything else (a negative count, a divisor of zero, a value outside 0-1 or of more decimals) divides.
     */
    public static int compareQuotient(long numerator, long divisor, BigDecimal value) {
        int scale = value.scale();
        // With at most 13 decimals, any divisor in a long keeps divisor x 10^scale below 10^32 (2^63 x 10^13 < 10^32).
        if (numerator < 0 || divisor <= 0 || scale < 0 || scale >= TEN.length || value.signum() < 0 || value.compareTo(ONE) > 0) {
            return divide(numerator, divisor).compareTo(value);
        }
        // value = unscaled / 10^scale, at most 10^13 here; both products in 128 bits, neither negative.
        // (scaled to an integer, whose long value BigDecimal keeps without making a BigInteger)
        long unscaled = value.scaleByPowerOfTen(scale).longValueExact();
        long leftHigh = Math.multiplyHigh(numerator, TEN[scale]);
        long rightHigh = Math.multiplyHigh(unscaled, divisor);
        if (leftHigh != rightHigh) {
            return leftHigh < rightHigh ? -1 : 1;
        }
        return Integer.signum(Long.compareUnsigned(numerator * TEN[scale], unscaled * divisor));
    }

    /** The sum of amounts (zero for none). */
    public static BigDecimal sum(java.util.Collection<? extends BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal negate(BigDecimal a) {
        return a.negate();
    }

    /** value limited to [low, high]. */
    public static BigDecimal clamp(BigDecimal value, BigDecimal low, BigDecimal high) {
        return max(low, min(value, high));
    }

    /** The part of value that lies between from and to (zero when value is below from). */
    public static BigDecimal portionBetween(BigDecimal value, BigDecimal from, BigDecimal to) {
        return clamp(value, from, to).subtract(from);
    }

    public static boolean atLeast(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0;
    }

    public static boolean below(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) < 0;
    }

    public static boolean atMost(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0;
    }

    public static boolean above(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    /** The most whole cents that are not above an exact amount (a cap's amount as a part held at it starts). */
    public static BigDecimal centsAtMost(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.FLOOR);
    }

    /** The fewest whole cents that are not below an exact amount (a floor's amount as a part raised to it starts). */
    public static BigDecimal centsAtLeast(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.CEILING);
    }

    /** Rounds an exact amount to a payable one: cents, half-even. */
    public static BigDecimal payable(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /**
     * Pays exact amounts that make up one payable amount (a corridor's bands): the sum is rounded once, as
     * {@link #payable}, and split into parts in whole cents that add up to it. Every part is first rounded
     * toward zero; the cents the sum's rounding leaves go one each to the parts with the largest remainders
     * (ties to the earlier index). A part is thus its exact amount rounded toward zero or a cent further.
     * The parts may not have both signs.
     */
    public static List<BigDecimal> payableParts(List<BigDecimal> exactParts) {
        BigDecimal total = payable(sum(exactParts));
        int n = exactParts.size();
        BigDecimal[] parts = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        boolean positive = false;
        boolean negative = false;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = exactParts.get(i);
            positive |= exact.signum() > 0;
            negative |= exact.signum() < 0;
            parts[i] = exact.setScale(SCALE, RoundingMode.DOWN);
            remainders[i] = exact.subtract(parts[i]).abs();
            allocated = allocated.add(parts[i]);
        }
        if (positive && negative) {
            throw new IllegalArgumentException("parts of both signs: " + exactParts);
        }
        // Rounding the sum moves it less than half a cent, each part's rounding toward zero less than a cent: at most
        // one cent per part is left, in the sum's direction.
        int centsLeft = total.subtract(allocated).movePointRight(SCALE).intValueExact();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Largest remainder first; the sort is stable, so equal ones keep the earlier index first.
        order.sort((i, j) -> remainders[j].compareTo(remainders[i]));
        BigDecimal step = centsLeft < 0 ? CENT.negate() : CENT;
        for (int k = 0; k < Math.abs(centsLeft); k++) {
            parts[order.get(k)] = parts[order.get(k)].add(step);
        }
        return new ArrayList<>(Arrays.asList(parts));
    }

    /**
     * Splits a payable total into cents by weight so that the parts add up to the total exactly:
     * every part is first rounded toward zero, then the cents left over go one each to the parts
     * with the largest remainders (ties to the earlier index, so callers order parts by id).
     * Weights must be non-negative and not all zero unless the total is zero.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights) {
        List<BigDecimal> unbounded = Collections.nCopies(weights.size(), null);
        return allocate(total, weights, unbounded, unbounded);
    }

    /**
     * As {@link #allocate(BigDecimal, List)}, each part kept within its least and most amount where one is given
     * (null: none), such as a floor's and a cap's share of the pool: a part the rounding would put below its least
     * amount starts at that amount rounded up to the cent, one above its most amount at that amount rounded down,
     * and a cent goes to, or is taken back from, the part with the largest (or smallest) remainder that stays
     * within its amounts. Only when no part can take or give a cent within them does one go past them: the parts
     * still add up to the total. Without bounds this is the plain largest remainder.
     *
     * <p>The distribution rules called this until they said which parts a cap holds: rule sets stored with runs still
     * do, and replay as they ran. It is {@link #allocate(BigDecimal, List, List, List, List)} with no part held.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, List<BigDecimal> least, List<BigDecimal> most) {
        return allocate(total, weights, least, most, Collections.nCopies(weights.size(), false));
    }

    /**
     * As {@link #allocate(BigDecimal, List, List, List)}, the parts {@code heldAtMost} marks (a cap's share: their
     * weight's share of the total is their most amount) starting at their most amount rounded down, and giving a cent
     * back only when no other part can within its amounts. The cents that parts started at their least amount rounded
     * up (a floor's) take beyond the total then come back from the parts held by neither, or from what is retained,
     * smallest remainder first: a part at its cap keeps it to the cent where another part can give the cent.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, List<BigDecimal> least, List<BigDecimal> most,
            List<Boolean> heldAtMost) {
        return allocate(total, weights, least, most, heldAtMost, Collections.nCopies(weights.size(), false));
    }

    /**
     * As {@link #allocate(BigDecimal, List, List, List, List)}, the parts {@code takingLast} marks (a practice whose
     * weight is zero, raised to its floor) taking a cent given out only when no other part can within its amounts:
     * a cent the parts held at their most amount leave over goes to a part held by neither, or to what is retained,
     * even where a marked part's remainder ties with it and comes first.
     *
     * <p>The distribution rules called the five-list form until they marked those parts: rule sets stored with runs
     * still do, and replay as they ran. It is this with no part marked.
     *
     * <p>A cent taken back from parts whose remainders tie comes from the earlier of them here, so that the later keeps
     * it: the opposite of a cent given. The distribution rules called this form until they named the tie: rule sets
     * stored with runs still do, and replay as they ran. It is {@link #allocate(BigDecimal, List, List, List, List, List,
     * TakenBackOnATie)} with {@link TakenBackOnATie#EARLIER}.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, List<BigDecimal> least, List<BigDecimal> most,
            List<Boolean> heldAtMost, List<Boolean> takingLast) {
        return allocate(total, weights, least, most, heldAtMost, takingLast, TakenBackOnATie.EARLIER);
    }

    /** Which of two parts whose remainders tie gives a cent taken back (a cent given goes to the earlier of them). */
    public enum TakenBackOnATie {
        /** The earlier gives it and the later keeps it, as the forms without the tie named do. */
        EARLIER,
        /**
         * The later gives it and the earlier keeps it: ties go to the earlier part both ways ("ties by practice id"), so
         * parts that all start a cent over their exact amount end as the plain largest remainder would leave them.
         */
        LATER
    }

    /**
     * As {@link #allocate(BigDecimal, List, List, List, List, List)}, with the part that gives a cent taken back among
     * equal remainders named: {@link TakenBackOnATie#LATER} for "ties to the earlier index" whichever way a cent moves
     * (four parts held at a floor and cap of 0.255 of 1.02 each start at 0.26 and give two cents back: the last two).
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights, List<BigDecimal> least, List<BigDecimal> most,
            List<Boolean> heldAtMost, List<Boolean> takingLast, TakenBackOnATie tie) {
        BigDecimal pool = payable(total);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to allocate to");
        }
        if (least.size() != weights.size() || most.size() != weights.size() || heldAtMost.size() != weights.size()
                || takingLast.size() != weights.size()) {
            throw new IllegalArgumentException("one least amount, one most amount, one mark of a part held at it and one of a part"
                    + " taking last a weight: " + least.size() + ", " + most.size() + ", " + heldAtMost.size() + " and "
                    + takingLast.size() + " for " + weights.size());
        }
        int n = weights.size();
        BigDecimal weightSum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            weightSum = weightSum.add(weight);
        }
        if (weightSum.signum() == 0) {
            if (pool.signum() != 0) {
                throw new IllegalArgumentException("weights are all zero: " + pool + " cannot be allocated");
            }
            return weights.stream().map(w -> BigDecimal.ZERO.setScale(SCALE)).toList();
        }
        BigDecimal cent = pool.signum() < 0 ? CENT.negate() : CENT;
        BigDecimal[] parts = new BigDecimal[n];
        // How far each part falls short of its exact amount, in the pool's direction: the largest take a cent first.
        BigDecimal[] shortOfExact = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        // Shares that add up to one (the distribution's, with what is retained) need no division: a quotient over
        // one is the product rounded to 34 digits, the same value (only its scale may differ, and parts and
        // remainders are read by value).
        boolean sharesOfOne = weightSum.compareTo(ONE) == 0;
        for (int i = 0; i < n; i++) {
            BigDecimal weight = weights.get(i);
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            BigDecimal exact = sharesOfOne ? pool.multiply(weight).round(PRECISION) : pool.multiply(weight).divide(weightSum, PRECISION);
            BigDecimal part = exact.setScale(SCALE, RoundingMode.DOWN);
            if (least.get(i) != null && part.compareTo(least.get(i)) < 0) {
                part = least.get(i).setScale(SCALE, RoundingMode.CEILING);
            } else if (most.get(i) != null && (heldAtMost.get(i) || part.compareTo(most.get(i)) > 0)) {
                // Held there, it starts at it even when its share, to 34 digits, came a speck under it and a whole cent lower.
                part = most.get(i).setScale(SCALE, RoundingMode.FLOOR);
            }
            parts[i] = part;
            shortOfExact[i] = pool.signum() < 0 ? part.subtract(exact) : exact.subtract(part);
            allocated = allocated.add(part);
        }
        int centsLeft = pool.subtract(allocated).divide(cent).intValueExact();
        if (centsLeft != 0) {
            BigDecimal step = centsLeft > 0 ? cent : cent.negate();
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            // Largest shortfall first when giving, smallest first when taking back; the sort is stable, so equal
            // ones keep the earlier index first, unless a cent taken back comes from the later of a tie.
            boolean laterGivesFirst = centsLeft < 0 && tie == TakenBackOnATie.LATER;
            order.sort(centsLeft > 0 ? (i, j) -> shortOfExact[j].compareTo(shortOfExact[i])
                    : (i, j) -> {
                        int bySmallest = shortOfExact[i].compareTo(shortOfExact[j]);
                        return bySmallest != 0 || !laterGivesFirst ? bySmallest : Integer.compare(j, i);
                    });
            int left = Math.abs(centsLeft);
            // When no part of one kind can move a cent, the next kind is asked (last, any part: the total comes first);
            // after a pass that moved one, the first kind again. (A part held at its most amount cannot take a cent
            // given within it, so passing over it matters only for a cent taken back.)
            Movers movers = Movers.FREE_WITHIN;
            while (left > 0) {
                int moved = 0;
                for (int k = 0; k < n && left > 0; k++) {
                    int i = order.get(k);
                    BigDecimal next = parts[i].add(step);
                    // Marked to take last, a part is passed over for a cent given, as one held at its most amount is.
                    boolean passedOver = heldAtMost.get(i) || (centsLeft > 0 && takingLast.get(i));
                    boolean mayMove = movers == Movers.ANY
                            || (within(next, least.get(i), most.get(i)) && (movers == Movers.ANY_WITHIN || !passedOver));
                    if (mayMove) {
                        parts[i] = next;
                        left--;
                        moved++;
                    }
                }
                movers = moved > 0 ? Movers.FREE_WITHIN : Movers.values()[movers.ordinal() + 1];
            }
        }
        return new ArrayList<>(Arrays.asList(parts));
    }

    /** Who may move a cent, in the order they are asked: parts not held at their most, then any part, within their amounts; then any part. */
    private enum Movers { FREE_WITHIN, ANY_WITHIN, ANY }

    private static boolean within(BigDecimal amount, BigDecimal least, BigDecimal most) {
        return (least == null || amount.compareTo(least) >= 0) && (most == null || amount.compareTo(most) <= 0);
    }
}
