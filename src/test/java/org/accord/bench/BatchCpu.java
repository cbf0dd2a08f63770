package org.accord.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/**
 * Thread CPU time per settlement of batches of 200 IPAs (the 25-practice example, one session per
 * batch, as SettlementBenchmark's batch), one thread, for three contracts: mssp-basic (the batch
 * benchmark's), commercial-global-budget (quality gates scored per measure and practice), and the
 * same with a floor of 2% and a cap of 6% that bind (the floor-and-cap solver's every step). Each
 * runs until its thread has used the warm-up CPU seconds, then is measured for as many again.
 * Run from the repository root after `mvn test-compile`, one JVM per side to compare:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.bench.BatchCpu [warm s] [measured s]}
 * Say the load average beside the figures.
 */
public final class BatchCpu {
    public static void main(String[] args) throws Exception {
        double warm = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        double measured = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        EvaluationService service = EvaluationService.load();
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        List<PerformanceFacts> facts = Collections.nCopies(200, valley);
        List<ContractChoice> contracts = List.of(ContractChoice.of("mssp-basic"), ContractChoice.of("commercial-global-budget"),
                ContractChoice.of("commercial-global-budget").with("practiceFloorShare", "0.02").with("practiceCapShare", "0.06"));
        List<String> names = List.of("mssp-basic", "commercial-global-budget", "commercial-global-budget floor 2% cap 6%");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int c = 0; c < contracts.size(); c++) {
            List<ContractChoice> batch = Collections.nCopies(200, contracts.get(c));
            for (boolean measuring : new boolean[] {false, true}) {
                long start = threads.getCurrentThreadCpuTime();
                long until = start + (long) ((measuring ? measured : warm) * 1e9);
                long settled = 0;
                while (threads.getCurrentThreadCpuTime() < until) {
                    settled += service.evaluateAll(batch, facts).size();
                }
                if (measuring) {
                    double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / settled;
                    System.out.printf("%s: %.0f us CPU per IPA of 25 practices (%d IPAs)%n", names.get(c), micros, settled);
                }
            }
        }
    }
}
