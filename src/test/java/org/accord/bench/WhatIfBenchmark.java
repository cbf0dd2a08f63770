package org.accord.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.accord.engine.Progress;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
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
 * Issue 15 item 4 on one thread: the same what-if work settled in fresh sessions (one per 100
 * evaluations, {@code evaluateAll}) and in one session kept across it, updating only what changed
 * ({@code evaluateIncrementally}). The work: a 20-point sweep of the sharing rate of the
 * 25-practice example under mssp-basic, and 200 trials of it (each practice's cost moved by up
 * to 30% either way, two measures in three redrawn: what a simulation's trial changes). Both paths
 * write the same settlements (WhatIfSessionTest). Run: bench/jmh/run.sh WhatIfBenchmark
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhatIfBenchmark {

    static final int TRIALS = 200;

    @Param({"fresh", "incremental"})
    public String sessions;

    EvaluationService service;
    List<ContractChoice> sweepContracts;
    List<PerformanceFacts> sweepFacts;
    List<ContractChoice> trialContracts;
    List<PerformanceFacts> trials;

    @Setup(Level.Trial)
    public void setUp() {
        service = Engine.service();
        PerformanceFacts valley = Engine.example("valley-ipa");
        sweepContracts = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // 0.40, 0.42, ..., 0.78
            sweepContracts.add(ContractChoice.of("mssp-basic").with("maximumSharingRate", new BigDecimal("0.40").add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(i)))));
        }
        sweepFacts = Collections.nCopies(sweepContracts.size(), valley);
        Random random = new Random(42);
        trials = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            trials.add(trial(valley, random));
        }
        trialContracts = Collections.nCopies(TRIALS, ContractChoice.of("mssp-basic"));
    }

    private List<Settlement> settle(List<ContractChoice> contracts, List<PerformanceFacts> facts) {
        return "incremental".equals(sessions) ? service.evaluateIncrementally(contracts, facts, Progress.NONE)
                : service.evaluateAll(contracts, facts);
    }

    @Benchmark
    public List<Settlement> sweep20Points() {
        return settle(sweepContracts, sweepFacts);
    }

    @Benchmark
    public List<Settlement> trials200() {
        return settle(trialContracts, trials);
    }

    static PerformanceFacts trial(PerformanceFacts observed, Random random) {
        List<PracticePerformance> practices = new ArrayList<>();
        for (PracticePerformance p : observed.practices()) {
            BigDecimal cost = p.totalCostOfCare().multiply(BigDecimal.valueOf(0.7 + 0.6 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
            List<QualityMeasureCount> measures = new ArrayList<>();
            for (QualityMeasureCount m : p.qualityMeasures()) {
                int eligible = m.denominator() - m.exclusions();
                measures.add(random.nextInt(3) == 0 || eligible <= 0 ? m
                        : new QualityMeasureCount(m.measureId(), random.nextInt(eligible + 1), m.denominator(), m.exclusions()));
            }
            practices.add(new PracticePerformance(p.id(), p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(),
                    cost, p.feeScheduleAllowedAmount(), p.visits(), p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(), measures));
        }
        return new PerformanceFacts(observed.ipa(), observed.period(), practices);
    }
}
