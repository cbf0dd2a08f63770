package org.accord.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10's figures: one 25-practice settlement under each template (latency), and a batch of
 * 100,000 practice settlements (4,000 IPAs of 25 practices, in sessions of 200 IPAs, on two threads as on two cores) with
 * explanations, and the plain-Java MSSP shared-savings formula for the engine's cost ratio.
 * Run: bench/jmh/run.sh -f 1 -wi 3 -i 5 SettlementBenchmark
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SettlementBenchmark {

    static final int IPAS_IN_BATCH = 4_000;
    static final int IPAS_PER_SESSION = 200;

    @Param({"mssp-basic", "mssp-enhanced", "commercial-global-budget", "ma-capitation", "medicaid-ffs-p4p"})
    public String template;

    EvaluationService service;
    PerformanceFacts valley;
    List<ContractChoice> sessionContracts;
    List<PerformanceFacts> sessionFacts;

    @Setup(Level.Trial)
    public void setUp() {
        service = Engine.service();
        valley = Engine.example("valley-ipa");
        sessionContracts = Collections.nCopies(IPAS_PER_SESSION, ContractChoice.of(template));
        sessionFacts = Collections.nCopies(IPAS_PER_SESSION, valley);
    }

    /** One 25-practice IPA, one session: the latency a REST caller sees (without HTTP). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Settlement oneIpaOf25Practices() {
        return service.evaluate(ContractChoice.of(template), valley);
    }

    /** 100,000 practice settlements with explanations: 4,000 IPAs x 25 practices. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(IPAS_IN_BATCH * 25)
    @Threads(2)
    public int practiceSettlementsInBatches() {
        int lines = 0;
        for (int done = 0; done < IPAS_IN_BATCH; done += IPAS_PER_SESSION) {
            for (Settlement s : service.evaluateAll(sessionContracts, sessionFacts)) {
                lines += s.lines().size();
            }
        }
        return lines;
    }

    /** The plain-Java MSSP shared-savings formula (benchmark code only) for the cost ratio. */
    @State(Scope.Benchmark)
    public static class PlainJava {
        List<BigDecimal[]> acos = new ArrayList<>();

        @Setup
        public void setUp() {
            for (int i = 0; i < 1000; i++) {
                BigDecimal benchmark = new BigDecimal(100_000_000 + i * 1000);
                acos.add(new BigDecimal[] {benchmark, benchmark.subtract(new BigDecimal(3_000_000 + i * 77)), new BigDecimal("0.9")});
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1000)
    public BigDecimal plainJavaSharedSavings(PlainJava plain) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal msr = new BigDecimal("0.022");
        for (BigDecimal[] aco : plain.acos) {
            BigDecimal savings = aco[0].subtract(aco[1]);
            BigDecimal rate = savings.divide(aco[0], java.math.MathContext.DECIMAL128);
            if (rate.compareTo(msr) >= 0) {
                BigDecimal shared = savings.multiply(new BigDecimal("0.50").multiply(aco[2])).multiply(new BigDecimal("0.98"));
                total = total.add(shared.min(aco[0].multiply(new BigDecimal("0.10"))).setScale(2, java.math.RoundingMode.HALF_EVEN));
            }
        }
        return total;
    }
}
