package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The distribution of outcomes over the simulated performance years, for the IPA and each practice.
 *
 * @param ipaId                  the IPA
 * @param performanceYear        the period's year
 * @param templateId             the template
 * @param overrides              the overrides applied
 * @param trials                 how many performance years were drawn
 * @param seed                   the seed (the same seed gives the same result)
 * @param costDistribution       gamma or lognormal
 * @param coefficientOfVariation the per-member cost's coefficient of variation
 * @param expectedCost           how each practice's expected cost per member was set: observed, benchmark
 *                               (scaled so that the IPA's expected cost equals its benchmark), and
 *                               any practice stated in the request
 * @param varyQuality            whether quality-measure numerators varied
 * @param model                  the model and its assumptions, in words
 * @param ipa                    the IPA as a whole
 * @param practices              each practice, in the facts' order
 * @param payoutHistogram        the IPA's payout counted in bins, for a picture of its distribution
 * @param rulesHash              the rule files every trial was settled with
 * @param factsHash              the observed facts' hash
 */
public record SimulationResult(
        String ipaId,
        int performanceYear,
        String templateId,
        Map<String, Object> overrides,
        int trials,
        long seed,
        String costDistribution,
        BigDecimal coefficientOfVariation,
        String expectedCost,
        boolean varyQuality,
        String model,
        Outcome ipa,
        List<Outcome> practices,
        Histogram payoutHistogram,
        String rulesHash,
        String factsHash) implements Table.Tabular {

    /**
     * One scope's outcomes. The payout is what the payer pays (the IPA: the settlement's payer
     * total; a practice: its total, paid directly and distributed); the risk-sharing result is the
     * IPA's savings, losses, budget and corridor lines, and for a practice what the IPA distributes
     * to it from its pool.
     *
     * @param scope                      IPA or the practice id
     * @param name                       the IPA's or practice's name
     * @param members                    attributed members
     * @param cost                       the total cost of care: expected, and as simulated
     * @param payout                     the payout's distribution
     * @param riskSharing                the risk-sharing result's distribution
     * @param probabilityOfSavings       the share of trials whose risk-sharing result is above zero (for an MSSP
     *                                   IPA: savings beyond the minimum savings rate, with the quality standard met)
     * @param probabilityOfLosses        the share of trials whose risk-sharing result is below zero
     * @param expectedValue              the mean payout: the Monte Carlo estimate of its expected value
     * @param expectedValueStandardError that estimate's standard error (standard deviation over the square root of the trials)
     * @param observedPayout             the payout of the facts as reported, for reference
     */
    public record Outcome(String scope, String name, int members, Cost cost, Summary payout, Summary riskSharing,
                          BigDecimal probabilityOfSavings, BigDecimal probabilityOfLosses, BigDecimal expectedValue,
                          BigDecimal expectedValueStandardError, BigDecimal observedPayout) {
    }

    /**
     * @param expected                  the expected total cost of care (members x expected cost per member)
     * @param expectedStandardDeviation its standard deviation in closed form: sqrt(members) x CV x expected
     *                                  cost per member (for the IPA, the practices' combined independently)
     * @param simulatedMean             the mean of the simulated totals
     * @param simulatedStandardDeviation the standard deviation of the simulated totals
     */
    public record Cost(BigDecimal expected, BigDecimal expectedStandardDeviation, BigDecimal simulatedMean,
                       BigDecimal simulatedStandardDeviation) {
    }

    /**
     * Percentiles are nearest-rank: the p-th percentile is the ceil(p/100 x trials)-th smallest outcome.
     */
    public record Summary(BigDecimal mean, BigDecimal standardDeviation, BigDecimal p5, BigDecimal p50, BigDecimal p95) {
    }

    /**
     * Outcomes counted in bins of equal width, each from {@code from} (included) to {@code to}
     * (excluded), lowest first; the counts add up to the trials.
     */
    public record Histogram(BigDecimal binWidth, List<Bin> bins) {

        public record Bin(BigDecimal from, BigDecimal to, int trials) {
        }
    }

    /** One row for the IPA and one per practice. */
    @Override
    public Table table() {
        List<String> columns = List.of("scope", "name", "members", "expectedCost", "expectedCostStandardDeviation",
                "simulatedCostMean", "simulatedCostStandardDeviation", "payoutMean", "payoutStandardDeviation", "payoutP5",
                "payoutP50", "payoutP95", "riskSharingMean", "riskSharingStandardDeviation", "riskSharingP5", "riskSharingP50", "riskSharingP95",
                "probabilityOfSavings", "probabilityOfLosses", "expectedValue", "expectedValueStandardError", "observedPayout");
        List<List<String>> rows = new ArrayList<>();
        List<Outcome> all = new ArrayList<>();
        all.add(ipa);
        all.addAll(practices);
        for (Outcome o : all) {
            rows.add(List.of(o.scope(), Table.cell(o.name()), String.valueOf(o.members()), Table.cell(o.cost().expected()),
                    Table.cell(o.cost().expectedStandardDeviation()), Table.cell(o.cost().simulatedMean()),
                    Table.cell(o.cost().simulatedStandardDeviation()), Table.cell(o.payout().mean()),
                    Table.cell(o.payout().standardDeviation()), Table.cell(o.payout().p5()), Table.cell(o.payout().p50()),
                    Table.cell(o.payout().p95()), Table.cell(o.riskSharing().mean()),
                    Table.cell(o.riskSharing().standardDeviation()), Table.cell(o.riskSharing().p5()),
                    Table.cell(o.riskSharing().p50()), Table.cell(o.riskSharing().p95()), Table.cell(o.probabilityOfSavings()),
                    Table.cell(o.probabilityOfLosses()), Table.cell(o.expectedValue()), Table.cell(o.expectedValueStandardError()),
                    Table.cell(o.observedPayout())));
        }
        return new Table(columns, rows);
    }
}
