package org.accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: what one run's insert and commit cost on H2 files or PostgreSQL set up in different
 * ways (docs/performance.md, "Storing within 2 ms", "One statement per run on PostgreSQL"), in one
 * JVM, interleaved round by round: the saving thread's CPU, the process's CPU (H2's own threads
 * included), on PostgreSQL the CPU of the server process serving the connection, wall
 * p50/p99/max and the store's growth per run. The run is the 25-practice example's with its audit
 * row, compressed before the clock starts.
 *
 * <p>{@code java -cp ... org.accord.store.CommitCostBench [runs before] [rounds] [saves a round] [variant...]}
 * where a variant is {@code name|url|SQL;SQL}: the url is a PostgreSQL JDBC URL (its
 * {@code currentSchema} created if need be; variants may share it), or else settings appended to the
 * URL of an H2 file of the variant's own. A name starting {@code one} writes the run and its audit
 * row as one statement ({@link RunStore#oneStatementPerRun()}, PostgreSQL only); any other, in a
 * transaction of two inserts, as before; a name starting {@code v4} saves under random (version 4)
 * ids instead of the store's own; a name containing {@code gzip} stores the documents as V5 did
 * (gzip, {@link GzipAsV5}) instead of zstd.
 */
public final class CommitCostBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The kernel's clock ticks a second, the unit of /proc/PID/stat's CPU times. */
    private static final double TICKS_PER_MS = 100 / 1000.0;
    private static final String AUDIT_INSERT = "INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)";

    /**
     * A way of storing: its runs, what goes alongside each, the store's size in bytes and the
     * server's CPU in ms (zero for H2, whose work is the process's own).
     */
    private record Variant(String name, RunStore runs, RunStore.Alongside alongside, LongSupplier size, LongSupplier serverCpuTicks,
            HikariDataSource pool) {
    }

    private CommitCostBench() {
    }

    private static RunStore.Prepared prepare(String variant, RunStore runs, NewRun run) {
        RunStore.Prepared prepared = runs.prepare(run);
        if (variant.contains("gzip")) {
            // As V5 stored them: gzip instead of zstd (GzipAsV5), to compare the commit of each.
            prepared = new RunStore.Prepared(prepared.summary(), GzipAsV5.compress(run.request(), run.requestLength()),
                    GzipAsV5.compress(run.result(), run.resultLength()));
        }
        if (!variant.startsWith("v4")) {
            return prepared;
        }
        // As before: a random id, inserted anywhere in the primary key's index.
        RunSummary s = prepared.summary();
        return new RunStore.Prepared(new RunSummary(java.util.UUID.randomUUID().toString(), s.kind(), s.storedAt(), s.caller(),
                s.templateId(), s.ipaId(), s.performanceYear(), s.factsHash(), s.termsHash(), s.rulesHash(), s.templateHash()),
                prepared.request(), prepared.result());
    }

    public static void main(String[] args) throws Exception {
        int before = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int saves = Integer.parseInt(args[2]);
        String request = Files.readString(Path.of("examples/valley-ipa-request.json"));
        Settlement settlement = EvaluationService.load().evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")));
        String answer = Replay.answer(settlement).toString();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "commit-bench-");
        List<Variant> variants = new ArrayList<>();
        NewRun run = null;
        for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
            String[] parts = spec.split("\\|", -1);
            boolean postgres = parts[1].startsWith("jdbc:postgresql:");
            Path base = dir.resolve(parts[0]).resolve("accord");
            HikariConfig config = new HikariConfig();
            if (postgres) {
                config.setJdbcUrl(parts[1]);
                config.setUsername("postgres");
                // One connection: the server process measured is the one that did the work.
                config.setMaximumPoolSize(1);
            } else {
                config.setJdbcUrl("jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0" + parts[1]);
                config.setUsername("sa");
                config.setMaximumPoolSize(2);
            }
            HikariDataSource pool = new HikariDataSource(config);
            var flyway = Flyway.configure().locations("classpath:db/migration");
            if (postgres) {
                // Flyway holds a second connection on PostgreSQL (its lock): it gets its own.
                String schema = parts[1].replaceAll(".*[?&]currentSchema=([a-z_0-9]+).*", "$1");
                flyway.dataSource(parts[1], "postgres", "").schemas(schema).createSchemas(true);
            } else {
                flyway.dataSource(pool);
            }
            flyway.load().migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            for (String sql : parts[2].split(";")) {
                if (!sql.isBlank()) {
                    jdbc.sql(sql).update();
                }
            }
            Clock clock = Clock.systemUTC();
            ContentStore content = new ContentStore(jdbc, clock);
            String templateHash = content.put(ContentKind.TEMPLATE, "template".getBytes());
            run = new NewRun("evaluation", "bench", "mssp-basic", settlement.ipaId(), settlement.performanceYear(),
                    settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(), templateHash, request, answer);
            RunStore runs = new RunStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)), clock);
            RunStore.Alongside alongside;
            if (parts[0].startsWith("one")) {
                runs.oneStatementPerRun();
                alongside = new RunStore.Alongside(new RunStore.RowAlongside(AUDIT_INSERT,
                        saved -> List.of(OffsetDateTime.now(clock), "bench", "evaluate", "/api/v1/evaluations/" + saved.id(), 200)), null);
            } else {
                Consumer<RunSummary> audit = saved -> jdbc.sql(AUDIT_INSERT)
                        .params(OffsetDateTime.now(clock), "bench", "evaluate", "/api/v1/evaluations/" + saved.id(), 200).update();
                alongside = new RunStore.Alongside(null, audit);
            }
            for (int i = 0; i < before; i++) {
                runs.write(prepare(parts[0], runs, run), alongside);
            }
            LongSupplier size;
            LongSupplier serverCpu;
            if (postgres) {
                int backend = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
                size = () -> jdbc.sql("SELECT pg_total_relation_size('run') + pg_total_relation_size('audit_event')").query(Long.class).single();
                serverCpu = () -> cpuTicks(backend);
            } else {
                Path file = Path.of(base + ".mv.db");
                size = () -> {
                    try {
                        return Files.size(file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                serverCpu = () -> 0;
            }
            variants.add(new Variant(parts[0], runs, alongside, size, serverCpu, pool));
        }
        RunStore.Prepared[] prepared = new RunStore.Prepared[saves];
        for (int round = 1; round <= rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get((v + round) % variants.size());
                for (int i = 0; i < saves; i++) {
                    prepared[i] = prepare(variant.name(), variant.runs(), run);
                }
                long[] wall = new long[saves];
                long size = variant.size().getAsLong();
                long server = variant.serverCpuTicks().getAsLong();
                long process = OS.getProcessCpuTime();
                long thread = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < saves; i++) {
                    long t0 = System.nanoTime();
                    variant.runs().write(prepared[i], variant.alongside());
                    wall[i] = System.nanoTime() - t0;
                }
                double threadMs = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / saves;
                double processMs = (OS.getProcessCpuTime() - process) / 1e6 / saves;
                double serverMs = (variant.serverCpuTicks().getAsLong() - server) / TICKS_PER_MS / saves;
                double grownKb = (variant.size().getAsLong() - size) / 1024.0 / saves;
                Arrays.sort(wall);
                System.out.printf("round %d %-14s thread CPU %.3f ms  process CPU %.3f ms  server CPU %.3f ms  wall p50 %.2f p99 %.2f max %.2f ms  +%.1f KB a run  load %s%n",
                        round, variant.name(), threadMs, processMs, serverMs, wall[saves / 2] / 1e6, wall[(int) (saves * 0.99)] / 1e6,
                        wall[saves - 1] / 1e6, grownKb, Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        }
        variants.forEach(v -> v.pool().close());
    }

    /** A process's user and system CPU so far, in clock ticks (/proc/PID/stat, fields 14 and 15). */
    private static long cpuTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields counted from the state (field 3): utime is field 14, stime 15.
            return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
