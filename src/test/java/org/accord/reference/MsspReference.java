package org.accord.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Medicare Shared Savings Program's settlement of a whole ACO, written a second time from
 * {@code shared/domain/REFERENCE.md} section 3 and 42 CFR 425 subpart G, without the rules, the
 * templates or the engine: each track's published parameters are written here from the regulation,
 * and the arithmetic is exact (a rate is never divided out: {@code savings / benchmark >= MSR} is
 * tested as {@code savings >= MSR x benchmark}) until the one rounding to cents, half even.
 */
final class MsspReference {

    static final String SHARED_SAVINGS = "shared-savings";
    static final String SHARED_LOSSES = "shared-losses";
    static final String BELOW_MSR = "shared-savings-below-minimum-savings-rate";

    /** How a track sets the shared loss rate. */
    enum LossRate { NONE, FIXED_30_PERCENT, ONE_MINUS_FINAL_SHARING_RATE, ONE_MINUS_QUALITY_SCALED_MAXIMUM }

    /**
     * A track's published parameters.
     *
     * @param firstYear          first performance year the track settles
     * @param populationMsr      one-sided: the MSR comes from the population table (two-sided: elected, 2% unless overridden)
     * @param maximumSharingRate 425.604(d), 425.605(d), 425.606(d), 425.610(d)
     * @param paymentLimit       share of the updated benchmark
     * @param scaledUntil        last year the final sharing rate is the maximum x quality score (0: never)
     * @param minimumLossRate    bounds of a computed shared loss rate
     * @param maximumLossRate    (and the rate when the standard is not met, ENHANCED)
     * @param lossLimit          share of the updated benchmark (revenue-based: its cap)
     * @param revenueLossLimit   share of participant revenue, or null
     * @param belowMsrSharing    425.605(h): BASIC levels share savings below the MSR from agreements of 2024
     * @param minimumQualityScore the contract's own gate when the payer gives no finding
     */
    record Track(int firstYear, boolean populationMsr, String maximumSharingRate, String paymentLimit, int scaledUntil,
            LossRate lossRate, String minimumLossRate, String maximumLossRate, String lossLimit, String revenueLossLimit,
            boolean belowMsrSharing, String minimumQualityScore) {
    }

    /*
     * Tracks before 2019 (REFERENCE.md section 3, "Tracks before 2019"): Track 1 one-sided, 50% x quality,
     * limit 10%; Track 1+ 50%, fixed 30% loss rate, loss limit 4% of benchmark on the benchmark-based
     * standard; Track 2 60%, limit 15%, loss rate 1 - final sharing rate within 40%-60%, loss limit by
     * year of the agreement (425.606(g)); Track 3 75%, limit 20%, 40%-75%, loss limit 15%.
     * BASIC (425.605): 40% levels A-B, 50% C-E, limit 10%, fixed 30% loss rate, loss limit a share
     * of revenue capped at a share of benchmark: C 2%/1%, D 4%/2%, E 8%/4%. ENHANCED (425.610): 75%, limit
     * 20%, loss rate 1 - 0.75 x quality within 40%-75% (75% without the quality standard), loss limit 15%.
     * From PY2021 an ACO meeting the quality standard shares at the maximum rate (85 FR 84472); before,
     * at the maximum x quality score.
     */
    static final Map<String, Track> TRACKS = new LinkedHashMap<>();

