package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.money.Money;

/**
 * The chance model of a performance year: draws one trial's facts from the observed facts.
 *
 * <p>A practice's total cost of care is the sum of its n attributed members' annual costs, each
 * independent with mean m (its expected cost per member) and coefficient of variation CV. With
 * gamma member costs the sum is exact: a sum of n independent Gamma(k, theta) is Gamma(n k, theta),
 * and a member cost of mean m and CV has k = 1/CV^2 and theta = m CV^2, so the total is one draw of
 * Gamma(n/CV^2, m CV^2) (mean n m, variance n (CV m)^2). With lognormal member costs the sum is
 * approximated by the lognormal of the same mean and variance (Fenton-Wilkinson): sigma^2 =
 * ln(1 + CV^2/n), mu = ln(n m) - sigma^2/2. A quality measure's numerator is Binomial(eligible,
 * observed rate). Everything else is held at its observed value.
 *
 * <p>A practice's listed high-cost members ({@link KnownCosts}) are known costs within its total: a trial holds
 * them and draws the sum of its other members' costs as above, n being the members beyond the list and m their
 * mean, so that a trial's cost is never below its list. A practice with no member beyond its list is held, as
 * one without members.
 */
final class PerformanceVariation {

    private final PerformanceFacts observed;
    private final long seed;
    private final double[] shape;
    private static final BigDecimal ZERO_DOLLARS = new BigDecimal("0.00");

    private final double[] scale;
    /** Each practice's costs known member by member, held in every trial; and the members drawn beside them. */
    private final KnownCosts[] known;
    private final int[] drawnMembers;
    private final double[] logMean;
    private final double[] logSd;
    private final boolean lognormal;
    private final BinomialTable[][] numerators;

    /**
     * @param expectedCostPerMember each practice's expected annual cost per member drawn (those beyond its listed
     *                              high-cost members), in the facts' order
     */
    PerformanceVariation(PerformanceFacts observed, long seed, double[] expectedCostPerMember, double cv,
                         boolean lognormal, boolean varyQuality) {
        this.observed = observed;
        this.seed = seed;
        this.lognormal = lognormal;
        int count = observed.practices().size();
        shape = new double[count];
        scale = new double[count];
        logMean = new double[count];
        logSd = new double[count];
        known = new KnownCosts[count];
        drawnMembers = new int[count];
        numerators = new BinomialTable[count][];
        for (int i = 0; i < count; i++) {
            PracticePerformance practice = observed.practices().get(i);
            known[i] = KnownCosts.of(practice);
            drawnMembers[i] = known[i].drawnMembers(practice);
            int n = drawnMembers[i];
            double m = expectedCostPerMember[i];
            shape[i] = n / (cv * cv);
            scale[i] = m * cv * cv;
            double logVariance = Math.log(1 + cv * cv / n);
            logSd[i] = Math.sqrt(logVariance);
            logMean[i] = Math.log(n * m) - logVariance / 2;
            List<QualityMeasureCount> measures = practice.qualityMeasures();
            numerators[i] = new BinomialTable[measures.size()];
            for (int k = 0; k < measures.size(); k++) {
                QualityMeasureCount measure = measures.get(k);
                int eligible = measure.eligible();
                numerators[i][k] = varyQuality && eligible > 0
                        ? BinomialTable.of(eligible, (double) measure.numerator() / eligible)
                        : null;
            }
        }
    }

    /** The facts every trial is drawn from. */
    PerformanceFacts observed() {
        return observed;
    }

    /** The facts of trial {@code trial}: a function of the seed and the index alone. */
    PerformanceFacts trial(long trial) {
        SplittableRandom random = RandomDraws.streamFor(seed, trial);
        List<PracticePerformance> practices = new ArrayList<>(observed.practices().size());
        for (int i = 0; i < observed.practices().size(); i++) {
            PracticePerformance p = observed.practices().get(i);
            // Without members beyond its list there is nothing to draw; an expected cost of zero has no spread to draw from.
            BigDecimal cost = drawnMembers[i] <= 0 ? p.totalCostOfCare()
                    : scale[i] == 0 ? (known[i].none() ? ZERO_DOLLARS : known[i].amount())
                    : known[i].none() ? cents(totalCost(i, random))
                    : known[i].amount().add(cents(totalCost(i, random)));
            List<QualityMeasureCount> measures = new ArrayList<>(p.qualityMeasures().size());
            for (int k = 0; k < p.qualityMeasures().size(); k++) {
                QualityMeasureCount m = p.qualityMeasures().get(k);
                measures.add(numerators[i][k] == null ? m
                        : new QualityMeasureCount(m.measureId(), numerators[i][k].draw(random), m.denominator(), m.exclusions()));
            }
            practices.add(p.withTotalCostOfCare(cost).withQualityMeasures(measures));
        }
        return new PerformanceFacts(observed.ipa(), observed.period(), practices);
    }

    /** Below this a drawn cost is turned into cents without its decimal string: 2^33, about 8.6 billion dollars. */
    private static final double CENTS_BY_ARITHMETIC_BELOW = 0x1p33;

    /**
     * A drawn cost in cents: {@code BigDecimal.valueOf(cost).setScale(2, HALF_EVEN)}, the same value and scale,
     * for less CPU (issue 15). That expression rounds the double's decimal string S ({@code Double.toString}) to
     * cents; the string reads back as the double, so S is within half an ulp of the double's exact value D. Below
     * 2^33 an ulp is at most 2^-20, so 100 S and 100 D differ by at most 100 x 2^-21 < 5e-5, and the product
     * y = 100 x cost in double differs from 100 D by at most half of its ulp, 2^-14 < 7e-5. When y's fraction is
     * more than 1e-3 away from a half, no value within 2e-4 of y is a half-way point, so 100 S, 100 D and y round
     * to the same nearest whole number of cents, which is what half-even rounding gives away from a tie. Anything
     * else (near a tie, negative, not below 2^33, not finite) goes through the decimal string as before.
     * {@code DrawnCentsTest} compares the two over millions of draws, ties and their neighbours.
     */
    static BigDecimal cents(double cost) {
        if (cost >= 0 && cost < CENTS_BY_ARITHMETIC_BELOW) {
            double y = cost * 100;
            double whole = Math.floor(y);
            double fraction = y - whole; // exact: both are multiples of y's ulp
            if (Math.abs(fraction - 0.5) > 1e-3) {
                return BigDecimal.valueOf((long) whole + (fraction > 0.5 ? 1 : 0), Money.SCALE);
            }
        }
        return BigDecimal.valueOf(cost).setScale(Money.SCALE, RoundingMode.HALF_EVEN);
    }

    private double totalCost(int practice, SplittableRandom random) {
        if (lognormal) {
            return Math.exp(logMean[practice] + logSd[practice] * random.nextGaussian());
        }
        return RandomDraws.gamma(shape[practice], random) * scale[practice];
    }
}
