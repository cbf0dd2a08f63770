package org.accord.store;

import java.time.Clock;
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
    JobStore jobStore(JdbcClient jdbc) {
        return new JobStore(jdbc);
    }

    /** Group commit (docs/store.md): {@code accord.store.group-commit=false} commits each run on its own. */
    @Bean(destroyMethod = "close")
    RunStore runStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock,
            @Value("${accord.store.group-commit:true}") boolean groupCommit) {
        RunStore runs = new RunStore(jdbc, transactions, clock);
        return groupCommit ? runs.groupCommits(GROUP_COMMIT_QUEUE) : runs;
    }

    /** Runs waiting for the writer at most: more than Tomcat's 200 request threads, so no request waits for room. */
    static final int GROUP_COMMIT_QUEUE = 256;
}