    static {
        TRACKS.put("mssp-aco-track-1", new Track(2012, true, "0.50", "0.10", 2020, LossRate.NONE, null, null, null, null, false, "0"));
        TRACKS.put("mssp-aco-track-1-plus", new Track(2018, false, "0.50", "0.10", 2020, LossRate.FIXED_30_PERCENT, "0.30", "0.30", "0.04", null, false, "0"));
        TRACKS.put("mssp-aco-track-2", new Track(2012, false, "0.60", "0.15", 2020, LossRate.ONE_MINUS_FINAL_SHARING_RATE, "0.40", "0.60", "0.05", null, false, "0"));
        TRACKS.put("mssp-aco-track-3", new Track(2016, false, "0.75", "0.20", 2020, LossRate.ONE_MINUS_FINAL_SHARING_RATE, "0.40", "0.75", "0.15", null, false, "0"));
        TRACKS.put("mssp-aco-basic-a", new Track(2019, true, "0.40", "0.10", 2020, LossRate.NONE, null, null, null, null, true, "0"));
        TRACKS.put("mssp-aco-basic-b", new Track(2019, true, "0.40", "0.10", 2020, LossRate.NONE, null, null, null, null, true, "0"));
        TRACKS.put("mssp-aco-basic-c", new Track(2019, false, "0.50", "0.10", 2020, LossRate.FIXED_30_PERCENT, "0.30", "0.30", "0.01", "0.02", true, "0"));
        TRACKS.put("mssp-aco-basic-d", new Track(2019, false, "0.50", "0.10", 2020, LossRate.FIXED_30_PERCENT, "0.30", "0.30", "0.02", "0.04", true, "0"));
        TRACKS.put("mssp-aco-basic-e", new Track(2019, false, "0.50", "0.10", 2020, LossRate.FIXED_30_PERCENT, "0.30", "0.30", "0.04", "0.08", true, "0"));
        TRACKS.put("mssp-aco-enhanced", new Track(2019, false, "0.75", "0.20", 2020, LossRate.ONE_MINUS_QUALITY_SCALED_MAXIMUM, "0.40", "0.75", "0.15", null, false, "0"));
        // The IPA-facing templates: the tracks' method by year (quality-scaled through 2020), the contract's own minimum score of 40%.
        TRACKS.put("mssp-basic", new Track(2019, true, "0.40", "0.10", 2020, LossRate.NONE, null, null, null, null, false, "0.40"));
        TRACKS.put("mssp-enhanced", new Track(2019, false, "0.75", "0.20", 2020, LossRate.ONE_MINUS_QUALITY_SCALED_MAXIMUM, "0.40", "0.75", "0.15", null, false, "0.40"));
    }

    /**
     * Last performance year of the tracks that ended: Tracks 1, 1+, 2 and 3 took no agreement period beginning after June
     * 2019 and settle up to 2021 (the 2021 public use file is the last with them; 2022's has only BASIC and ENHANCED).
     * The others go on.
     */
    static int lastYear(String templateId) {
        return List.of("mssp-aco-track-1", "mssp-aco-track-1-plus", "mssp-aco-track-2", "mssp-aco-track-3").contains(templateId)
                ? 2021 : 2026;
    }

    /** First performance year a Track 2 ACO elected its minimum savings and loss rate; before it, a flat 2% (425.606(b)). */
    static final int TRACK_2_ELECTIONS_FROM = 2016;

    /** First performance year of the alternative quality performance standard (425.512(a)(4)(ii), CY 2023 PFS final rule). */
    static final int ALTERNATIVE_STANDARD_FROM = 2023;

    /** First agreement year for sharing below the MSR (425.605(h)); and its least assigned population. */
    static final int BELOW_MSR_AGREEMENTS_FROM = 2024;
    static final long BELOW_MSR_MINIMUM_BENEFICIARIES = 5_000;

    /**
     * 425.604(b) as REFERENCE.md tabulates it: {range start, range end, MSR at start, MSR at end}; linear
     * between the ends, n the whole number of assigned beneficiaries.
     */
    private static final String[][] MSR_TABLE = {
        {"0", "499", "0.122", "0.122"}, {"500", "999", "0.122", "0.087"}, {"1000", "2999", "0.087", "0.050"},
        {"3000", "4999", "0.050", "0.039"}, {"5000", "5999", "0.039", "0.036"}, {"6000", "6999", "0.036", "0.034"},
        {"7000", "7999", "0.034", "0.032"}, {"8000", "8999", "0.032", "0.031"}, {"9000", "9999", "0.031", "0.030"},
        {"10000", "14999", "0.030", "0.027"}, {"15000", "19999", "0.027", "0.025"}, {"20000", "49999", "0.025", "0.022"},
        {"50000", "59999", "0.022", "0.020"}, {"60000", "60000", "0.020", "0.020"}};

    /** An MSR kept as a fraction numerator / denominator, so that it is exact. */
    record Rate(BigDecimal numerator, BigDecimal denominator) {
        static Rate of(String value) {
            return new Rate(new BigDecimal(value), BigDecimal.ONE);
        }

