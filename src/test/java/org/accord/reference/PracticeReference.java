package org.accord.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The payment methods that pay practices and distribute a pool, written a second time from
 * {@code shared/domain/REFERENCE.md} sections 1, 2, 4, 5, 6, 7 and 9 and the templates' contract
 * exhibits, without the rules or the engine: capitation with a withhold returned on a quality ladder,
 * the risk corridor's bands, the global budget with its quality bonus, fee-for-service with
 * pay-for-performance and a care-management fee, the administrative fee and reserve, and the
 * distribution of the pool by weights within floors and caps, to the cent by largest remainder.
 * Arithmetic is in exact fractions; each amount is rounded once, to cents half even, where the
 * contract pays it.
 */
final class PracticeReference {

    static final String IPA = "IPA";

    /**
     * The amounts each scope (a practice id or {@code IPA}) is paid by each clause, and the
     * semantics the reference model reads differently from the rules in this case (each a
     * {@link KnownDisagreement}): where an amount differs and one of these is present, it is explained.
     */
    record Settled(Map<String, BigDecimal> amounts, Set<KnownDisagreement> readDifferently) {
    }

    /** The templates' parameters as their exhibits publish them (a template's year-by-year values by year). */
    static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "ma-capitation", Map.ofEntries(
                    Map.entry("minimumDenominator", "20"), Map.entry("minimumQualityScore", "0.50"),
                    Map.entry("capitationPmpm", "52.00"), Map.entry("riskAdjusted", "true"), Map.entry("normalisationRiskScore", "1.00"),
                    Map.entry("withholdRate", "0.10"), Map.entry("withholdReturnBasis", "quality-ladder"),
                    Map.entry("targetPmpm", "1050.00"), Map.entry("corridorBands[1].threshold", "0.02"), Map.entry("corridorBands[2].threshold", "0.05"),
                    Map.entry("corridorBands[0].ipaShareOfGains", "1.00"), Map.entry("corridorBands[1].ipaShareOfGains", "0.50"),
                    Map.entry("corridorBands[2].ipaShareOfGains", "0.20"), Map.entry("corridorBands[0].ipaShareOfLosses", "1.00"),
                    Map.entry("corridorBands[1].ipaShareOfLosses", "0.50"), Map.entry("corridorBands[2].ipaShareOfLosses", "0.20"),
                    Map.entry("adminFeeBasis", "pmpm"), Map.entry("adminFeePmpm", "1.50"), Map.entry("adminFeeRate", "0.00"),
                    Map.entry("memberMonthsWeight", "0.60"), Map.entry("qualityWeight", "0.20"), Map.entry("costPerformanceWeight", "0.20"),
                    Map.entry("reserveRate", "0.05"), Map.entry("practiceFloorShare", "0"), Map.entry("practiceCapShare", "1"),
                    Map.entry("costPerformanceTarget", "risk-corridor")),
            "commercial-global-budget", Map.ofEntries(
                    Map.entry("minimumDenominator", "20"), Map.entry("minimumQualityScore", "0.60"),
                    Map.entry("budgetPmpm@2024", "985.00"), Map.entry("budgetPmpm@2025", "1020.00"), Map.entry("budgetPmpm@2026", "1055.00"),
                    Map.entry("surplusShareRate@2024", "0.50"), Map.entry("surplusShareRate@2025", "0.60"), Map.entry("surplusShareRate@2026", "0.70"),
                    Map.entry("deficitShareRate@2024", "0.30"), Map.entry("deficitShareRate@2025", "0.40"), Map.entry("deficitShareRate@2026", "0.50"),
                    Map.entry("adminFeeBasis", "pmpm"), Map.entry("adminFeePmpm", "2.00"), Map.entry("adminFeeRate", "0.00"),
                    Map.entry("memberMonthsWeight", "0.40"), Map.entry("qualityWeight", "0.30"), Map.entry("costPerformanceWeight", "0.30"),
                    Map.entry("reserveRate", "0.05"), Map.entry("practiceFloorShare", "0"), Map.entry("practiceCapShare", "0.40"),
                    Map.entry("costPerformanceTarget", "global-budget")),
            "medicaid-ffs-p4p", Map.of(
                    "negotiatedPercentage", "1.05", "bonusPerAnnualWellnessVisit", "25.00", "careManagementPmpm", "4.50"));

    /**
     * Per member meeting a measure (medicaid-ffs-p4p's P4P exhibit), unless the case gives a table of its own (the whole
     * table): its numerator, or the eligible members it does not count when lower is better.
     */
    static final Map<String, String> BONUS_PER_MEMBER_MEETING_MEASURE = Map.of("BCS", "20.00", "COL", "20.00", "CBP", "15.00", "DSF", "10.00");

    /** The quality exhibit's gates (both scoring templates): a point for each gate reached. */
    record Gates(boolean lowerIsBetter, List<String> gates) {
    }

    static final Map<String, Gates> MEASURE_GATES = Map.of(
            "CBP", new Gates(false, List.of("0.60", "0.70", "0.80")),
            "HBD-POOR", new Gates(true, List.of("0.30", "0.20", "0.15")),
            "BCS", new Gates(false, List.of("0.65", "0.75", "0.85")),
            "COL", new Gates(false, List.of("0.60", "0.70", "0.80")),
            "DSF", new Gates(false, List.of("0.50", "0.65", "0.80")),
            "AWV", new Gates(false, List.of("0.40", "0.55", "0.70")));

    private final PracticeCase c;
    private final boolean rulesReading;
    private final Map<String, BigDecimal> amounts = new TreeMap<>();
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Set<KnownDisagreement> readDifferently = EnumSet.noneOf(KnownDisagreement.class);

    private PracticeReference(PracticeCase c, boolean rulesReading) {
        this.c = c;
        this.rulesReading = rulesReading;
    }

    static Settled settle(PracticeCase c) {
        return settle(c, false);
    }

    /**
     * With {@code rulesReading}, where the case meets a {@link KnownDisagreement} the model follows the
     * rules' reading instead of its own (a zero metric's weight split evenly; the caps' excess shared evenly
     * by the practices without weight), so that a known disagreement is shown to be the only one.
     */
    static Settled settle(PracticeCase c, boolean rulesReading) {
        PracticeReference reference = new PracticeReference(c, rulesReading);
        reference.settle();
        return new Settled(reference.amounts, reference.readDifferently);
    }

    static String key(String scope, String clause) {
        return scope + " " + clause;
    }

    private void settle() {
        switch (c.templateId()) {
            case "ma-capitation" -> {
                capitationAndWithhold();
                Fraction target = number("targetPmpm").times(riskWeightedMemberMonths());
                Fraction pool = pay(IPA, "risk-corridor", corridor(target.minus(totalCostOfCare())));
                distribute(pool, "risk-corridor".equals(text("costPerformanceTarget")) ? target : null);
            }
            case "commercial-global-budget" -> {
                Fraction budget = number("budgetPmpm").times(riskWeightedMemberMonths());
                Fraction surplus = budget.minus(totalCostOfCare());
                Fraction shared = surplus.signum() >= 0
                        ? (qualityGateMet() ? surplus.times(number("surplusShareRate")) : Fraction.ZERO)
                        : surplus.times(number("deficitShareRate"));
                Fraction pool = pay(IPA, "global-budget", shared)
                        .plus(pay(IPA, "quality-bonus", budget.times(qualityBonusRate(qualityScore()))));
                distribute(pool, "global-budget".equals(text("costPerformanceTarget")) ? budget : null);
            }
            case "medicaid-ffs-p4p" -> {
                for (PracticeCase.Practice p : c.practices()) {
                    pay(p.id(), "fee-for-service", Fraction.of(p.feeScheduleAllowed()).times(number("negotiatedPercentage")));
                    Fraction bonus = pay(p.id(), "pay-for-performance",
                            number("bonusPerAnnualWellnessVisit").times(Fraction.of(p.annualWellnessVisits())));
                    for (PracticeCase.Measure m : p.measures()) {
                        String perMember = c.bonusTable().orElse(BONUS_PER_MEMBER_MEETING_MEASURE).get(m.id());
                        if (perMember != null) {
                            // a lower-is-better measure's numerator counts the members not meeting it
                            long meeting = MEASURE_GATES.get(m.id()).lowerIsBetter() ? m.eligible() - m.numerator() : m.numerator();
                            bonus = bonus.plus(pay(p.id(), "pay-for-performance", Fraction.of(perMember).times(Fraction.of(meeting))));
                        }
                    }
                    pay(p.id(), "care-management-fee", number("careManagementPmpm").times(Fraction.of(p.memberMonths())));
                }
            }
            default -> throw new IllegalArgumentException(c.templateId());
        }
    }

    // REFERENCE.md section 1: capitation = PMPM x risk factor x member months; the withhold is a share of
    // each payment, returned by the ladder when the gate is met, else kept by the payer.
    private void capitationAndWithhold() {
        Fraction returned = !qualityGateMet() ? Fraction.ZERO
                : "all-or-nothing".equals(text("withholdReturnBasis")) ? Fraction.ONE : withholdReturnShare(qualityScore());
        for (PracticeCase.Practice p : c.practices()) {
            Fraction riskFactor = Boolean.parseBoolean(text("riskAdjusted"))
                    ? Fraction.of(p.riskScore()).over(number("normalisationRiskScore")) : Fraction.ONE;
            Fraction capitation = pay(p.id(), "capitation", number("capitationPmpm").times(Fraction.of(p.memberMonths())).times(riskFactor));
            BigDecimal withheld = number("withholdRate").times(capitation).cents();
            pay(p.id(), "withhold", Fraction.of(withheld).negate());
            pay(p.id(), "withhold", Fraction.of(withheld).times(returned));
        }
    }

    /** The withhold return ladder of the plan's quality exhibit. */
    private static Fraction withholdReturnShare(Fraction score) {
        return score.compareTo(Fraction.of("0.85")) >= 0 ? Fraction.ONE
                : score.compareTo(Fraction.of("0.70")) >= 0 ? Fraction.of("0.75")
                : score.compareTo(Fraction.of("0.50")) >= 0 ? Fraction.of("0.50") : Fraction.ZERO;
    }

    /** The global budget's quality bonus ladder: up to about 10% of the budget (REFERENCE.md section 4). */
    private static Fraction qualityBonusRate(Fraction score) {
        return score.compareTo(Fraction.of("0.90")) >= 0 ? Fraction.of("0.10")
                : score.compareTo(Fraction.of("0.80")) >= 0 ? Fraction.of("0.07")
                : score.compareTo(Fraction.of("0.70")) >= 0 ? Fraction.of("0.04")
                : score.compareTo(Fraction.of("0.60")) >= 0 ? Fraction.of("0.02") : Fraction.ZERO;
    }

    /**
     * REFERENCE.md section 5: the variance is cut at the band edges (shares of the target); in each band
     * the IPA keeps its share of a gain or bears its share of a loss. "The settlement is the sum over bands":
     * the bands' exact shares summed, paid to the cent once.
     */
    private Fraction corridor(Fraction gain) {
        Fraction target = number("targetPmpm").times(riskWeightedMemberMonths());
        Fraction inner = target.times(number("corridorBands[1].threshold"));
        Fraction outer = target.times(number("corridorBands[2].threshold"));
        boolean isGain = gain.signum() >= 0;
        Fraction size = isGain ? gain : gain.negate();
        String side = isGain ? "Gains" : "Losses";
        Fraction[] portions = {
            size.min(inner),
            size.min(outer).minus(inner).max(Fraction.ZERO),
            size.minus(outer).max(Fraction.ZERO) };
        Fraction total = Fraction.ZERO;
        for (int i = 0; i < 3; i++) {
            Fraction band = portions[i].times(number("corridorBands[" + i + "].ipaShareOf" + side));
            total = total.plus(isGain ? band : band.negate());
        }
        return Fraction.of(total.cents());
    }

    // REFERENCE.md sections 6 and 7: the pool less the admin fee and the reserve, split by weights.
    private void distribute(Fraction pool, Fraction costTarget) {
        Fraction fee = Fraction.ZERO;
        Fraction distributable = pool;
        if (pool.signum() > 0) {
            fee = "pmpm".equals(text("adminFeeBasis"))
                    ? number("adminFeePmpm").times(Fraction.of(memberMonths())).min(pool)
                    : number("adminFeeRate").times(pool);
            fee = pay(IPA, "admin-fee", fee);
            Fraction reserve = pay(IPA, "distribution", pool.minus(fee).times(number("reserveRate")));
            distributable = pool.minus(fee).minus(reserve);
        }
        List<PracticeCase.Practice> practices = new ArrayList<>(c.practices());
        practices.sort((a, b) -> a.id().compareTo(b.id()));
        int n = practices.size();
        Fraction[] memberMonths = new Fraction[n];
        Fraction[] quality = new Fraction[n];
        Fraction[] cost = new Fraction[n];
        for (int i = 0; i < n; i++) {
            PracticeCase.Practice p = practices.get(i);
            memberMonths[i] = Fraction.of(p.memberMonths());
            quality[i] = composite(p.measures());
            // Savings against the practice's risk-weighted share of the target, floored at zero.
            cost[i] = costTarget == null ? Fraction.ZERO
                    : costTarget.times(riskWeighted(p)).over(riskWeightedMemberMonths()).minus(Fraction.of(p.totalCostOfCare())).max(Fraction.ZERO);
        }
        Fraction[][] metrics = {memberMonths, quality, cost};
        Fraction[] metricWeights = {number("memberMonthsWeight"), number("qualityWeight"), number("costPerformanceWeight")};
        // Share_i = sum_k w_k x metric_ik / sum_j metric_jk. A metric on which no practice scored has no
        // shares to give: its weight is left out and the other weights are taken over what remains.
        Fraction weightInPlay = Fraction.ZERO;
        Fraction[] weights = new Fraction[n];
        java.util.Arrays.fill(weights, Fraction.ZERO);
        for (int k = 0; k < metrics.length; k++) {
            Fraction total = sum(metrics[k]);
            if (total.signum() == 0) {
                if (metricWeights[k].signum() != 0) {
                    readDifferently.add(KnownDisagreement.ZERO_METRIC_SPLIT_EVENLY);
                }
                if (!rulesReading) {
                    continue;
                }
                weightInPlay = weightInPlay.plus(metricWeights[k]);
                for (int i = 0; i < n; i++) {
                    weights[i] = weights[i].plus(metricWeights[k].over(Fraction.of(n)));
                }
                continue;
            }
            weightInPlay = weightInPlay.plus(metricWeights[k]);
            for (int i = 0; i < n; i++) {
                weights[i] = weights[i].plus(metricWeights[k].times(metrics[k][i]).over(total));
            }
        }
        Fraction[] shares = new Fraction[n];
        for (int i = 0; i < n; i++) {
            shares[i] = weightInPlay.signum() == 0 ? Fraction.ONE.over(Fraction.of(n)) : weights[i].over(weightInPlay);
        }
        if (distributable.signum() > 0) {
            shares = withinFloorAndCap(shares, number("practiceFloorShare"), number("practiceCapShare"));
        }
        boolean[] withoutWeight = new boolean[n];
        for (int i = 0; i < n; i++) {
            withoutWeight[i] = weightInPlay.signum() != 0 && weights[i].signum() == 0;
        }
        BigDecimal[] paid = largestRemainder(Fraction.of(distributable.cents()), shares, withoutWeight);
        for (int i = 0; i < n; i++) {
            pay(practices.get(i).id(), "distribution", Fraction.of(paid[i]));
        }
    }

    /**
     * "Amounts cut by a cap are redistributed to uncapped practices in proportion to their weights;
     * iterate until stable", and floors likewise raise a share, taken from the others by weight. Each
     * round spreads what the bounds leave over the free practices by weight, then first fixes at the cap
     * the free shares above it (which raises the others), else at the floor those below it (which lowers
     * the others), else frees a practice its bound no longer holds; stable when none of these changes.
     */
    private Fraction[] withinFloorAndCap(Fraction[] weightShares, Fraction floor, Fraction cap) {
        int n = weightShares.length;
        Fraction[] shares = new Fraction[n];
        int[] bound = new int[n]; // -1 floor, +1 cap, 0 free
        for (int round = 0; round < 6 * n + 6; round++) {
            Fraction fixed = Fraction.ZERO;
            Fraction freeWeight = Fraction.ZERO;
            for (int i = 0; i < n; i++) {
                fixed = fixed.plus(bound[i] > 0 ? cap : bound[i] < 0 ? floor : Fraction.ZERO);
                freeWeight = freeWeight.plus(bound[i] == 0 ? weightShares[i] : Fraction.ZERO);
            }
            if (freeWeight.signum() == 0) {
                int sense = fixed.compareTo(Fraction.ONE);
                // Too much held at the caps, or too little at the floors of practices with weight: free them.
                int release = sense > 0 ? 1 : -1;
                boolean freed = false;
                for (int i = 0; i < n; i++) {
                    if (sense != 0 && bound[i] == release && weightShares[i].signum() > 0) {
                        bound[i] = 0;
                        freed = true;
                    }
                }
                if (freed) {
                    continue;
                }
                // Every practice with weight is at its cap (or floor) and the bounds leave part of the pool:
                // by weight it has no practice to go to, so it stays unplaced and the IPA retains it, as the
                // rules do ("retained by the caps"); a practice without weight is never paid a cap's excess.
                for (int i = 0; i < n; i++) {
                    shares[i] = bound[i] > 0 ? cap : bound[i] < 0 ? floor : Fraction.ZERO;
                }
                return shares;
            }
            Fraction scale = Fraction.ONE.minus(fixed).over(freeWeight);
            Fraction[] spread = new Fraction[n];
            for (int i = 0; i < n; i++) {
                spread[i] = weightShares[i].times(scale);
            }
            if (fix(bound, spread, i -> spread[i].compareTo(cap) > 0, 1) || fix(bound, spread, i -> spread[i].compareTo(floor) < 0, -1)) {
                continue;
            }
            boolean freed = false;
            for (int i = 0; i < n; i++) {
                if ((bound[i] > 0 && spread[i].compareTo(cap) < 0) || (bound[i] < 0 && spread[i].compareTo(floor) > 0)) {
                    bound[i] = 0;
                    freed = true;
                }
            }
            if (!freed) {
                for (int i = 0; i < n; i++) {
                    shares[i] = bound[i] > 0 ? cap : bound[i] < 0 ? floor : spread[i];
                }
                return shares;
            }
        }
        throw new IllegalStateException("floors and caps did not settle");
    }

    private static boolean fix(int[] bound, Fraction[] spread, java.util.function.IntPredicate outside, int at) {
        boolean fixed = false;
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] == 0 && outside.test(i)) {
                bound[i] = at;
                fixed = true;
            }
        }
        return fixed;
    }

    /**
     * "Compute exact shares, floor each to the cent, then hand the remaining cents one each to the
     * practices with the largest fractional remainders (ties by practice id)." For a negative pool the
     * parts are taken toward zero and the cents handed out the same way. What the caps leave unplaced, if a
     * cent or more, is one more part, after the practices, never below zero. Within a positive pool's floor and cap (docs/methodology/
     * distribution.md): no practice's cents go above the cap's amount (nothing, for a practice whose share is
     * nothing) or below the floor's; a part below
     * the floor starts at it rounded up, and a cent goes only where it stays within both (a cent the
     * floors took beyond the pool comes back from the smallest remainders that stay above their floor, of the
     * parts held at no cap, and only when none of these can give it from a practice held at the cap). A practice
     * whose weight is zero takes a cent only when no other part can: one the caps leave over is what they cut, retained.
     */
    private BigDecimal[] largestRemainder(Fraction pool, Fraction[] shares, boolean[] withoutWeight) {
        int n = shares.length;
        Fraction unplaced = Fraction.ONE.minus(sum(shares));
        int parts = pool.signum() > 0 && pool.times(unplaced).cents().signum() > 0 ? n + 1 : n;
        boolean bounded = pool.signum() > 0;
        Fraction least = bounded ? pool.times(number("practiceFloorShare")) : null;
        Fraction most = bounded ? pool.times(number("practiceCapShare")) : null;
        BigDecimal[] paid = new BigDecimal[parts];
        Fraction[] exact = new Fraction[parts];
        BigDecimal handed = BigDecimal.ZERO;
        for (int i = 0; i < parts; i++) {
            exact[i] = pool.times(i < n ? shares[i] : unplaced);
            paid[i] = exact[i].centsTowardZero();
            if (i < n && bounded && Fraction.of(paid[i]).compareTo(least) < 0) {
                paid[i] = least.centsTowardZero().add(least.compareTo(Fraction.of(least.centsTowardZero())) > 0 ? CENT : BigDecimal.ZERO);
            }
            handed = handed.add(paid[i]);
        }
        int sign = pool.signum() < 0 ? -1 : 1;
        BigDecimal cent = CENT.multiply(BigDecimal.valueOf(sign));
        int cents = pool.cents().subtract(handed).multiply(BigDecimal.valueOf(sign)).movePointRight(2).intValueExact();
        // How far each part is short of its exact amount, in the pool's direction.
        Fraction[] shortOf = new Fraction[parts];
        for (int i = 0; i < parts; i++) {
            Fraction gap = exact[i].minus(Fraction.of(paid[i]));
            shortOf[i] = sign < 0 ? gap.negate() : gap;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            order.add(i);
        }
        boolean giving = cents > 0;
        order.sort((a, b) -> {
            int byShortfall = giving ? shortOf[b].compareTo(shortOf[a]) : shortOf[a].compareTo(shortOf[b]);
            // Parts are in id order, the unplaced last. Ties by practice id: the lower id is given a cent first, and keeps
            // its cent when cents are taken back (the higher id gives first), so both ways end as largest remainder would.
            return byShortfall != 0 ? byShortfall : giving ? Integer.compare(a, b) : Integer.compare(b, a);
        });
        int count = Math.abs(cents);
        BigDecimal step = giving ? cent : cent.negate();
        while (count > 0) {
            List<Integer> keepingBounds = new ArrayList<>();
            List<Integer> within = new ArrayList<>();
            for (int i : order) {
                Fraction moved = Fraction.of(paid[i].add(step));
                // A practice whose share is nothing takes no cent of a positive pool (docs/methodology/distribution.md).
                Fraction upTo = i < n && shares[i].signum() == 0 ? Fraction.ZERO : most;
                boolean keepsItsBounds = i >= n ? moved.signum() >= 0 : !bounded || (moved.compareTo(least) >= 0 && moved.compareTo(upTo) <= 0);
                if (keepsItsBounds) {
                    keepingBounds.add(i);
                    // A practice held at the cap receives the cap's amount: a cent comes from it only when no other part can give one.
                    boolean heldAtTheCap = bounded && i < n && shares[i].compareTo(number("practiceCapShare")) == 0;
                    if (!heldAtTheCap && !(giving && bounded && i < n && withoutWeight[i])) {
                        within.add(i);
                    }
                }
            }
            if (within.isEmpty()) {
                within = keepingBounds;
            }
            if (within.isEmpty()) {
                // No cent fits within the bounds (floors rounded up that the pool cannot hold): the pool comes first.
                within = order;
            }
            if (count < within.size() && shortOf[within.get(count - 1)].compareTo(shortOf[within.get(count)]) == 0) {
                // The last cent handed out and the first withheld have the same exact remainder: only the id decides.
                readDifferently.add(KnownDisagreement.EXACT_REMAINDER_TIES);
            }
            for (int k = 0; k < within.size() && count > 0; k++, count--) {
                int i = within.get(k);
                paid[i] = paid[i].add(step);
            }
        }
        return java.util.Arrays.copyOf(paid, n);
    }

    /** REFERENCE.md section 9: points earned over points possible on the measures scored. */
    private Fraction composite(List<PracticeCase.Measure> measures) {
        long earned = 0;
        long possible = 0;
        for (PracticeCase.Measure m : measures) {
            Gates gates = MEASURE_GATES.get(m.id());
            if (gates == null || m.eligible() < count("minimumDenominator")) {
                continue;
            }
            Fraction rate = Fraction.of(m.numerator()).over(Fraction.of(m.eligible()));
            for (String gate : gates.gates()) {
                int against = rate.compareTo(Fraction.of(gate));
                if (gates.lowerIsBetter() ? against <= 0 : against >= 0) {
                    earned++;
                }
            }
            possible += gates.gates().size();
        }
        return possible == 0 ? Fraction.ZERO : Fraction.of(earned).over(Fraction.of(possible));
    }

    /** The payer's score when it reports one, else the IPA's composite on its practices' counts pooled. */
    private Fraction qualityScore() {
        if (c.reportedQualityScore() != null) {
            return Fraction.of(c.reportedQualityScore());
        }
        Map<String, int[]> pooled = new HashMap<>();
        for (PracticeCase.Practice p : c.practices()) {
            for (PracticeCase.Measure m : p.measures()) {
                int[] counts = pooled.computeIfAbsent(m.id(), id -> new int[3]);
                counts[0] += m.numerator();
                counts[1] += m.denominator();
                counts[2] += m.exclusions();
            }
        }
        List<PracticeCase.Measure> ipa = new ArrayList<>();
        pooled.forEach((id, counts) -> ipa.add(new PracticeCase.Measure(id, counts[0], counts[1], counts[2])));
        return composite(ipa);
    }

    private boolean qualityGateMet() {
        return c.metQualityStandard() != null ? c.metQualityStandard()
                : qualityScore().compareTo(number("minimumQualityScore")) >= 0;
    }

    /** Pays an amount to the cent and returns what was paid. */
    private Fraction pay(String scope, String clause, Fraction amount) {
        BigDecimal paid = amount.cents();
        amounts.merge(key(scope, clause), paid, BigDecimal::add);
        return Fraction.of(paid);
    }

    private Fraction riskWeighted(PracticeCase.Practice p) {
        return Fraction.of(p.riskScore()).times(Fraction.of(p.memberMonths()));
    }

    private Fraction riskWeightedMemberMonths() {
        return sum(c.practices().stream().map(this::riskWeighted).toArray(Fraction[]::new));
    }

    private Fraction totalCostOfCare() {
        return sum(c.practices().stream().map(p -> Fraction.of(p.totalCostOfCare())).toArray(Fraction[]::new));
    }

    private long memberMonths() {
        return c.practices().stream().mapToLong(PracticeCase.Practice::memberMonths).sum();
    }

    private static Fraction sum(Fraction[] values) {
        Fraction total = Fraction.ZERO;
        for (Fraction v : values) {
            total = total.plus(v);
        }
        return total;
    }

    private String text(String name) {
        String value = c.overrides().get(name);
        if (value == null) {
            Map<String, String> defaults = DEFAULTS.get(c.templateId());
            value = defaults.containsKey(name) ? defaults.get(name) : defaults.get(name + "@" + c.performanceYear());
        }
        if (value == null) {
            throw new IllegalArgumentException(c.templateId() + " has no " + name + " in " + c.performanceYear());
        }
        return value;
    }

    private Fraction number(String name) {
        return Fraction.of(text(name));
    }

    private int count(String name) {
        return Integer.parseInt(text(name));
    }
}
