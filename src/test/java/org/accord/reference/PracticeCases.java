package org.accord.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates cases of the templates that pay practices: the corridor's variance at a band edge, a cent
 * either side, or far out; a budget met exactly, in surplus or deficit; quality scores at the ladders'
 * rungs, the gate met and failed; measures either side of the minimum denominator; practices with no
 * measure, under and over their cost targets; floors and caps that bind; 1 to 500 practices; counts
 * near the facts' limits; overrides inside their ranges and constraints.
 */
final class PracticeCases {
    /** The corridor's inner and outer edges: the thresholds of bands 1 and 2 of the scale corridorBands. */
    static final String INNER_EDGE = "corridorBands[1].threshold";
    static final String OUTER_EDGE = "corridorBands[2].threshold";


    static final List<String> TEMPLATES = List.of("ma-capitation", "commercial-global-budget", "medicaid-ffs-p4p");
    private static final List<String> MEASURES = List.of("CBP", "HBD-POOR", "BCS", "COL", "DSF", "AWV");
    private static final String[] SCORES = {"0", "0.4999", "0.50", "0.60", "0.6999", "0.70", "0.80", "0.8499", "0.85", "0.90", "1"};

    private PracticeCases() {
    }

    static PracticeCase generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        int year = template.equals("commercial-global-budget") ? 2024 + random.nextInt(3) : 2020 + random.nextInt(7);
        int count = random.nextInt(40) == 0 ? 500 : 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
        Map<String, String> overrides = overrides(random, template, count);

