package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final ContractChoice MSSP_BASIC = ContractChoice.of("mssp-basic");

    @Nested
    @DisplayName("Reproducibility")
    class Reproducibility {

        @Test
        void theSameSeedGivesTheSameResultWhateverTheThreadCount() {
            SimulationRequest request = SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL).withTrials(450).withSeed(7);
            SimulationResult oneThread = new Scenarios(Fixtures.SERVICE, 1).simulate(request);
            SimulationResult twoThreads = new Scenarios(Fixtures.SERVICE, 2).simulate(request);
            SimulationResult threeThreads = new Scenarios(Fixtures.SERVICE, 3).simulate(request);
            assertThat(twoThreads).isEqualTo(oneThread);
            assertThat(threeThreads).isEqualTo(oneThread);
        }

        @Test
        void anotherSeedDrawsOtherYears() {
            SimulationRequest request = SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL).withTrials(200);
            SimulationResult a = Fixtures.scenarios().simulate(request.withSeed(1));
            SimulationResult b = Fixtures.scenarios().simulate(request.withSeed(2));
            assertThat(a.ipa().cost().simulatedMean()).isNotEqualByComparingTo(b.ipa().cost().simulatedMean());
        }

        @Test
        void aTrialDependsOnlyOnTheSeedAndItsIndex() {
            PerformanceVariation variation = variation(Fixtures.SMALL_PANEL, "gamma", 9);
            PerformanceFacts trial = variation.trial(123);
            variation.trial(5);
            assertThat(variation(Fixtures.SMALL_PANEL, "gamma", 9).trial(123)).isEqualTo(trial);
        }
    }

    @Nested
    @DisplayName("Aggregated as the trials come")
    class Aggregated {

        /** The costs are summed as the trials are settled, not kept: their mean and spread are those of every trial's cost. */
        @Test
        void simulatedCostsAreThoseOfEveryTrialDrawnAgain() {
            SimulationRequest request = SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL).withTrials(260).withSeed(11);
            SimulationResult result = new Scenarios(Fixtures.SERVICE, 2).simulate(request);

            PerformanceVariation variation = new PerformanceVariation(Fixtures.SMALL_PANEL, 11, Simulator.expectedCostPerMember(request),
                    request.coefficientOfVariation().doubleValue(), false, request.varyQuality());
            int practices = Fixtures.SMALL_PANEL.practices().size();
            long[][] cost = new long[practices][request.trials()];
            long[] ipaCost = new long[request.trials()];
            for (int t = 0; t < request.trials(); t++) {
                PerformanceFacts trial = variation.trial(t);
                for (int i = 0; i < practices; i++) {
                    cost[i][t] = trial.practices().get(i).totalCostOfCare().movePointRight(2).longValueExact();
                    ipaCost[t] += cost[i][t];
                }
            }
            assertThat(result.ipa().cost().simulatedMean()).isEqualTo(Statistics.mean(ipaCost));
            assertThat(result.ipa().cost().simulatedStandardDeviation()).isEqualTo(Statistics.standardDeviation(ipaCost));
            for (int i = 0; i < practices; i++) {
                String id = Fixtures.SMALL_PANEL.practices().get(i).id();
                SimulationResult.Cost simulated = result.practices().stream().filter(o -> o.scope().equals(id)).findFirst().orElseThrow().cost();
                assertThat(simulated.simulatedMean()).isEqualTo(Statistics.mean(cost[i]));
                assertThat(simulated.simulatedStandardDeviation()).isEqualTo(Statistics.standardDeviation(cost[i]));
            }
        }
    }

    private static PerformanceVariation variation(PerformanceFacts facts, String distribution, long seed) {
        SimulationRequest request = SimulationRequest.of(MSSP_BASIC, facts).withCostDistribution(distribution);
        return new PerformanceVariation(facts, seed, Simulator.expectedCostPerMember(request), 2.5,
                SimulationRequest.LOGNORMAL.equals(distribution), true);
    }

    @Nested
    @DisplayName("Against closed forms")
    class ClosedForms {

        private static final int DRAWS = 20_000;

        /**
         * Small panel P01: n = 420 members, observed cost 5,793,107.27, so m = 13,793.1126 per member; CV 2.5.
         * Closed form: the total's mean is n m = 5,793,107.27 and its variance n (CV m)^2, standard deviation
         * sqrt(420) x 2.5 x 13,793.1126 = 706,687.6. Tolerances: the mean within 4 standard errors
         * (706,687.6 / sqrt(20,000) = 4,997 each); the variance within 5%, about 5 standard errors of a sample
         * variance of 20,000 draws (relative standard error sqrt((2 + excess kurtosis) / draws): 1.0% for the gamma
         * sum, whose excess kurtosis is 6 CV^2 / n = 0.09).
         */
        private void totalCostMatchesTheSumOfIndependentMemberCosts(String distribution) {
            PerformanceVariation variation = variation(Fixtures.SMALL_PANEL, distribution, 2024);
            double[] totals = new double[DRAWS];
            for (int t = 0; t < DRAWS; t++) {
                totals[t] = variation.trial(t).practices().get(0).totalCostOfCare().doubleValue();
            }
            double n = 420;
            double m = 5_793_107.27 / n;
            double expectedMean = n * m;
            double expectedVariance = n * Math.pow(2.5 * m, 2);
            double mean = mean(totals);
            double variance = variance(totals, mean);
            assertThat(Math.abs(mean - expectedMean)).as("mean %.2f vs %.2f", mean, expectedMean)
                    .isLessThan(4 * Math.sqrt(expectedVariance / DRAWS));
            assertThat(variance / expectedVariance).as("variance ratio").isBetween(0.95, 1.05);
        }

        @Test
        void aGammaPracticeTotalHasTheMeanAndVarianceOfItsMembersSum() {
            totalCostMatchesTheSumOfIndependentMemberCosts(SimulationRequest.GAMMA);
        }

        @Test
        void aLognormalPracticeTotalIsMomentMatchedToItsMembersSum() {
            totalCostMatchesTheSumOfIndependentMemberCosts(SimulationRequest.LOGNORMAL);
        }

        /**
         * Small panel P01, measure DSF: 166 of 216 - 10 = 206 eligible, p = 166/206. Binomial: mean n p = 166,
         * variance n p (1 - p) = 166 x 40 / 206 = 32.233. The mean within 4 standard errors (sqrt(32.233 / 20,000)
         * = 0.040 each), the variance within 5% (relative standard error about sqrt(2 / 20,000) = 1%).
         */
        @Test
        void aMeasureNumeratorIsBinomialOnItsEligibleMembers() {
            PerformanceVariation variation = variation(Fixtures.SMALL_PANEL, SimulationRequest.GAMMA, 99);
            double[] numerators = new double[DRAWS];
            for (int t = 0; t < DRAWS; t++) {
                QualityMeasureCount dsf = variation.trial(t).practices().get(0).qualityMeasures().stream()
                        .filter(q -> q.measureId().equals("DSF")).findFirst().orElseThrow();
                assertThat(dsf.denominator()).isEqualTo(216);
                assertThat(dsf.exclusions()).isEqualTo(10);
                numerators[t] = dsf.numerator();
            }
            double mean = mean(numerators);
            assertThat(Math.abs(mean - 166)).isLessThan(4 * Math.sqrt(32.233 / DRAWS));
            assertThat(variance(numerators, mean) / (166.0 * 40 / 206)).isBetween(0.95, 1.05);
        }

        /** A large measure: n = 37,362, p = 0.5707 (the valley IPA's pooled AWV); mean n p, variance n p (1 - p). */
        @Test
        void theBinomialTableIsExactForLargeDenominatorsToo() {
            int n = 37_362;
            double p = 21_322.0 / n;
            BinomialTable table = BinomialTable.of(n, p);
            SplittableRandom random = new SplittableRandom(5);
            double[] draws = new double[DRAWS];
            for (int i = 0; i < DRAWS; i++) {
                draws[i] = table.draw(random);
            }
            double mean = mean(draws);
            double expectedVariance = n * p * (1 - p);
            assertThat(Math.abs(mean - n * p)).isLessThan(4 * Math.sqrt(expectedVariance / DRAWS));
            assertThat(variance(draws, mean) / expectedVariance).isBetween(0.95, 1.05);
            assertThat(BinomialTable.of(10, 0).draw(random)).isZero();
            assertThat(BinomialTable.of(10, 1).draw(random)).isEqualTo(10);
        }

        @Test
        void theSimulatedCostsMatchTheClosedFormTheResultReports() {
            SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                    .withTrials(2_000).withSeed(3));
            for (SimulationResult.Outcome o : result.practices()) {
                double sd = o.cost().expectedStandardDeviation().doubleValue();
                // The mean within 4 standard errors of 2,000 draws; the standard deviation within 10% (its relative
                // standard error is about 1 / sqrt(2 x 2,000) = 1.6%).
                assertThat(Math.abs(o.cost().simulatedMean().doubleValue() - o.cost().expected().doubleValue()))
                        .isLessThan(4 * sd / Math.sqrt(2_000));
                assertThat(o.cost().simulatedStandardDeviation().doubleValue() / sd).isBetween(0.9, 1.1);
            }
            // The IPA's expected cost is the practices' observed costs: 5,793,107.27 + 3,737,921.04 + 6,054,658.00
            assertThat(result.ipa().cost().expected()).isEqualByComparingTo(Fixtures.SMALL_PANEL.practices().stream()
                    .map(p -> p.totalCostOfCare()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        private static double variance(double[] values, double mean) {
            double sum = 0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            return sum / (values.length - 1);
        }
    }

    @Nested
    @DisplayName("What the minimum savings rate is for")
    class MinimumSavingsRate {

        /**
         * Both IPAs' expected cost set equal to their benchmark: any savings are chance. Closed form (normal
         * approximation of the gamma total): the savings rate's standard deviation is CV / sqrt(members).
         * Small panel: 2.5 / sqrt(1,310) = 6.91%; its MSR for 1,310 beneficiaries is 8.7% - 310/1,999 x 3.7% = 8.13%,
         * so P(savings rate >= MSR) = P(Z >= 1.18) = 11.9%. Valley IPA: 2.5 / sqrt(39,400) = 1.26%; MSR 2.306%, so
         * P(Z >= 1.83) = 3.4%. The MSR, a 90% one-sided bound on a CMS assumption of smaller variation, shrinks
         * with the population but not as fast as chance does: the small panel earns by chance far more often.
         */
        @Test
        void aSmallPanelAtItsBenchmarkEarnsSavingsByChanceFarMoreOftenThanALargeIpa() {
            Scenarios scenarios = Fixtures.scenarios();
            SimulationResult small = scenarios.simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                    .withTrials(2_000).withSeed(11).withExpectedCost(SimulationRequest.BENCHMARK));
            SimulationResult large = scenarios.simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.VALLEY)
                    .withTrials(1_000).withSeed(11).withExpectedCost(SimulationRequest.BENCHMARK));
            System.out.printf("P(shared savings > 0) at benchmark: small panel %s, valley IPA %s%n",
                    small.ipa().probabilityOfSavings(), large.ipa().probabilityOfSavings());
            assertThat(small.ipa().cost().expected()).isEqualByComparingTo("15096133.20");
            assertThat(large.ipa().cost().expected()).isEqualByComparingTo("525375558.00");
            assertThat(small.ipa().probabilityOfSavings()).isBetween(new BigDecimal("0.08"), new BigDecimal("0.16"));
            assertThat(large.ipa().probabilityOfSavings()).isBetween(new BigDecimal("0.01"), new BigDecimal("0.06"));
            assertThat(small.ipa().probabilityOfSavings().subtract(large.ipa().probabilityOfSavings()))
                    .isGreaterThan(new BigDecimal("0.04"));
            // One-sided: no losses are ever owed.
            assertThat(small.ipa().probabilityOfLosses()).isZero();
            // The exact spread combines the practices: sqrt(sum n_i (CV m_i)^2) / benchmark, a little above CV / sqrt(1,310)
            // because the practices' costs per member differ.
            double variance = 0;
            double scale = 15_096_133.20 / Fixtures.SMALL_PANEL.practices().stream().mapToDouble(p -> p.totalCostOfCare().doubleValue()).sum();
            for (var p : Fixtures.SMALL_PANEL.practices()) {
                double m = p.totalCostOfCare().doubleValue() / p.attributedMembers() * scale;
                variance += p.attributedMembers() * Math.pow(2.5 * m, 2);
            }
            assertThat(small.ipa().cost().expectedStandardDeviation().doubleValue())
                    .isCloseTo(Math.sqrt(variance), org.assertj.core.data.Offset.offset(0.01));
            assertThat(Math.sqrt(variance) / 15_096_133.20).isBetween(0.0691, 0.0700);
        }

        @Test
        void aTwoSidedContractShowsTheChanceOfOwingLosses() {
            SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(ContractChoice.of("mssp-enhanced"),
                    Fixtures.SMALL_PANEL).withTrials(1_000).withSeed(5).withExpectedCost(SimulationRequest.BENCHMARK));
            // Elected MSR/MLR 2% against a savings-rate spread of 6.9%: P(Z >= 0.29) = 39% each way.
            assertThat(result.ipa().probabilityOfSavings()).isBetween(new BigDecimal("0.30"), new BigDecimal("0.48"));
            assertThat(result.ipa().probabilityOfLosses()).isBetween(new BigDecimal("0.30"), new BigDecimal("0.48"));
            assertThat(result.ipa().riskSharing().p5()).isNegative();
            assertThat(result.ipa().riskSharing().p95()).isPositive();
        }
    }

    /**
     * A practice's listed high-cost members ({@code highCostMemberCosts}, part of its totalCostOfCare) are known
     * costs: a trial holds them and draws the cost of the practice's other members (found from outside: with a
     * list of 60% of each practice's cost and CV 2.5, a trial drawn below its list was refused as the request's
     * fault, and the simulation with it).
     */
    @Nested
    @DisplayName("A practice's listed high-cost members")
    class HighCostMembers {

        private static final ContractChoice STOP_LOSS = ContractChoice.of("commercial-global-budget-stop-loss");

        /**
         * The small panel with high-cost members costing 60% of each practice's cost (to the cent below):
         * P01 0.6 x 5,793,107.27 = 3,475,864.36 (three members), P02 0.6 x 3,737,921.04 = 2,242,752.62 (two),
         * P03 0.6 x 5,772,984.17 = 3,463,790.50 (two).
         */
        private static final PerformanceFacts LISTED = listed(Map.of(
                "P01", List.of("1500000.00", "1200000.00", "775864.36"),
                "P02", List.of("1242752.62", "1000000.00"),
                "P03", List.of("2000000.00", "1463790.50")));

        private static PerformanceFacts listed(Map<String, List<String>> costs) {
            List<PracticePerformance> practices = Fixtures.SMALL_PANEL.practices().stream().map(p -> new PracticePerformance(p.id(),
                    p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(), p.totalCostOfCare(),
                    p.feeScheduleAllowedAmount(), p.visits(), p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(),
                    p.qualityMeasures(), costs.containsKey(p.id()) ? Map.of("highCostMemberCosts", costs.get(p.id())) : Map.of()))
                    .toList();
            return new PerformanceFacts(Fixtures.SMALL_PANEL.ipa(), Fixtures.SMALL_PANEL.period(), practices);
        }

        private static BigDecimal listSum(PracticePerformance p) {
            return ((List<?>) p.extra().get("highCostMemberCosts")).stream().map(a -> new BigDecimal(a.toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The outside tester's shape, 10,000 trials: it completes, and no trial's cost is below its list. */
        @Test
        void aTrialsCostIsNeverDrawnBelowItsListedHighCostMembers() {
            for (String distribution : List.of(SimulationRequest.GAMMA, SimulationRequest.LOGNORMAL)) {
                SimulationRequest request = SimulationRequest.of(STOP_LOSS, LISTED).withTrials(10_000).withSeed(42)
                        .withCoefficientOfVariation(new BigDecimal("2.5")).withCostDistribution(distribution);
                SimulationResult result = Fixtures.scenarios().simulate(request);
                assertThat(result.trials()).isEqualTo(10_000);

                PerformanceVariation variation = new PerformanceVariation(LISTED, 42, Simulator.expectedCostPerMember(request), 2.5,
                        SimulationRequest.LOGNORMAL.equals(distribution), true);
                for (int t = 0; t < 10_000; t++) {
                    for (PracticePerformance p : variation.trial(t).practices()) {
                        assertThat(p.totalCostOfCare()).as("%s trial %d %s", distribution, t, p.id())
                                .isGreaterThanOrEqualTo(listSum(p));
                    }
                }
            }
        }

        /**
         * The draw's mean and spread are those of the cost beyond the list, over the members beyond it. P01: 420
         * members, three listed at 3,475,864.36 of its 5,793,107.27, so 417 members are drawn with an expected
         * 2,317,242.91 (m = 5,556.9374 each); the practice's expected cost is still 5,793,107.27, its standard
         * deviation sqrt(417) x 2.5 x 5,556.9374 = 283,689.7 (without the list it was 706,686.7). Tolerances as
         * {@code theSimulatedCostsMatchTheClosedFormTheResultReports}.
         */
        @Test
        void theDrawVariesTheCostBeyondTheListOverTheMembersBeyondIt() {
            SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(STOP_LOSS, LISTED).withTrials(2_000).withSeed(3));
            SimulationResult.Cost p01 = result.practices().get(0).cost();
            assertThat(p01.expected()).isEqualByComparingTo("5793107.27");
            assertThat(p01.expectedStandardDeviation().doubleValue()).isCloseTo(283_689.68, org.assertj.core.data.Offset.offset(0.01));
            for (SimulationResult.Outcome o : result.practices()) {
                double sd = o.cost().expectedStandardDeviation().doubleValue();
                assertThat(Math.abs(o.cost().simulatedMean().doubleValue() - o.cost().expected().doubleValue()))
                        .isLessThan(4 * sd / Math.sqrt(2_000));
                assertThat(o.cost().simulatedStandardDeviation().doubleValue() / sd).isBetween(0.9, 1.1);
            }
            assertThat(result.model()).contains("listed high-cost members");
        }

        /**
         * Under the benchmark basis the listed costs are held and the benchmark's scale applies to the costs beyond
         * them. Only P01 listed (3,475,864.36): the costs beyond the list are 15,304,012.48 - 3,475,864.36 =
         * 11,828,148.12, scaled by (15,096,133.20 - 3,475,864.36) / 11,828,148.12 = 11,620,268.84 / 11,828,148.12 =
         * 0.98242504: P01 3,475,864.36 + 2,317,242.91 x 0.98242504 = 5,752,381.81 (scaled whole, as before, it was
         * 5,714,417.65), P02 3,737,921.04 x 0.98242504 = 3,672,227.21. The IPA's expected cost is the benchmark.
         */
        @Test
        void underTheBenchmarkBasisTheScaleAppliesToTheCostBeyondTheLists() {
            PerformanceFacts onlyP01 = listed(Map.of("P01", List.of("1500000.00", "1200000.00", "775864.36")));
            SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(STOP_LOSS, onlyP01).withTrials(50)
                    .withExpectedCost(SimulationRequest.BENCHMARK));
            assertThat(result.ipa().cost().expected()).isEqualByComparingTo("15096133.20");
            assertThat(result.practices().get(0).cost().expected()).isEqualByComparingTo("5752381.81");
            assertThat(result.practices().get(1).cost().expected()).isEqualByComparingTo("3672227.21");
        }

        /** A stated cost per member is the practice's: members x the stated cost must cover the listed members. */
        @Test
        void aStatedCostBelowTheListedMembersIsRefused() {
            // 420 x 8,000 = 3,360,000.00, below P01's listed 3,475,864.36
            assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(STOP_LOSS, LISTED)
                    .withExpectedCostPerMember(Map.of("P01", new BigDecimal("8000")))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("/expectedCostPerMember/P01: 420 members x 8000 = 3360000, less than the 3475864.36 its 3 listed "
                            + "high-cost members cost, which are part of its cost");
            // 420 x 9,000 = 3,780,000.00: the 417 members beyond the list are drawn with 304,135.64 between them
            SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(STOP_LOSS, LISTED).withTrials(20)
                    .withExpectedCostPerMember(Map.of("P01", new BigDecimal("9000"))));
            assertThat(result.practices().get(0).cost().expected()).isEqualByComparingTo("3780000.00");
        }
    }

    /**
     * Facts without a high-cost list draw what they drew before the list was modelled, so that their seeded
     * simulations stay byte-identical: the small panel's first three trials under seed 42 (P01, P02, P03 each),
     * pinned from the code before that change.
     */
    @Test
    void factsWithoutAListDrawTheTrialsTheyDrewBefore() {
        Map<String, String> pinned = Map.of(
                SimulationRequest.GAMMA, "6908129.91 3403389.25 4999832.82 7241879.24 3087512.41 4592348.07 7059856.83 3435660.65 5240871.91",
                SimulationRequest.LOGNORMAL, "6922019.99 4066304.19 5409912.55 7278381.32 3144275.23 5519818.63 7083198.62 3964937.79 4687604.15");
        pinned.forEach((distribution, costs) -> {
            PerformanceVariation variation = variation(Fixtures.SMALL_PANEL, distribution, 42);
            List<String> drawn = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                variation.trial(t).practices().forEach(p -> drawn.add(p.totalCostOfCare().toPlainString()));
            }
            assertThat(String.join(" ", drawn)).as(distribution).isEqualTo(costs);
        });
    }

    @Test
    void theResultDocumentsItsModel() {
        SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withTrials(100).withExpectedCostPerMember(Map.of("P02", new BigDecimal("9000"))));
        assertThat(result.model()).contains("Gamma(n/CV^2, m x CV^2)", "CV = 2.5", "binomial", "seed 42", "stated in the request for P02");
        assertThat(result.practices().get(1).cost().expected()).isEqualByComparingTo("3420000.00"); // 380 x 9,000
        assertThat(result.table().rows()).hasSize(4);
        assertThat(result.table().columns()).contains("probabilityOfSavings", "payoutP95", "expectedValueStandardError");
        // The table (simulate --csv) carries every figure of the summaries the JSON has, the risk-sharing spread too.
        int spread = result.table().columns().indexOf("riskSharingStandardDeviation");
        assertThat(spread).isPositive();
        assertThat(new BigDecimal(result.table().rows().get(0).get(spread))).isEqualByComparingTo(result.ipa().riskSharing().standardDeviation());
    }

    /**
     * The benchmark basis with one practice stated (found by trying the command line: the stated cost was
     * added on top of a benchmark already shared out). Small panel, benchmark 15,096,133.20; P02 stated at
     * 9,000 x 380 members = 3,420,000.00 leaves 11,676,133.20 for P01 and P03, whose observed costs
     * (5,793,107.27 + 5,772,984.17 = 11,566,091.44) are scaled by 11,676,133.20 / 11,566,091.44 = 1.00951417:
     * P01 5,848,223.88 and P03 5,827,909.32, and the IPA's expected total is the benchmark again.
     */
    @Test
    void underTheBenchmarkBasisStatedPracticesKeepTheirCostAndTheOthersMakeUpTheBenchmark() {
        SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withTrials(50).withExpectedCost(SimulationRequest.BENCHMARK)
                .withExpectedCostPerMember(Map.of("P02", new BigDecimal("9000"))));
        assertThat(result.practices().get(0).cost().expected()).isEqualByComparingTo("5848223.88");
        assertThat(result.practices().get(1).cost().expected()).isEqualByComparingTo("3420000.00");
        assertThat(result.practices().get(2).cost().expected()).isEqualByComparingTo("5827909.32");
        assertThat(result.ipa().cost().expected()).isEqualByComparingTo("15096133.20");
        assertThat(result.model()).contains("the others' scale makes up the rest of the benchmark");

        // 40,000 x 380 = 15,200,000.00 is more than the whole benchmark: nothing is left to share out.
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withExpectedCost(SimulationRequest.BENCHMARK).withExpectedCostPerMember(Map.of("P02", new BigDecimal("40000")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("/expectedCost: the stated and held costs (15200000.00) already reach the benchmark (15096133.20), "
                        + "leaving nothing for the other practices' expected costs");
    }

    /**
     * A stated cost of zero per member has no spread: every trial's cost is zero, as expected (it was the observed cost),
     * under a distribution that weighs no practice's cost.
     */
    @Test
    void aStatedCostOfZeroIsDrawnAsZero() {
        SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC.with("costPerformanceWeight", "0")
                .with("memberMonthsWeight", "0.75"), Fixtures.SMALL_PANEL)
                .withTrials(20).withExpectedCostPerMember(Map.of("P02", BigDecimal.ZERO)));
        assertThat(result.practices().get(1).cost().expected()).isZero();
        assertThat(result.practices().get(1).cost().simulatedMean()).isZero();
        assertThat(result.practices().get(1).cost().simulatedStandardDeviation()).isZero();
    }

    /**
     * Where the distribution weighs each practice's cost, a practice with member months and no cost is refused, so a stated
     * cost of zero, which draws every trial's cost as zero, is refused before any trial is drawn.
     */
    @Test
    void aStatedCostOfZeroIsRefusedBeforeAnyTrialWhereTheDistributionWeighsCost() {
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withTrials(20).withExpectedCostPerMember(Map.of("P02", BigDecimal.ZERO)))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("/expectedCostPerMember/P02: a cost of 0 per member draws every trial's cost of care as 0,"
                        + " which the contract refuses: practice P02 has 4,320 member months and a total cost of care of 0");
    }

    /**
     * A stated cost per member whose practice's expected total passes the most a practice's cost of care may be
     * (480,000,000,000, rules/facts.yaml) draws trials the facts refuse: it is refused before any trial, naming the field
     * (it was refused as the trial's /facts/practices/1/totalCostOfCare, a number the request never sent).
     */
    @Test
    void aStatedCostWhosePracticeTotalPassesTheFactsBoundIsRefusedNamingIt() {
        // 380 members x 2,000,000,000 = 760,000,000,000, above 480,000,000,000.
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withTrials(20).withExpectedCostPerMember(Map.of("P02", new BigDecimal("2000000000")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("/expectedCostPerMember/P02: 380 members x 2000000000 = 760000000000, more than the most a practice's"
                        + " total cost of care may be (480000000000): every trial would be drawn around it");
    }

    /**
     * A stated cost within the bound whose spread draws a trial past it (380 x 1,263,000,000 = 479,940,000,000, a standard
     * deviation of sqrt(380) x 2.5 x 1,263,000,000, about 61,550,000,000: about half the trials) is refused naming the
     * field and the trial, not the trial's cost of care.
     */
    @Test
    void aStatedCostWhoseDrawPassesTheFactsBoundIsRefusedNamingIt() {
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, Fixtures.SMALL_PANEL)
                .withTrials(200).withExpectedCostPerMember(Map.of("P02", new BigDecimal("1263000000")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("/expectedCostPerMember/P02: trial ")
                .hasMessageContaining(" drew practice P02's cost of care at ")
                .hasMessageEndingWith(", more than the most a practice's total cost of care may be (480000000000): 380 members x"
                        + " 1263000000 = 479940000000 at a coefficient of variation of 2.5 draws past it");
    }

    /**
     * A trial's cost is the simulation's draw, not the request's input: a practice of three members may be drawn at a cost
     * of $0.00 in some trial, which the check of a request's practice with member months and no cost of care would refuse
     * (a simulation of facts an evaluation accepts was refused at its 1,800th trial: found from outside).
     */
    @Test
    void aSmallPracticeDrawnAtNoCostInSomeTrialIsSettledNotRefused() {
        PracticePerformance p = Fixtures.SMALL_PANEL.practices().get(2);
        // Three wellness visits, one a member: no more than its member months (FactsValidator).
        PracticePerformance threeMembers = new PracticePerformance(p.id(), p.name(), 3, 36, p.averageRiskScore(), new BigDecimal("27000.00"),
                p.feeScheduleAllowedAmount(), p.visits(), 3, p.edVisits(), p.inpatientAdmissions(),
                p.qualityMeasures(), p.extra());
        List<PracticePerformance> practices = new java.util.ArrayList<>(Fixtures.SMALL_PANEL.practices());
        practices.set(2, threeMembers);
        PerformanceFacts facts = new PerformanceFacts(Fixtures.SMALL_PANEL.ipa(), Fixtures.SMALL_PANEL.period(), practices);
        // mssp-basic's distribution weighs each practice's cost (costPerformanceWeight 0.25), where a request's practice with
        // member months and no cost of care is refused.
        SimulationResult result = Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC, facts).withTrials(10_000).withSeed(42L)
                .withCoefficientOfVariation(new BigDecimal("2.5")));

        assertThat(result.trials()).isEqualTo(10_000);
        assertThat(result.practices().get(2).cost().simulatedMean()).isPositive();
    }

    /** A global budget of 0 is refused before any trial is drawn, as a single evaluation refuses it. */
    @Test
    void aBudgetOfZeroIsRefusedBeforeAnyTrial() {
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(ContractChoice.of("commercial-global-budget")
                .with("budgetPmpm", "0"), Fixtures.SMALL_PANEL))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/contract/overrides/budgetPmpm: clause global-budget (Global budget) ")
                .hasMessageEndingWith("a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(new SimulationRequest(MSSP_BASIC, Fixtures.SMALL_PANEL, 0, 1L,
                BigDecimal.ZERO, "normal", "average", Map.of("P99", BigDecimal.ONE), true)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.pointer())
                        .containsExactly("/trials", "/coefficientOfVariation", "/costDistribution", "/expectedCost",
                                "/expectedCostPerMember/P99"));
        assertThatThrownBy(() -> Fixtures.scenarios().simulate(SimulationRequest.of(MSSP_BASIC.with("maximumSharingRate", "2"),
                Fixtures.SMALL_PANEL))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/contract/overrides/maximumSharingRate");
    }
}
