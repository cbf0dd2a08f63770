package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.junit.jupiter.api.Test;

/** The payout histogram a client draws without computing anything: round edges, every trial counted once. */
class HistogramTest {

    private static List<String> bin(SimulationResult.Histogram histogram, int index) {
        SimulationResult.Histogram.Bin bin = histogram.bins().get(index);
        return List.of(bin.from().toPlainString(), bin.to().toPlainString(), String.valueOf(bin.trials()));
    }

    /**
     * Payouts 0, 0, 0, 150.00 and 1,234.56: a range of 123,457 cents over 40 bins needs 3,087 cents
     * a bin; the next 1, 2 or 5 times a power of ten is 5,000 cents, so bins of $50.00 from $0.00,
     * and the largest payout falls in the 25th, [1,200.00, 1,250.00).
     */
    @Test
    void binsAreRoundAndCountEveryTrialOnce() {
        SimulationResult.Histogram histogram = Statistics.histogram(new long[] {0, 0, 0, 150_00, 1_234_56}, 40);
        assertThat(histogram.binWidth()).isEqualByComparingTo("50.00");
        assertThat(histogram.bins()).hasSize(25);
        assertThat(bin(histogram, 0)).containsExactly("0.00", "50.00", "3");
        assertThat(bin(histogram, 3)).containsExactly("150.00", "200.00", "1");
        assertThat(bin(histogram, 24)).containsExactly("1200.00", "1250.00", "1");
        assertThat(histogram.bins()).extracting(SimulationResult.Histogram.Bin::trials).containsOnly(0, 1, 3);
    }

    /** -250.00 to 100.00: 35,001 cents over 40 bins needs 876, so $10.00 bins; the first edge is a multiple of it. */
    @Test
    void lossesStartTheFirstBinBelowZeroAtAMultipleOfTheWidth() {
        SimulationResult.Histogram histogram = Statistics.histogram(new long[] {-250_00, -5, 100_00}, 40);
        assertThat(histogram.binWidth()).isEqualByComparingTo("10.00");
        assertThat(histogram.bins()).hasSize(36);
        assertThat(bin(histogram, 0)).containsExactly("-250.00", "-240.00", "1");
        assertThat(bin(histogram, 24)).containsExactly("-10.00", "0.00", "1");
        assertThat(bin(histogram, 35)).containsExactly("100.00", "110.00", "1");
    }

    @Test
    void equalPayoutsMakeOneBinOfOneCent() {
        SimulationResult.Histogram histogram = Statistics.histogram(new long[] {5, 5}, 40);
        assertThat(histogram.bins()).hasSize(1);
        assertThat(bin(histogram, 0)).containsExactly("0.05", "0.06", "2");
    }

    @Test
    void roundWidthsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(List.of(1L, 2L, 3L, 6L, 11L, 3087L, 5000L, 5001L)).extracting(Statistics::roundWidth)
                .containsExactly(1L, 2L, 5L, 10L, 20L, 5000L, 5000L, 10000L);
    }

    @Test
    void aSimulationsHistogramCoversEveryTrialWithAdjacentBins() {
        SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(ContractChoice.of("mssp-enhanced"),
                Fixtures.SMALL_PANEL).withTrials(500).withSeed(3).withExpectedCost(SimulationRequest.BENCHMARK));
        List<SimulationResult.Histogram.Bin> bins = result.payoutHistogram().bins();
        assertThat(bins.stream().mapToInt(SimulationResult.Histogram.Bin::trials).sum()).isEqualTo(500);
        assertThat(bins.size()).isBetween(20, 41);
        for (int i = 1; i < bins.size(); i++) {
            assertThat(bins.get(i).from()).isEqualByComparingTo(bins.get(i - 1).to());
            assertThat(bins.get(i).to().subtract(bins.get(i).from())).isEqualByComparingTo(result.payoutHistogram().binWidth());
        }
        // two-sided: the payer is owed in some years, so the first bin starts below zero and the last ends above it
        assertThat(bins.get(0).from()).isLessThanOrEqualTo(result.ipa().payout().p5()).isNegative();
        assertThat(bins.get(bins.size() - 1).to()).isGreaterThan(result.ipa().payout().p95());
        assertThat(bins.get(0).trials()).isPositive();
        assertThat(bins.get(bins.size() - 1).trials()).isPositive();
        assertThat(result.payoutHistogram().binWidth()).isGreaterThan(BigDecimal.ZERO);
    }
}
