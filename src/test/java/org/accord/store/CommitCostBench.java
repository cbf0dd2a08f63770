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
 * Not a test: what one run's insert and commit cost on H2 files set up in different ways
 * (docs/performance.md, "Storing within 2 ms"), in one JVM, interleaved round by round: the
 * saving thread's CPU, the process's CPU (H2's own threads included), wall p50/p99/max and the
 * file's growth per run. The run is the 25-practice example's, compressed before the clock starts.
 *
 * <p>{@code java -cp ... org.accord.store.CommitCostBench [runs before] [rounds] [saves a round] [variant...]}
 * where a variant is {@code name|url settings|SQL;SQL}; a name starting {@code v4} saves under random
 * (version 4) ids instead of the store's own.
 */
public final class CommitCostBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Variant(String name, Path file, JdbcClient jdbc, RunStore runs, Consumer<RunSummary> audit, HikariDataSource pool,
            List<double[]> rounds) {
    }

    private CommitCostBench() {
    }

    private static RunStore.Prepared prepare(String variant, RunStore runs, NewRun run) {
        RunStore.Prepared prepared = runs.prepare(run);
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
            Path base = dir.resolve(parts[0]).resolve("accord");
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0" + parts[1]);
            config.setUsername("sa");
            config.setMaximumPoolSize(2);
            HikariDataSource pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
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
            Consumer<RunSummary> audit = saved -> jdbc
                    .sql("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)")
                    .params(OffsetDateTime.now(clock), "bench", "evaluate", "/api/v1/evaluations/" + saved.id(), 200).update();
            for (int i = 0; i < before; i++) {
                RunStore.Prepared one = prepare(parts[0], runs, run);
                runs.transactions().executeWithoutResult(status -> {
                    runs.insert(one);
                    audit.accept(one.summary());
                });
            }
            variants.add(new Variant(parts[0], Path.of(base + ".mv.db"), jdbc, runs, audit, pool, new ArrayList<>()));
        }
        RunStore.Prepared[] prepared = new RunStore.Prepared[saves];
        for (int round = 1; round <= rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get((v + round) % variants.size());
                for (int i = 0; i < saves; i++) {
                    prepared[i] = prepare(variant.name(), variant.runs(), run);
                }
                long[] wall = new long[saves];
                long size = Files.size(variant.file());
                long process = OS.getProcessCpuTime();
                long thread = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < saves; i++) {
                    RunStore.Prepared one = prepared[i];
                    long t0 = System.nanoTime();
                    variant.runs().transactions().executeWithoutResult(status -> {
                        variant.runs().insert(one);
                        variant.audit().accept(one.summary());
                    });
                    wall[i] = System.nanoTime() - t0;
                }
                double threadMs = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6 / saves;
                double processMs = (OS.getProcessCpuTime() - process) / 1e6 / saves;
                double grownKb = (Files.size(variant.file()) - size) / 1024.0 / saves;
                Arrays.sort(wall);
                System.out.printf("round %d %-14s thread CPU %.3f ms  process CPU %.3f ms  wall p50 %.2f p99 %.2f max %.2f ms  file +%.1f KB a run  load %s%n",
                        round, variant.name(), threadMs, processMs, wall[saves / 2] / 1e6, wall[(int) (saves * 0.99)] / 1e6,
                        wall[saves - 1] / 1e6, grownKb, Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
            }
        }
        variants.forEach(v -> v.pool().close());
    }
}