        /** Whether {@code amount / base >= this rate}, for a positive base. */
        boolean reachedBy(BigDecimal amount, BigDecimal base) {
            return amount.multiply(denominator).compareTo(numerator.multiply(base)) >= 0;
        }

        BigDecimal approximately() {
            return numerator.divide(denominator, 12, RoundingMode.HALF_EVEN);
        }
    }

    static Rate populationMsr(long beneficiaries) {
        for (String[] row : MSR_TABLE) {
            long start = Long.parseLong(row[0]);
            long end = Long.parseLong(row[1]);
            if (beneficiaries >= start && (beneficiaries <= end || row == MSR_TABLE[MSR_TABLE.length - 1])) {
                BigDecimal low = new BigDecimal(row[2]);
                BigDecimal high = new BigDecimal(row[3]);
                if (start == end || low.compareTo(high) == 0) {
                    return Rate.of(row[2]);
                }
                // low + (n - start) / (end - start) x (high - low), over the common denominator (end - start)
                BigDecimal span = BigDecimal.valueOf(end - start);
                BigDecimal numerator = low.multiply(span).add(BigDecimal.valueOf(beneficiaries - start).multiply(high.subtract(low)));
                return new Rate(numerator, span);
            }
        }
        throw new IllegalArgumentException("beneficiaries " + beneficiaries);
    }

    /** The case's MSR (also its MLR: two-sided elections are symmetric). */
    static Rate minimumSavingsRate(MsspCase c) {
        Track track = TRACKS.get(c.templateId());
        String basis = c.overrides().getOrDefault("minimumSavingsRateBasis", track.populationMsr() ? "population" : "elected");
        return basis.equals("population") ? populationMsr(c.beneficiaries())
                : Rate.of(c.overrides().getOrDefault("electedMinimumSavingsRate", "0.02"));
    }

    /** 425.512: the payer's finding decides; without one, the contract's minimum quality score. */
    static boolean qualityStandardMet(MsspCase c) {
        if (c.metQualityStandard() != null) {
            return c.metQualityStandard();
        }
        return c.qualityScore().compareTo(new BigDecimal(TRACKS.get(c.templateId()).minimumQualityScore())) >= 0;
    }

    /** The alternative standard counts only from PY2023, and only for an ACO that missed the standard. */
    static boolean onlyAlternativeStandardMet(MsspCase c) {
        return !qualityStandardMet(c) && Boolean.TRUE.equals(c.metAlternativeQualityStandard())
                && c.performanceYear() >= ALTERNATIVE_STANDARD_FROM;
    }

    static BigDecimal finalSharingRate(MsspCase c) {
        Track track = TRACKS.get(c.templateId());
        BigDecimal maximum = new BigDecimal(track.maximumSharingRate());
        if (qualityStandardMet(c)) {
            return c.performanceYear() <= track.scaledUntil() ? maximum.multiply(c.qualityScore()) : maximum;
        }
        return onlyAlternativeStandardMet(c) ? maximum.multiply(c.qualityScore()) : BigDecimal.ZERO;
    }

    static BigDecimal sequestration(MsspCase c) {
        return new BigDecimal(c.overrides().getOrDefault("sequestrationRate", "0.02"));
    }

