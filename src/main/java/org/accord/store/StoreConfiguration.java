package org.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The store's beans over the data source Spring Boot configures (and Flyway migrates) from
 * {@code spring.datasource.*}: the H2 file of {@link DataDirectory} unless another is named.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    Clock storeClock() {
        return Clock.systemUTC();
    }

    @Bean
    ContentStore contentStore(JdbcClient jdbc, Clock clock) {
        return new ContentStore(jdbc, clock);
    }

    @Bean
    ContractStore contractStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        return new ContractStore(jdbc, transactions, clock);
    }

    @Bean
    FactsStore factsStore(JdbcClient jdbc, ContentStore content, Clock clock) {
        return new FactsStore(jdbc, content, clock);
    }

    @Bean
    TemplateVersions templateVersions(JdbcClient jdbc, Clock clock) {
        return new TemplateVersions(jdbc, clock);
    }

    @Bean
    JobStore jobStore(JdbcClient jdbc) {
        return new JobStore(jdbc);
    }

    /**
     * Group commit (docs/store.md, "Group commit"): {@code accord.store.group-commit} {@code auto}
     * (the default) groups commits on H2, where it measured faster, and not on PostgreSQL, which
     * already flushes concurrent commits together and where one writer measured slower;
     * {@code true} or {@code false} decide whatever the database. On PostgreSQL a run not grouped
     * is one statement with its audit row (docs/store.md, "One statement per run").
     */
    @Bean(destroyMethod = "close")
    RunStore runStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock, DataSource dataSource,
            @Value("${accord.store.group-commit:auto}") String groupCommit) {
        String database = databaseName(dataSource);
        // zstd's native code is unpacked and loaded here, at start, not in the first stored run's request (23-33 ms).
        StoredText.compress(new byte[0]);
        RunStore runs = new RunStore(jdbc, transactions, clock);
        if (database.equals("PostgreSQL")) {
            runs.oneStatementPerRun();
        }
        boolean grouped = switch (groupCommit) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> database.equals("H2");
            default -> throw new IllegalArgumentException("accord.store.group-commit is auto, true or false, not '" + groupCommit + "'");
        };
        return grouped ? runs.groupCommits(GROUP_COMMIT_QUEUE) : runs;
    }

    private static String databaseName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database the store is", e);
        }
    }

    /** Runs waiting for the writer at most: more than Tomcat's 200 request threads, so no request waits for room. */
    static final int GROUP_COMMIT_QUEUE = 256;
}
