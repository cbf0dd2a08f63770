package org.accord.replay;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.ContractStore;
import org.accord.store.FactsStore;
import org.accord.store.RunSummary;
import org.accord.store.StoredRun;
import org.accord.terms.TemplateCatalog;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: what replaying the 25-practice example's run costs, call by call, from a cold JVM
 * (issue 16: at most 50 ms with the rule base cached). The run is built in memory as the service
 * stores it, so only the replay is timed: read the request, evaluate with the stored template, write
 * the answer and compare it with the stored one. Prints wall and thread CPU for the first calls and
 * medians of later blocks. Run from the repository root after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.replay.ReplayCpu [calls]}
 */
public final class ReplayCpu {

    private ReplayCpu() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-cpu-");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(org.accord.store.DataDirectory.h2Url(dir.toAbsolutePath()));
        config.setUsername("sa");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            Clock clock = Clock.systemUTC();
            ContentStore content = new ContentStore(jdbc, clock);
            TemplateCatalog.shippedTexts().values().forEach(bytes -> content.put(ContentKind.TEMPLATE, bytes));
            EvaluationService service = EvaluationService.load();
            Settlement settlement = service.evaluate(ContractChoice.of("mssp-basic"), Json.readFacts(Path.of("examples/valley-ipa.json")));
            String request = Files.readString(Path.of("examples/valley-ipa-request.json"));
            StoredRun run = new StoredRun(new RunSummary("replay-cpu", "evaluation", Instant.now(), "bench", "mssp-basic",
                    settlement.ipaId(), settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(),
                    settlement.rulesHash(), settlement.contract().templateHash()), request, Replay.answer(settlement).toString());
            Replay replay = new Replay(service, content, new ContractStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)), clock),
                    new FactsStore(jdbc, content, clock));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] wall = new double[calls];
            double[] cpu = new double[calls];
            for (int i = 0; i < calls; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                Replay.Result result = replay.replay(run, Replay.Rules.STORED);
                wall[i] = (System.nanoTime() - w0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                if (!result.identical()) {
                    throw new IllegalStateException("replay " + i + " differs: " + result.differences());
                }
            }
            System.out.printf("first 5 wall ms %s%n", Arrays.toString(Arrays.copyOf(wall, 5)));
            for (int from = 0; from < calls; from = from < 50 ? from + 10 : from * 2) {
                int to = Math.min(calls, from < 50 ? from + 10 : from * 2);
                System.out.printf("calls %4d-%4d: wall median %.2f ms, thread CPU median %.2f ms, wall max %.2f ms%n", from + 1, to,
                        median(wall, from, to), median(cpu, from, to), Arrays.stream(wall, from, to).max().orElse(0));
            }
            System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part[part.length / 2];
    }
}
