package org.accord.api;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.store.DataDirectory;
import org.springframework.boot.SpringApplication;

/**
 * Thread CPU of one evaluation of the 25-practice example (issue 15), on 1 to N threads at once,
 * and, with {@code -Dcontext=service}, inside the service's own Spring context (no HTTP): what the
 * service's JVM and its concurrency add to the engine's own cost, which
 * {@code accord_evaluations_cpu_seconds} shows for evaluations served over HTTP.
 * Run from the repository root after {@code mvn test-compile}:
 * {@code java [-Dcontext=service] [-Dcopies=N] -cp "target/test-classes:target/classes:$(cat target/bench.classpath)"
 * org.accord.api.EvaluationThreadsCpu [threads,...] [seconds per measurement] [rounds] [warm-up seconds]}.
 * Threads are started afresh for each measurement; say the load average beside the figures.
 */
public final class EvaluationThreadsCpu {

    private EvaluationThreadsCpu() {
    }

    public static void main(String[] args) throws Exception {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2,16").split(",")).mapToInt(Integer::parseInt).toArray();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double warmUpSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 60;
        EvaluationService service = "service".equals(System.getProperty("context")) ? inServiceContext() : EvaluationService.load();
        // With -Dcopies=N the evaluations take turns over N copies of the request read apart (equal
        // content, other objects), as requests arriving over HTTP are: nothing is found by identity.
        byte[] body = Files.readAllBytes(Path.of("examples/valley-ipa-request.json"));
        int copies = Integer.getInteger("copies", 1);
        PerformanceFacts[] facts = new PerformanceFacts[copies];
        ContractChoice[] contracts = new ContractChoice[copies];
        for (int i = 0; i < copies; i++) {
            EvaluationRequest request = WebJson.mapper().readValue(body, EvaluationRequest.class);
            facts[i] = Transport.facts(request.getFacts());
            contracts[i] = Transport.contract(request.getContract());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long warmUntil = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        for (int i = 0; System.nanoTime() < warmUntil; i = (i + 1) % copies) {
            service.evaluate(contracts[i], facts[i]);
        }
        for (int round = 1; round <= rounds; round++) {
            for (int count : threadCounts) {
                AtomicLong cpu = new AtomicLong();
                AtomicLong evaluations = new AtomicLong();
                long stopAt = System.nanoTime() + (long) (seconds * 1e9);
                Thread[] running = new Thread[count];
                for (int i = 0; i < count; i++) {
                    running[i] = new Thread(() -> {
                        long start = threads.getCurrentThreadCpuTime();
                        long done = 0;
                        while (System.nanoTime() < stopAt) {
                            int turn = (int) (done % copies);
                            service.evaluate(contracts[turn], facts[turn]);
                            done++;
                        }
                        cpu.addAndGet(threads.getCurrentThreadCpuTime() - start);
                        evaluations.addAndGet(done);
                    });
                    running[i].start();
                }
                for (Thread thread : running) {
                    thread.join();
                }
                System.out.printf(Locale.ROOT, "round %d, %2d threads: %.3f ms of thread CPU per evaluation, %.0f evaluations/s, load average %s%n",
                        round, count, cpu.get() / 1e6 / evaluations.get(), evaluations.get() / seconds,
                        Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        }
        System.exit(0);
    }

    /** The service's context started as the service starts it (port chosen freely), and its evaluation service. */
    private static EvaluationService inServiceContext() {
        SpringApplication application = new SpringApplication(AccordService.class);
        application.setDefaultProperties(DataDirectory.defaultProperties());
        return application.run("--server.port=0").getBean(EvaluationService.class);
    }
}
