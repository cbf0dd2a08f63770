package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;

/**
 * A Monte Carlo simulation of the performance year's chance variation under one contract.
 * Problems are named against the record's own fields ({@code /trials}, {@code /contract/...}).
 * Null fields take the documented defaults.
 *
 * @param contract               the template and overrides
 * @param facts                  the IPA's observed performance facts
 * @param trials                 how many performance years to draw (default 10,000; at most 1,000,000)
 * @param seed                   the seed; the same seed gives the same result whatever the thread count (default 42)
 * @param coefficientOfVariation the per-member annual cost's standard deviation over its mean (default
 *                               {@value #DEFAULT_COEFFICIENT_OF_VARIATION}, typical of total annual cost of care:
 *                               REFERENCE.md section 8)
 * @param costDistribution       {@code gamma} (default: exact for the sum) or {@code lognormal} (a moment-matched
 *                               approximation of the sum)
 * @param expectedCost           {@code observed} (default): each practice's expected cost per member is its observed
 *                               total cost of care over its attributed members; {@code benchmark}: those costs scaled
 *                               so that the IPA's expected total equals its benchmark (the year is then even, and
 *                               every outcome is chance)
 * @param expectedCostPerMember  a stated expected annual cost per member for some practices, by practice id; it wins
 *                               over {@code expectedCost}
 * @param varyQuality            whether quality-measure numerators vary binomially (default true)
 */
public record SimulationRequest(
        ContractChoice contract,
        PerformanceFacts facts,
        Integer trials,
        Long seed,
        BigDecimal coefficientOfVariation,
        String costDistribution,
        String expectedCost,
        Map<String, BigDecimal> expectedCostPerMember,
        Boolean varyQuality) {

    public static final int DEFAULT_TRIALS = 10_000;
    public static final int MAX_TRIALS = 1_000_000;
    public static final long DEFAULT_SEED = 42;
    public static final String DEFAULT_COEFFICIENT_OF_VARIATION = "2.5";
    public static final String GAMMA = "gamma";
    public static final String LOGNORMAL = "lognormal";
    public static final String OBSERVED = "observed";
    public static final String BENCHMARK = "benchmark";

    public SimulationRequest {
        trials = trials == null ? DEFAULT_TRIALS : trials;
        seed = seed == null ? DEFAULT_SEED : seed;
        coefficientOfVariation = coefficientOfVariation == null ? new BigDecimal(DEFAULT_COEFFICIENT_OF_VARIATION) : coefficientOfVariation;
        costDistribution = costDistribution == null ? GAMMA : costDistribution;
        expectedCost = expectedCost == null ? OBSERVED : expectedCost;
        expectedCostPerMember = expectedCostPerMember == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(expectedCostPerMember));
        varyQuality = varyQuality == null ? Boolean.TRUE : varyQuality;
    }

    /** A request with every default: 10,000 trials, seed 42, gamma costs with CV 2.5 at the observed cost. */
    public static SimulationRequest of(ContractChoice contract, PerformanceFacts facts) {
        return new SimulationRequest(contract, facts, null, null, null, null, null, null, null);
    }

    public SimulationRequest withTrials(int n) {
        return new SimulationRequest(contract, facts, n, seed, coefficientOfVariation, costDistribution, expectedCost, expectedCostPerMember, varyQuality);
    }

    public SimulationRequest withSeed(long s) {
        return new SimulationRequest(contract, facts, trials, s, coefficientOfVariation, costDistribution, expectedCost, expectedCostPerMember, varyQuality);
    }

    public SimulationRequest withCoefficientOfVariation(BigDecimal cv) {
        return new SimulationRequest(contract, facts, trials, seed, cv, costDistribution, expectedCost, expectedCostPerMember, varyQuality);
    }

    public SimulationRequest withCostDistribution(String distribution) {
        return new SimulationRequest(contract, facts, trials, seed, coefficientOfVariation, distribution, expectedCost, expectedCostPerMember, varyQuality);
    }

    public SimulationRequest withExpectedCost(String basis) {
        return new SimulationRequest(contract, facts, trials, seed, coefficientOfVariation, costDistribution, basis, expectedCostPerMember, varyQuality);
    }

    public SimulationRequest withExpectedCostPerMember(Map<String, BigDecimal> costs) {
        return new SimulationRequest(contract, facts, trials, seed, coefficientOfVariation, costDistribution, expectedCost, costs, varyQuality);
    }

    public SimulationRequest withVaryQuality(boolean vary) {
        return new SimulationRequest(contract, facts, trials, seed, coefficientOfVariation, costDistribution, expectedCost, expectedCostPerMember, vary);
    }
}
