package org.accord.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The plain-Java references of this package against the engine on the same generated cases, one
 * thread each, so the suite (bench/jmh/run.sh) can state each figure's ratio to plain Java measured
 * in the same run: practices paid and pools distributed (ma-capitation, commercial-global-budget,
 * medicaid-ffs-p4p; the secondary score "practices" is practice settlements per second) and Shared
 * Savings Program IPAs (scores are settlements per second). The reference computes amounts only, in exact fractions;
 * the engine writes every line with its explanation.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReferenceBenchmark {

    static final int CASES = 200;
    static final long SEED = 20_261_201L;

    EvaluationService service;
    List<PracticeCase> practiceCases = new ArrayList<>();
    List<ContractChoice> practiceContracts = new ArrayList<>();
    List<PerformanceFacts> practiceFacts = new ArrayList<>();
    int practices;
    List<MsspCase> msspCases = new ArrayList<>();
    List<ContractChoice> msspContracts = new ArrayList<>();
    List<PerformanceFacts> msspFacts = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        service = Engine.service();
        SplittableRandom seeds = new SplittableRandom(SEED);
        // Only cases the engine settles (a generated case may be refused as invalid input), so both sides do the same work.
        while (practiceCases.size() < CASES) {
            PracticeCase c = PracticeCases.generate(seeds.nextLong());
            ContractChoice contract = new ContractChoice(c.templateId(), c.contractOverrides());
            PerformanceFacts facts = ReferenceComparisonTest.facts(c);
            if (settles(contract, facts)) {
                practiceCases.add(c);
                practiceContracts.add(contract);
                practiceFacts.add(facts);
                practices += facts.practices().size();
            }
        }
        while (msspCases.size() < CASES) {
            MsspCase c = MsspCases.generate(seeds.nextLong());
            ContractChoice contract = ReferenceComparisonTest.contract(c);
            PerformanceFacts facts = ReferenceComparisonTest.facts(c);
            if (settles(contract, facts)) {
                msspCases.add(c);
                msspContracts.add(contract);
                msspFacts.add(facts);
            }
        }
    }

    private boolean settles(ContractChoice contract, PerformanceFacts facts) {
        try {
            service.evaluate(contract, facts);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** Practice settlements counted beside the invocations: JMH reports them per second as the secondary score "practices". */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Practices {
        public long practices;

        @Setup(Level.Iteration)
        public void reset() {
            practices = 0;
        }
    }

    /** The practice cases through the engine, in one batch. */
    @Benchmark
    public List<Settlement> enginePaysPractices(Practices counted) {
        counted.practices += practices;
        return service.evaluateAll(practiceContracts, practiceFacts);
    }

    /** The same cases in the plain-Java reference. */
    @Benchmark
    public void referencePaysPractices(Practices counted, Blackhole sink) {
        counted.practices += practices;
        for (PracticeCase c : practiceCases) {
            sink.consume(PracticeReference.settle(c));
        }
    }

    /** The Shared Savings Program cases through the engine, in one batch. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<Settlement> engineSettlesSharedSavings() {
        return service.evaluateAll(msspContracts, msspFacts);
    }

    /** The same cases in the plain-Java reference. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public BigDecimal referenceSettlesSharedSavings() {
        BigDecimal sum = BigDecimal.ZERO;
        for (MsspCase c : msspCases) {
            for (BigDecimal amount : MsspReference.settle(c).values()) {
                sum = sum.add(amount);
            }
        }
        return sum;
    }
}