    /** Payable amounts by clause, positive paid to the ACO, rounded to cents half even at the end. */
    static Map<String, BigDecimal> settle(MsspCase c) {
        Track track = TRACKS.get(c.templateId());
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal benchmark = c.benchmark();
        BigDecimal savings = benchmark.subtract(c.expenditure());
        Rate msr = minimumSavingsRate(c);
        BigDecimal finalRate = finalSharingRate(c);
        BigDecimal keptAfterSequestration = BigDecimal.ONE.subtract(sequestration(c));
        BigDecimal paymentLimit = new BigDecimal(track.paymentLimit()).multiply(benchmark);

        // Savings at or above the MSR, from the first dollar, less sequestration, within the payment limit.
        boolean reachesMsr = savings.signum() >= 0 && msr.reachedBy(savings, benchmark);
        BigDecimal shared = reachesMsr ? savings.multiply(finalRate).multiply(keptAfterSequestration).min(paymentLimit) : BigDecimal.ZERO;
        amounts.put(SHARED_SAVINGS, cents(shared));

        if (track.belowMsrSharing()) {
            // 425.605(h): half the final sharing rate, for an eligible low revenue ACO whose savings fall short of the MSR.
            boolean eligible = savings.signum() > 0 && !msr.reachedBy(savings, benchmark) && finalRate.signum() > 0
                    && Boolean.TRUE.equals(c.lowRevenue()) && c.agreementStartYear() != null
                    && c.agreementStartYear() >= BELOW_MSR_AGREEMENTS_FROM && c.beneficiaries() >= BELOW_MSR_MINIMUM_BENEFICIARIES;
            BigDecimal below = eligible ? savings.multiply(new BigDecimal("0.5")).multiply(finalRate).multiply(keptAfterSequestration)
                    .min(paymentLimit) : BigDecimal.ZERO;
            amounts.put(BELOW_MSR, cents(below));
        }

        if (track.lossRate() != LossRate.NONE) {
            BigDecimal losses = savings.negate();
            boolean reachesMlr = losses.signum() >= 0 && msr.reachedBy(losses, benchmark);
            BigDecimal owed = BigDecimal.ZERO;
            if (reachesMlr) {
                BigDecimal owedBeforeAdjustment = losses.multiply(lossSharingRate(c, track, finalRate)).min(lossLimit(c, track));
                BigDecimal adjustment = c.lossAdjustment() == null ? BigDecimal.ZERO : c.lossAdjustment();
                owed = owedBeforeAdjustment.subtract(adjustment).max(BigDecimal.ZERO);
            }
            amounts.put(SHARED_LOSSES, cents(owed.negate()));
        }
        return amounts;
    }

    static BigDecimal lossSharingRate(MsspCase c, Track track, BigDecimal finalRate) {
        BigDecimal minimum = new BigDecimal(track.minimumLossRate());
        BigDecimal maximum = new BigDecimal(track.maximumLossRate());
        LossRate method = track.lossRate();
        // Tracks 2 and 3 settle later years with ENHANCED's quality-based loss rate.
        if (method == LossRate.ONE_MINUS_FINAL_SHARING_RATE && c.performanceYear() > track.scaledUntil()) {
            method = LossRate.ONE_MINUS_QUALITY_SCALED_MAXIMUM;
        }
        return switch (method) {
            case FIXED_30_PERCENT -> new BigDecimal("0.30");
            case ONE_MINUS_FINAL_SHARING_RATE -> clamp(BigDecimal.ONE.subtract(finalRate), minimum, maximum);
            // 425.610(f)(4): 1 - 0.75 x quality score within 40%-75% when the standard or the alternative one is
            // met; 75% when neither is.
            case ONE_MINUS_QUALITY_SCALED_MAXIMUM -> qualityStandardMet(c) || onlyAlternativeStandardMet(c)
                    ? clamp(BigDecimal.ONE.subtract(new BigDecimal(track.maximumSharingRate()).multiply(c.qualityScore())), minimum, maximum)
                    : maximum;
            case NONE -> throw new IllegalStateException("no losses");
        };
    }

    static BigDecimal lossLimit(MsspCase c, Track track) {
        BigDecimal share = new BigDecimal(track.lossLimit());
        if (c.templateId().equals("mssp-aco-track-2") && c.agreementStartYear() != null) {
            // 425.606(g): 5% in the first performance year of the agreement, 7.5% in the second, 10% after.
            int agreementYear = c.performanceYear() - c.agreementStartYear() + 1;
            share = new BigDecimal(agreementYear <= 1 ? "0.05" : agreementYear == 2 ? "0.075" : "0.10");
        }
        BigDecimal benchmarkLimit = share.multiply(c.benchmark());
        if (track.revenueLossLimit() != null && c.participantRevenue() != null) {
            return new BigDecimal(track.revenueLossLimit()).multiply(c.participantRevenue()).min(benchmarkLimit);
        }
        return benchmarkLimit;
    }

    private static BigDecimal clamp(BigDecimal value, BigDecimal minimum, BigDecimal maximum) {
        return value.max(minimum).min(maximum);
    }

    private static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    private MsspReference() {
    }
}
