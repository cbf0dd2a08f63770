package org.accord.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.BacktestResult;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9's figures: the 548 ACOs of the 2018 public use file settled through the engine, warm
 * (one {@code evaluateAll} session per pass, as the backtest runs them), and the same method in
 * plain Java for the engine's cost ratio. Scores are ACOs per second.
 * Run: bench/jmh/run.sh -f 1 -wi 3 -i 5 BacktestBenchmark (add -t 2 for both cores).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BacktestBenchmark {

    static final int ACOS = 548;

    EvaluationService service;
    BacktestInput input;
    List<PlainJava.Aco> plain;

    @Setup(Level.Trial)
    public void setUp() {
        service = EvaluationService.load();
        try (Reader reader = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            input = Backtest.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (input.size() != ACOS) {
            throw new IllegalStateException("expected " + ACOS + " ACOs, read " + input.size());
        }
        plain = PlainJava.of(input.contracts(), input.facts());
        BacktestResult result = Backtest.compare(input, Backtest.evaluate(service, input));
        if (result.reproduced() != result.total()) {
            throw new IllegalStateException("the engine does not reproduce the file: " + result.summary());
        }
        PlainJava.checkAgainst(plain, Backtest.evaluate(service, input));
    }

    /** The 548 settlements, with lines, explanations and totals, in one session. */
    @Benchmark
    @OperationsPerInvocation(ACOS)
    public List<Settlement> engineSettlesTheFile() {
        return service.evaluateAll(input.contracts(), input.facts());
    }

    /** The same, compared with the published amounts: what the backtest does after reading the file. */
    @Benchmark
    @OperationsPerInvocation(ACOS)
    public BacktestResult engineBacktestsTheFile() {
        return Backtest.compare(input, Backtest.evaluate(service, input));
    }

    /** The same method in plain Java: the amount only, no lines, explanations or checks. */
    @Benchmark
    @OperationsPerInvocation(ACOS)
    public BigDecimal plainJavaSettlesTheFile() {
        BigDecimal total = BigDecimal.ZERO;
        for (PlainJava.Aco aco : plain) {
            total = total.add(aco.settle());
        }
        return total;
    }

    /**
     * The 2018 method written out in Java, for the ratio only: the rules in {@code rules/} are
     * the method Accord uses. Same inputs (the backtest's facts and contracts), same BigDecimal
     * arithmetic and order of steps, cents half-even.
     */
    static final class PlainJava {

        private static final MathContext PRECISION = MathContext.DECIMAL128;
        private static final BigDecimal SEQUESTRATION = new BigDecimal("0.02");
        // One-sided minimum savings rate: range start, range end, rate at start, rate at end (42 CFR 425.604(b)).
        private static final long[][] RANGES = {{0, 499}, {500, 999}, {1000, 2999}, {3000, 4999}, {5000, 5999},
                {6000, 6999}, {7000, 7999}, {8000, 8999}, {9000, 9999}, {10000, 14999}, {15000, 19999}, {20000, 49999},
                {50000, 59999}, {60000, 60000}};
        private static final String[][] RATES = {{"0.122", "0.122"}, {"0.122", "0.087"}, {"0.087", "0.050"},
                {"0.050", "0.039"}, {"0.039", "0.036"}, {"0.036", "0.034"}, {"0.034", "0.032"}, {"0.032", "0.031"},
                {"0.031", "0.030"}, {"0.030", "0.027"}, {"0.027", "0.025"}, {"0.025", "0.022"}, {"0.022", "0.020"},
                {"0.020", "0.020"}};

        /** A track's parameters; lossRate null on the one-sided track, minimum == maximum for a fixed rate. */
        record Track(BigDecimal maximumSharingRate, BigDecimal performancePaymentLimit, BigDecimal minimumLossRate,
                BigDecimal maximumLossRate, BigDecimal lossLimit, boolean fixedLossRate) {
        }

        static Track track(String templateId) {
            return switch (templateId) {
                case "mssp-aco-track-1" -> new Track(d("0.50"), d("0.10"), null, null, null, false);
                case "mssp-aco-track-1-plus" -> new Track(d("0.50"), d("0.10"), d("0.30"), d("0.30"), d("0.04"), true);
                case "mssp-aco-track-2" -> new Track(d("0.60"), d("0.15"), d("0.40"), d("0.60"), d("0.05"), false);
                case "mssp-aco-track-3" -> new Track(d("0.75"), d("0.20"), d("0.40"), d("0.75"), d("0.15"), false);
                default -> throw new IllegalArgumentException(templateId);
            };
        }

        record Aco(Track track, BigDecimal electedMinimumSavingsRate, int assignedBeneficiaries, BigDecimal benchmark,
                BigDecimal expenditure, boolean metQualityStandard, BigDecimal qualityScore, BigDecimal lossAdjustment) {

            BigDecimal settle() {
                BigDecimal savings = benchmark.subtract(expenditure);
                BigDecimal rate = savings.divide(benchmark, PRECISION);
                BigDecimal msr = electedMinimumSavingsRate != null ? electedMinimumSavingsRate : tableRate(assignedBeneficiaries);
                BigDecimal finalSharingRate = metQualityStandard ? track.maximumSharingRate().multiply(qualityScore) : BigDecimal.ZERO;
                if (savings.signum() > 0 && rate.compareTo(msr) >= 0) {
                    BigDecimal shared = savings.multiply(finalSharingRate).multiply(BigDecimal.ONE.subtract(SEQUESTRATION));
                    return shared.min(track.performancePaymentLimit().multiply(benchmark)).setScale(2, RoundingMode.HALF_EVEN);
                }
                if (track.lossLimit() == null || savings.signum() >= 0 || rate.negate().compareTo(msr) < 0) {
                    return BigDecimal.ZERO.setScale(2);
                }
                BigDecimal lossRate = track.fixedLossRate() ? track.minimumLossRate()
                        : BigDecimal.ONE.subtract(finalSharingRate).max(track.minimumLossRate()).min(track.maximumLossRate());
                BigDecimal shared = savings.negate().multiply(lossRate).min(track.lossLimit().multiply(benchmark));
                return shared.subtract(lossAdjustment).max(BigDecimal.ZERO).negate().setScale(2, RoundingMode.HALF_EVEN);
            }
        }

        static BigDecimal tableRate(int n) {
            for (int i = 0; i < RANGES.length; i++) {
                if (n <= RANGES[i][1] || i == RANGES.length - 1) {
                    BigDecimal low = d(RATES[i][0]);
                    BigDecimal high = d(RATES[i][1]);
                    if (RANGES[i][0] == RANGES[i][1]) {
                        return low;
                    }
                    BigDecimal fraction = BigDecimal.valueOf(n - RANGES[i][0]).divide(BigDecimal.valueOf(RANGES[i][1] - RANGES[i][0]), PRECISION);
                    return low.add(fraction.multiply(high.subtract(low)));
                }
            }
            throw new IllegalArgumentException("no range for " + n);
        }

        static List<Aco> of(List<ContractChoice> contracts, List<PerformanceFacts> facts) {
            List<Aco> acos = new ArrayList<>(contracts.size());
            for (int i = 0; i < contracts.size(); i++) {
                ContractChoice contract = contracts.get(i);
                PerformanceFacts f = facts.get(i);
                Object elected = contract.overrides().get("electedMinimumSavingsRate");
                acos.add(new Aco(track(contract.templateId()), elected == null ? null : new BigDecimal(elected.toString()),
                        f.period().assignedBeneficiaries(), f.period().benchmarkExpenditure(), f.practices().get(0).totalCostOfCare(),
                        f.period().metQualityStandard(), f.period().reportedQualityScore(), f.period().lossAdjustment()));
            }
            return acos;
        }

        /** The plain method must give the engine's amount on every ACO, or the ratio means nothing. */
        static void checkAgainst(List<Aco> acos, List<Settlement> settlements) {
            for (int i = 0; i < acos.size(); i++) {
                BigDecimal engine = settlements.get(i).totals().payerTotal();
                BigDecimal plain = acos.get(i).settle();
                if (engine.compareTo(plain) != 0) {
                    throw new IllegalStateException("plain Java gives " + plain + " for " + settlements.get(i).ipaId() + ", the engine " + engine);
                }
            }
        }

        private static BigDecimal d(String value) {
            return new BigDecimal(value);
        }
    }
}