        boolean noMeasures = random.nextInt(6) == 0;
        boolean huge = random.nextInt(30) == 0;
        List<PracticeCase.Practice> practices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int members = huge ? 390_000 + random.nextInt(10_001) / Math.max(1, count / 10) : 1 + random.nextInt(random.nextBoolean() ? 50 : 3000);
            members = Math.min(members, 400_000);
            int memberMonths = Math.min(4_800_000, members * (1 + random.nextInt(12)));
            BigDecimal risk = random.nextInt(4) == 0 ? BigDecimal.ONE : BigDecimal.valueOf(300 + random.nextInt(2701), 3);
            // Cost around 1,000 PMPM risk-adjusted: some practices under their target share, some over.
            BigDecimal cost = BigDecimal.valueOf(memberMonths).multiply(risk)
                    .multiply(BigDecimal.valueOf(800 + random.nextInt(450))).setScale(2, RoundingMode.HALF_EVEN);
            // Far below its target: a cent, as a practice whose members had care costs something (a cost of 0 is refused).
            if (random.nextInt(20) == 0) {
                cost = new BigDecimal("0.01");
            }
            BigDecimal allowed = BigDecimal.valueOf(random.nextLong(100L * memberMonths * 100 + 1), 2);
            int wellness = random.nextInt(members + 1);
            List<PracticeCase.Measure> measures = new ArrayList<>();
            if (!noMeasures) {
                for (String measure : MEASURES) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    int denominator = huge ? Math.min(400_000, members) : random.nextInt(Math.min(members, 80) + 1);
                    int exclusions = denominator == 0 ? 0 : random.nextInt(Math.max(1, denominator / 5) + 1);
                    exclusions = Math.min(exclusions, denominator);
                    int numerator = random.nextInt(denominator - exclusions + 1);
                    measures.add(new PracticeCase.Measure(measure, numerator, denominator, exclusions));
                }
            }
            practices.add(new PracticeCase.Practice(String.format("P%04d", count - i), members, memberMonths, risk, cost, allowed, wellness, measures));
        }
        BigDecimal reported = random.nextBoolean() ? null : new BigDecimal(SCORES[random.nextInt(SCORES.length)]);
        Boolean met = random.nextInt(5) == 0 ? random.nextBoolean() : null;
        PracticeCase draft = new PracticeCase(seed, template, overrides, year, reported, met, practices);
        return atACorner(random, draft);
    }

    private static Map<String, String> overrides(SplittableRandom random, String template, int count) {
        Map<String, String> o = new TreeMap<>();
        if (template.equals("medicaid-ffs-p4p")) {
            if (random.nextBoolean()) {
                o.put("negotiatedPercentage", rate(random, 0, 500, 2));
            }
            if (random.nextBoolean()) {
                o.put("bonusPerAnnualWellnessVisit", rate(random, 0, 100_000, 2));
            }
            if (random.nextBoolean()) {
                o.put("careManagementPmpm", rate(random, 0, 50_000, 2));
            }
            if (random.nextInt(3) == 0) {
                o.put(PracticeCase.BONUS_TABLE, bonusTable(random));
            }
            return o;
        }
        if (random.nextBoolean()) {
            o.put("minimumQualityScore", SCORES[random.nextInt(SCORES.length)]);
        }
        if (random.nextInt(3) == 0) {
            o.put("minimumDenominator", String.valueOf(1 + random.nextInt(40)));
        }
        if (template.equals("ma-capitation")) {
            if (random.nextBoolean()) {
                o.put("capitationPmpm", rate(random, 0, 20_000, 2));
            }
            if (random.nextInt(4) == 0) {
                o.put("riskAdjusted", "false");
            }
            if (random.nextInt(3) == 0) {
                o.put("normalisationRiskScore", new String[] {"0.95", "1.2", "3", "0.7", "1.15"}[random.nextInt(5)]);
            }
            if (random.nextBoolean()) {
                o.put("withholdRate", rate(random, 0, 50, 2));
            }
            if (random.nextInt(3) == 0) {
                o.put("withholdReturnBasis", "all-or-nothing");
            }
            if (random.nextBoolean()) {
                // The bands' edges stay in ascending order above the first band's threshold of 0.
                int inner = 1 + random.nextInt(9);
                o.put(INNER_EDGE, BigDecimal.valueOf(inner, 2).toPlainString());
                o.put(OUTER_EDGE, BigDecimal.valueOf(inner + 1 + random.nextInt(14), 2).toPlainString());
            }
            for (String side : new String[] {"Gains", "Losses"}) {
                for (int band = 0; band < 3; band++) {
                    if (random.nextInt(3) == 0) {
                        o.put("corridorBands[" + band + "].ipaShareOf" + side, rate(random, 0, 100, 2));
                    }
                }
            }
            if (random.nextInt(5) == 0) {
                o.put("costPerformanceTarget", "none");
            }
        } else {
            if (random.nextBoolean()) {
                o.put("surplusShareRate", rate(random, 0, 100, 2));
                o.put("deficitShareRate", rate(random, 0, 100, 2));
            }
            if (random.nextInt(5) == 0) {
                o.put("costPerformanceTarget", "none");
            }
        }
        if (random.nextInt(3) == 0) {
            o.put("adminFeeBasis", "share-of-pool");
            o.put("adminFeeRate", rate(random, 0, 50, 2));
        } else if (random.nextInt(3) == 0) {
            o.put("adminFeePmpm", rate(random, 0, 10_000, 2));
        }
        if (random.nextBoolean()) {
            o.put("reserveRate", rate(random, 0, 50, 2));
        }
        if (random.nextBoolean()) {
            int[] w = {random.nextInt(101), random.nextInt(101), random.nextInt(101)};
            switch (random.nextInt(4)) {
                case 0 -> w = new int[] {100, 0, 0};
                case 1 -> w = new int[] {0, random.nextInt(101), 0};
                default -> { }
            }
            w[2] = Math.max(0, 100 - w[0] - w[1]);
            w[1] = 100 - w[0] - w[2];
            o.put("memberMonthsWeight", BigDecimal.valueOf(w[0], 2).toPlainString());
            o.put("qualityWeight", BigDecimal.valueOf(w[1], 2).toPlainString());
            o.put("costPerformanceWeight", BigDecimal.valueOf(w[2], 2).toPlainString());
        }
        // Floors and caps that can hold together: floor x n <= 1 <= cap x n.
        if (random.nextBoolean()) {
            BigDecimal even = BigDecimal.ONE.divide(BigDecimal.valueOf(count), 4, RoundingMode.DOWN);
            o.put("practiceFloorShare", even.multiply(BigDecimal.valueOf(random.nextInt(101), 2)).setScale(4, RoundingMode.DOWN).toPlainString());
        }
        if (random.nextBoolean()) {
            BigDecimal even = BigDecimal.ONE.divide(BigDecimal.valueOf(count), 4, RoundingMode.UP);
            BigDecimal cap = even.multiply(BigDecimal.valueOf(100 + random.nextInt(300), 2)).setScale(4, RoundingMode.UP).min(BigDecimal.ONE);
            o.put("practiceCapShare", cap.toPlainString());
        }
        // The global budget's own cap (40%) cannot hold with fewer than three practices: raise it to what can.
        if (template.equals("commercial-global-budget") && !o.containsKey("practiceCapShare")
                && new BigDecimal("0.40").multiply(BigDecimal.valueOf(count)).compareTo(BigDecimal.ONE) < 0) {
            o.put("practiceCapShare", BigDecimal.ONE.divide(BigDecimal.valueOf(count), 4, RoundingMode.UP).min(BigDecimal.ONE).toPlainString());
        }
        return o;
    }

    /**
     * A bonus table of the contract's own, as a JSON object: HBD-POOR, the lower-is-better measure, always among its
     * measures, each other measure of the catalogue half the time.
     */
    private static String bonusTable(SplittableRandom random) {
        List<String> entries = new ArrayList<>();
        for (String measure : new java.util.TreeSet<>(MEASURES)) {
            if (measure.equals("HBD-POOR") || random.nextBoolean()) {
                entries.add("\"" + measure + "\": \"" + rate(random, 0, 100_000, 2) + "\"");
            }
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private static String rate(SplittableRandom random, int from, int to, int scale) {
        return BigDecimal.valueOf(from + random.nextInt(to - from + 1), scale).toPlainString();
    }

    /** Moves the first practice's cost so the IPA's variance sits at a corridor edge or the budget, give or take a cent. */
    private static PracticeCase atACorner(SplittableRandom random, PracticeCase draft) {
        if (draft.templateId().equals("medicaid-ffs-p4p") || random.nextInt(3) == 0) {
            return draft;
        }
        BigDecimal rwmm = draft.practices().stream().map(p -> p.riskScore().multiply(BigDecimal.valueOf(p.memberMonths())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pmpm;
        BigDecimal edge;
        if (draft.templateId().equals("ma-capitation")) {
            pmpm = new BigDecimal(draft.overrides().getOrDefault("targetPmpm", "1050.00"));
            String band = random.nextBoolean() ? draft.overrides().getOrDefault(INNER_EDGE, "0.02")
                    : draft.overrides().getOrDefault(OUTER_EDGE, "0.05");
            edge = new BigDecimal(band).multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
            if (random.nextInt(4) == 0) {
                edge = BigDecimal.ZERO;
            }
        } else {
            pmpm = new BigDecimal(Map.of(2024, "985.00", 2025, "1020.00", 2026, "1055.00").get(draft.performanceYear()));
            edge = BigDecimal.ZERO;
        }
        BigDecimal target = pmpm.multiply(rwmm);
        BigDecimal wanted = target.multiply(BigDecimal.ONE.subtract(edge)).setScale(2, RoundingMode.HALF_EVEN)
                .add(BigDecimal.valueOf(random.nextInt(-1, 2), 2));
        BigDecimal others = draft.practices().stream().skip(1).map(PracticeCase.Practice::totalCostOfCare).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal first = wanted.subtract(others);
        if (first.signum() < 0) {
            return draft;
        }
        List<PracticeCase.Practice> practices = new ArrayList<>(draft.practices());
        PracticeCase.Practice p = practices.get(0);
        practices.set(0, new PracticeCase.Practice(p.id(), p.members(), p.memberMonths(), p.riskScore(), first, p.feeScheduleAllowed(),
                p.annualWellnessVisits(), p.measures()));
        return new PracticeCase(draft.seed(), draft.templateId(), draft.overrides(), draft.performanceYear(), draft.reportedQualityScore(),
                draft.metQualityStandard(), practices);
    }
}
