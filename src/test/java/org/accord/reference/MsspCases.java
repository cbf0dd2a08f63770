package org.accord.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates cases that reach the corners: savings exactly at, a cent either side of, and far from
 * the MSR and the MLR; the payment limit and the loss limit binding; the quality standard met, failed
 * and met only on the alternative standard, in years either side of 2021 and 2023; populations at the
 * edges of the MSR table; 1 to 500 practices; overrides inside their ranges.
 */
final class MsspCases {

    private static final List<String> TEMPLATES = List.copyOf(MsspReference.TRACKS.keySet());
    private static final long[] POPULATION_EDGES = {1, 499, 500, 501, 999, 1000, 2999, 3000, 4999, 5000, 5001, 5999, 6000,
        9999, 10000, 14999, 15000, 19999, 20000, 49999, 50000, 59999, 60000, 60001, 250000};
    private static final String[] ELECTED_RATES = {"0", "0.005", "0.01", "0.015", "0.02"};

    private MsspCases() {
    }

    static MsspCase generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        MsspReference.Track track = MsspReference.TRACKS.get(template);
        int year = track.firstYear() + random.nextInt(MsspReference.lastYear(template) - track.firstYear() + 1);

        Map<String, String> overrides = new TreeMap<>();
        // Before 2016 the regulation set Track 2's rate, a flat 2% (425.606(b)): no election to draw, and an override is refused.
        boolean elects = !track.populationMsr() && !(template.equals("mssp-aco-track-2") && year < MsspReference.TRACK_2_ELECTIONS_FROM);
        if (elects) {
            if (random.nextInt(5) == 0) {
                overrides.put("minimumSavingsRateBasis", "population");
            } else if (random.nextBoolean()) {
                overrides.put("electedMinimumSavingsRate", ELECTED_RATES[random.nextInt(ELECTED_RATES.length)]);
            }
        }
        // sequestrationRate is regulatory (negotiable: false): an override is refused, so none is generated.

        long beneficiaries = random.nextInt(3) == 0 ? 100 + random.nextInt(200_000) : POPULATION_EDGES[random.nextInt(POPULATION_EDGES.length)];
        int practiceCount = random.nextInt(50) == 0 ? 500 : 1 + random.nextInt(random.nextBoolean() ? 5 : 40);
        Integer assigned = random.nextInt(4) == 0 ? (int) beneficiaries : null;
        long attributed = assigned != null ? Math.max(practiceCount, beneficiaries / 2 + random.nextInt(1000)) : Math.max(beneficiaries, practiceCount);

        BigDecimal benchmark = BigDecimal.valueOf(1_000_000_00L + random.nextLong(900_000_000_00L), 2);
        BigDecimal quality = BigDecimal.valueOf(random.nextInt(10_001), 4);
        Boolean met = random.nextInt(5) == 0 ? null : random.nextInt(3) != 0;
        Boolean alternative = random.nextInt(3) == 0 ? null : random.nextBoolean();
        Integer agreementStart = random.nextInt(4) == 0 ? null : Math.max(2012, year - random.nextInt(6));
        Boolean lowRevenue = random.nextInt(4) == 0 ? null : random.nextBoolean();
        BigDecimal revenue = random.nextInt(3) == 0 ? null : benchmark.multiply(BigDecimal.valueOf(5 + random.nextInt(120), 2)).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal adjustment = random.nextInt(5) == 0 ? BigDecimal.valueOf(random.nextLong(5_000_000_00L), 2) : null;

        MsspCase draft = new MsspCase(seed, template, overrides, year, benchmark, List.of(new MsspCase.Practice("P0001", (int) attributed, BigDecimal.ZERO)),
                assigned, quality, met, alternative, adjustment, revenue, lowRevenue, agreementStart);
        BigDecimal expenditure = expenditureAtACorner(random, draft);
        List<MsspCase.Practice> practices = split(random, practiceCount, attributed, expenditure);
        return new MsspCase(seed, template, overrides, year, benchmark, practices, assigned, quality, met, alternative, adjustment,
                revenue, lowRevenue, agreementStart);
    }

    /** Expenditures whose savings rate sits at the MSR, the MLR, zero or far out, give or take a cent. */
    private static BigDecimal expenditureAtACorner(SplittableRandom random, MsspCase draft) {
        BigDecimal benchmark = draft.benchmark();
        BigDecimal msr = MsspReference.minimumSavingsRate(draft).approximately();
        BigDecimal rate = switch (random.nextInt(7)) {
            case 0 -> msr;
            case 1 -> msr.negate();
            case 2 -> BigDecimal.ZERO;
            case 3 -> BigDecimal.valueOf(20 + random.nextInt(70), 2);   // savings past the payment limit
            case 4 -> BigDecimal.valueOf(-(10 + random.nextInt(50)), 2); // losses past the loss limit
            default -> BigDecimal.valueOf(random.nextInt(-25_000, 25_001), 5);
        };
        BigDecimal expenditure = benchmark.multiply(BigDecimal.ONE.subtract(rate)).setScale(2, RoundingMode.HALF_EVEN);
        expenditure = expenditure.add(BigDecimal.valueOf(random.nextInt(-1, 2), 2));
        return expenditure.max(BigDecimal.ZERO);
    }

    /** Members and cents split over the practices, summing exactly to the totals. */
    private static List<MsspCase.Practice> split(SplittableRandom random, int count, long members, BigDecimal expenditure) {
        long cents = expenditure.movePointRight(2).longValueExact();
        long[] weights = new long[count];
        long weightSum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 1 + random.nextInt(1000);
            weightSum += weights[i];
        }
        List<MsspCase.Practice> practices = new ArrayList<>(count);
        long membersLeft = members;
        long centsLeft = cents;
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            long m = last ? membersLeft : Math.max(1, Math.min(membersLeft - (count - 1 - i), members * weights[i] / weightSum));
            long c = last ? centsLeft : BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(weights[i]))
                    .divide(BigDecimal.valueOf(weightSum), 0, RoundingMode.DOWN).longValueExact();
            membersLeft -= m;
            centsLeft -= c;
            practices.add(new MsspCase.Practice(String.format("P%04d", i + 1), (int) m, BigDecimal.valueOf(c, 2)));
        }
        return practices;
    }
}
