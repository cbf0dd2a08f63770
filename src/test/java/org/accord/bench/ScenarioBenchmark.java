package org.accord.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;
import org.accord.scenarios.SimulationResult;
import org.accord.scenarios.SweepRequest;
import org.accord.scenarios.SweepResult;
import org.accord.settlement.Settlement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15's figures, on the 25-practice example under mssp-basic: 10,000 Monte Carlo trials
 * (target within 1 s on 2 cores, warm), 100,000 (within 10 s), a 20-point sharing-rate sweep
 * (within 10 ms), and one evaluation for the ratio (a trial or a point costs what an evaluation
 * costs, batched; the ratio shows the scenario's own overhead: drawing facts, summarising). Every
 * trial and point is settled by the engine; {@code threads} settle a simulation's trials and a
 * sweep's points ({@code -p threads=1,2} compares one thread with two). Run:
 * bench/jmh/run.sh -f 1 ScenarioBenchmark (trials/s = 10,000 / the simulation's seconds).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScenarioBenchmark {

    static final int TRIALS = 10_000;

    @Param({"2"})
    public int threads;

    EvaluationService service;
    Scenarios scenarios;
    PerformanceFacts valley;
    SimulationRequest simulation;
    SweepRequest sweep;

    @Setup(Level.Trial)
    public void setUp() {
        service = EvaluationService.load();
        scenarios = new Scenarios(service, threads);
        valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        simulation = SimulationRequest.of(ContractChoice.of("mssp-basic"), valley).withTrials(TRIALS).withSeed(42);
        // 0.40, 0.42, ..., 0.78: 20 points
        sweep = new SweepRequest(ContractChoice.of("mssp-basic"), valley, List.of(new SweepRequest.Range("maximumSharingRate",
                new BigDecimal("0.40"), new BigDecimal("0.78"), new BigDecimal("0.02"))));
    }

    /** 10,000 trials of the 25-practice IPA, settled in batches across the threads. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationResult simulate10000Trials() {
        return scenarios.simulate(simulation);
    }

    /** 100,000 trials (issue 15: within 10 s on 2 cores): one shot per iteration, it takes seconds. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public SimulationResult simulate100000Trials() {
        return scenarios.simulate(simulation.withTrials(100_000));
    }

    /** A 20-point sweep of the sharing rate, in chunks across the threads. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SweepResult sweep20Points() {
        return scenarios.sweep(sweep);
    }

    /** One evaluation of the same IPA: the unit the other two are measured against. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Settlement singleEvaluation() {
        return service.evaluate(ContractChoice.of("mssp-basic"), valley);
    }
}
