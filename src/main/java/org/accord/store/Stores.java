package org.accord.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stores of the service's database, opened without the service (the command line): the
 * database {@code SPRING_DATASOURCE_URL} names (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code _PASSWORD}), else the H2 file of the data directory, readable while the service runs
 * (docs/store.md). Nothing is migrated: only a database the service made is opened.
 */
public record Stores(ContentStore content, ContractStore contracts, FactsStore facts, RunStore runs) {

    /** The stores of the database, or empty when the data directory holds none yet (and no URL names one). */
    public static Optional<Stores> open(Path dataDirectory) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        DataSource dataSource;
        if (url == null || url.isBlank()) {
            if (!Files.exists(dataDirectory.resolve("accord.mv.db"))) {
                return Optional.empty();
            }
            // No user, as the service opens it (Spring Boot names none for an H2 file).
            dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDirectory));
        } else {
            dataSource = new DriverManagerDataSource(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Clock clock = Clock.systemUTC();
        ContentStore content = new ContentStore(jdbc, clock);
        return Optional.of(new Stores(content, new ContractStore(jdbc, transactions, clock), new FactsStore(jdbc, content, clock),
                new RunStore(jdbc, transactions, clock)));
    }
}
