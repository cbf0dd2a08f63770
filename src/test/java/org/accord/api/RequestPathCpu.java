package org.accord.api;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.bench.AbCpu;
import java.util.Locale;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.store.NewRun;
import org.accord.store.RunsPrepared;
import org.springframework.validation.SimpleErrors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CPU of POST /api/v1/evaluations outside HTTP (issues 15, 17), part by part, on one thread:
 * reading the body with the service's mapper, the transport constraints, mapping to the domain,
 * the evaluation, the facts' hash, the explanations, the rest of the mapping to the answer's
 * transport type, writing the answer's JSON (into the thread's buffer, as the controller does), and what the
 * request thread does to store the run (the request as received, both texts compressed). The database's
 * work, the facts' canonical text (written once per distinct facts), security and Tomcat are left out.
 *
 * <p>A change under test keeps its old path behind static boolean fields while it is measured;
 * this flips them between measurements (old, new, new, old, ...) so both sides share the load and
 * the JIT's state, and prints thread CPU per request for each part. Run from the repository root
 * after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.api.RequestPathCpu
 * [<class#field>[,...] | -] [rounds] [CPU s per measurement] [CPU s of warm-up per side] [request file]}. Say the load average beside the figures.
 * With {@code -Dallocated} each round also prints the bytes each part allocates per request (the
 * thread's allocation counter): a count that holds on a loaded machine, unlike CPU time.
 */
public final class RequestPathCpu {

    private static final String[] PARTS = {"read", "constraints", "map", "evaluate", "factsHash", "explanations", "transport",
        "write", "store", "total"};

    private static final boolean ALLOCATED = System.getProperty("allocated") != null;
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RequestPathCpu() {
    }

    public static void main(String[] args) throws Exception {
        List<Field> switches = AbCpu.switches(args.length > 0 ? args[0] : "-");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        double warmSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        byte[] body = Files.readAllBytes(Path.of(args.length > 4 ? args[4] : "examples/valley-ipa-request.json"));
        EvaluationService service = EvaluationService.load();
        JsonMapper json = WebJson.mapper();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RequestPath path = new RequestPath(service, json, body);
        boolean[] sides = switches.isEmpty() ? new boolean[] {false} : new boolean[] {true, false};
        // Warm both sides before any figure is kept, and check that they answer the same bytes.
        byte[] answer = null;
        for (boolean old : sides) {
            AbCpu.set(switches, old);
            path.measure(threads, warmSeconds);
            byte[] written = path.once();
            if (answer != null && !java.util.Arrays.equals(answer, written)) {
                throw new IllegalStateException("the old and the new path answer differently");
            }
            answer = written;
        }
        if (System.getProperty("answer") != null) {
            Files.write(Path.of(System.getProperty("answer")), answer);
        }
        System.out.printf(Locale.ROOT, "answer %,d bytes; parts in us of thread CPU per request%n", answer.length);
        for (int round = 1; round <= rounds; round++) {
            boolean[] order = sides.length == 1 ? sides : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true};
            for (boolean old : order) {
                AbCpu.set(switches, old);
                double[] perPart = path.measure(threads, seconds);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-3s", round,
                        switches.isEmpty() ? "" : old ? "old" : "new"));
                for (int i = 0; i < PARTS.length; i++) {
                    line.append(String.format(Locale.ROOT, "  %s %.1f", PARTS[i], perPart[i]));
                }
                System.out.println(line);
                if (ALLOCATED) {
                    StringBuilder bytes = new StringBuilder(String.format(Locale.ROOT, "round %d %-3s", round,
                            switches.isEmpty() ? "" : old ? "old" : "new"));
                    for (int i = 0; i < PARTS.length; i++) {
                        bytes.append(String.format(Locale.ROOT, "  %s %.1f KB", PARTS[i], path.allocatedPerRequest[i] / 1024));
                    }
                    System.out.println(bytes);
                }
            }
        }
    }

    /** One request's path, timed part by part with the thread's CPU clock. */
    private static final class RequestPath {
        private final EvaluationService service;
        private final JsonMapper json;
        private final byte[] body;
        private final TransportConstraints constraints = new TransportConstraints();
        private final ThreadJsonBuffer answers = new ThreadJsonBuffer();
        private final ThreadJsonBuffer bodies = new ThreadJsonBuffer();
        /** Bytes allocated per request by each part in the last measurement (with -Dallocated). */
        double[] allocatedPerRequest = new double[PARTS.length];
        private long[] allocated;
        /** The allocation counter at each of a request's timing marks, and how many marks it passed. */
        private final long[] bytesAt = new long[PARTS.length];
        private int marks;

        RequestPath(EvaluationService service, JsonMapper json, byte[] body) {
            this.service = service;
            this.json = json;
            this.body = body;
        }

        byte[] once() {
            return run(null, null).copy();
        }

        /** CPU microseconds per request of each part, over requests until the CPU seconds given are used. */
        double[] measure(ThreadMXBean threads, double seconds) {
            long[] nanos = new long[PARTS.length];
            allocated = ALLOCATED ? new long[PARTS.length] : null;
            long allocatedAtStart = ALLOCATED ? ALLOCATION.getCurrentThreadAllocatedBytes() : 0;
            long start = threads.getCurrentThreadCpuTime();
            long until = start + (long) (seconds * 1e9);
            long requests = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                run(threads, nanos);
                requests++;
            }
            nanos[PARTS.length - 1] = threads.getCurrentThreadCpuTime() - start;
            double[] perRequest = new double[PARTS.length];
            for (int i = 0; i < PARTS.length; i++) {
                perRequest[i] = nanos[i] / 1e3 / requests;
            }
            if (allocated != null) {
                allocated[PARTS.length - 1] = ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedAtStart;
                for (int i = 0; i < PARTS.length; i++) {
                    allocatedPerRequest[i] = (double) allocated[i] / requests;
                }
                allocated = null;
            }
            return perRequest;
        }

        private ThreadJsonBuffer.Written run(ThreadMXBean threads, long[] nanos) {
            long t0 = now(threads);
            // As RequestBodyAsSent reads it: the servlet's stream into the thread's buffer, parsed from there.
            ThreadJsonBuffer.Written received;
            try {
                received = bodies.receive(new java.io.ByteArrayInputStream(body));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            EvaluationRequest request = json.readValue(received.bytes(), 0, received.length(), EvaluationRequest.class);
            boolean keptAsSent = RequestBodyAsSent.utf8(received.bytes(), received.length());
            long t1 = now(threads);
            SimpleErrors errors = new SimpleErrors(request, "evaluationRequest");
            constraints.validate(request, errors);
            if (errors.hasErrors()) {
                throw new IllegalStateException(errors.toString());
            }
            long t2 = now(threads);
            PerformanceFacts facts = Transport.facts(request.getFacts());
            ContractChoice contract = Transport.contract(request.getContract());
            long t3 = now(threads);
            Settlement settlement = service.evaluate(contract, facts);
            long t4 = now(threads);
            settlement.factsHash();
            long t5 = now(threads);
            for (SettlementLine line : settlement.findings()) {
                line.explanation();
            }
            for (SettlementLine line : settlement.lines()) {
                line.explanation();
            }
            long t6 = now(threads);
            org.accord.api.generated.model.Settlement answer = Transport.settlement(settlement);
            long t7 = now(threads);
            ThreadJsonBuffer.Written written = answers.write(json, answer);
            long t8 = now(threads);
            ThreadJsonBuffer.Written requestJson = keptAsSent ? received : StoredRuns.requestJson(json, request);
            RunsPrepared.prepare(new NewRun(StoredRuns.EVALUATION, "bench", settlement.contract().templateId(), settlement.ipaId(),
                    settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                    settlement.contract().templateHash(), requestJson.bytes(), written.bytes(), requestJson.length(), written.length()));
            long t9 = now(threads);
            if (nanos != null) {
                long[] times = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
                for (int i = 0; i < times.length - 1; i++) {
                    nanos[i] += times[i + 1] - times[i];
                }
            }
            if (allocated != null && nanos != null) {
                for (int i = 0; i < marks - 1; i++) {
                    allocated[i] += bytesAt[i + 1] - bytesAt[i];
                }
            }
            marks = 0;
            return written;
        }

        private long now(ThreadMXBean threads) {
            if (threads == null) {
                return 0;
            }
            if (allocated != null) {
                bytesAt[marks++] = ALLOCATION.getCurrentThreadAllocatedBytes();
            }
            return threads.getCurrentThreadCpuTime();
        }
    }
}
