package org.accord.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark of storing runs (docs/performance.md, issue 16, "Group commit"). One JVM,
 * N threads saving the run of the 25-practice example (its request and its answer as the API
 * sends it, with an audit row each) as fast as they can, one run per transaction ({@code old}) and
 * group commit ({@code group}) and, on PostgreSQL, the run and its audit row as one statement, alone
 * ({@code one}) or a group's ({@code group-one}), rotating phase by phase within each round, on an H2 file and, when
 * {@code ACCORD_TEST_POSTGRES_URL} is set, PostgreSQL. Per phase: saves/s, per-save latency p50/p99,
 * the whole process's CPU per save (the writer's and the database's own threads included), and the
 * load average. Then one thread's breakdown of a single save's thread CPU.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(cat cp) org.accord.store.SaveLatencyBench
 * [database] [seconds per phase] [rounds] [threads...]}
 */
public final class SaveLatencyBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SaveLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "H2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] threadCounts = args.length > 3 ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {8, 16};

        String request = Files.readString(Path.of("examples/valley-ipa-request.json"));
        Settlement settlement = EvaluationService.load().evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")));
        String answer = Replay.answer(settlement).toString();
        System.out.printf("run: request %d chars, answer %d chars; %s, %d s a phase, %d rounds, threads %s%n", request.length(),
                answer.length(), database, seconds, rounds, Arrays.toString(threadCounts));

        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "save-bench-");
        try (TestDatabase db = TestDatabase.create(database, dir).withPool(10)) {
            db.migrate();
            JdbcClient jdbc = db.jdbc();
            Clock clock = Clock.systemUTC();
            ContentStore content = new ContentStore(jdbc, clock);
            content.put(ContentKind.FACTS, settlement.factsHash().getBytes()); // any content: the template hash is a reference
            String templateHash = content.put(ContentKind.TEMPLATE, "template".getBytes());
            NewRun run = new NewRun("evaluation", "bench", "mssp-basic", settlement.ipaId(), settlement.performanceYear(),
                    settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(), templateHash, request, answer);
            RunStore runs = new RunStore(jdbc, db.transactions(), clock);
            Consumer<RunSummary> audit = saved -> jdbc
                    .sql("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)")
                    .params(OffsetDateTime.now(clock), "bench", "evaluate", "/api/v1/evaluations/" + saved.id(), 200).update();

            breakdown(runs, run, audit, 300);
            // On PostgreSQL, the run and its audit row as one statement, alone or a group's.
            boolean postgres = database.equals("PostgreSQL");
            RunStore oneStatement = new RunStore(jdbc, db.transactions(), clock);
            RunStore.Alongside auditRow = null;
            if (postgres) {
                oneStatement.oneStatementPerRun();
                auditRow = new RunStore.Alongside(new RunStore.RowAlongside(
                        "INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)",
                        saved -> List.of(OffsetDateTime.now(clock), "bench", "evaluate", "/api/v1/evaluations/" + saved.id(), 200)), null);
            }
            RunStore.Alongside row = auditRow;
            try (GroupCommit group = new GroupCommit(runs, 256); GroupCommit groupOne = new GroupCommit(oneStatement, 256)) {
                List<String> names = new ArrayList<>(List.of("old", "group"));
                List<Saver> savers = new ArrayList<>(List.of(() -> runs.save(run, audit), () -> group.save(run, audit)));
                if (postgres) {
                    names.addAll(List.of("one", "group-one"));
                    savers.addAll(List.of(() -> oneStatement.save(run, row.row()), () -> groupOne.save(run, row)));
                }
                for (int threads : threadCounts) {
                    for (int p = 0; p < savers.size(); p++) {
                        phase("warm-up " + names.get(p), threads, seconds, savers.get(p));
                    }
                    for (int round = 1; round <= rounds; round++) {
                        // Each round starts one path later, so each path runs in every position.
                        for (int p = 0; p < savers.size(); p++) {
                            int path = (p + round) % savers.size();
                            phase("round " + round + " " + names.get(path), threads, seconds, savers.get(path));
                        }
                    }
                }
            }
        }
    }

    private interface Saver {
        void save();
    }

    private static void phase(String name, int threads, int seconds, Saver saver) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int index = t;
            new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long t0 = System.nanoTime();
                    saver.save();
                    mine[n++] = System.nanoTime() - t0;
                }
                counts[index] = n;
                done.countDown();
            }).start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        long wall = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%-16s threads %2d  saves %6d  %7.1f saves/s  p50 %7.2f ms  p99 %7.2f ms  process CPU %5.2f ms/save  load %s%n",
                name, threads, total, total / (wall / 1e9), all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6,
                cpu / 1e6 / total, load());
    }

    /** One thread: where a single save's thread CPU goes (compressing, the statements and commit). */
    private static void breakdown(RunStore runs, NewRun run, Consumer<RunSummary> audit, int saves) {
        for (int i = 0; i < saves; i++) {
            runs.save(run, audit);
        }
        long compress = 0;
        long write = 0;
        long writeWall = 0;
        long processCpu = OS.getProcessCpuTime();
        for (int i = 0; i < saves; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            RunStore.Prepared prepared = runs.prepare(run);
            long c1 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            runs.transactions().executeWithoutResult(status -> {
                runs.insert(prepared);
                audit.accept(prepared.summary());
            });
            writeWall += System.nanoTime() - w0;
            long c2 = THREADS.getCurrentThreadCpuTime();
            compress += c1 - c0;
            write += c2 - c1;
        }
        processCpu = OS.getProcessCpuTime() - processCpu;
        System.out.printf("one thread, %d saves: thread CPU preparing (id, gzip of request and answer) %.3f ms, "
                + "inserting run and audit row and committing %.3f ms (wall %.3f ms); process CPU %.3f ms a save; load %s%n",
                saves, compress / 1e6 / saves, write / 1e6 / saves, writeWall / 1e6 / saves, processCpu / 1e6 / saves, load());
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
