package org.accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database the persistence tests run against: always an H2 file under the test's temporary
 * directory and, when {@code ACCORD_TEST_POSTGRES_URL} is set (as {@code .ci/run} does), PostgreSQL
 * in a schema of its own, new for every run, so runs never see each other's rows.
 * {@code ACCORD_TEST_POSTGRES_USER} and {@code ACCORD_TEST_POSTGRES_PASSWORD} default to
 * {@code postgres} and none. Public for the tests of other packages that run their stores on one database
 * (two services on one PostgreSQL).
 */
public final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL = "ACCORD_TEST_POSTGRES_URL";

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private HikariDataSource dataSource;
    private int poolSize = 4;

    private TestDatabase(String name, String url, String user, String password, String schema) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        open();
    }

    /** The databases to test against: H2, and PostgreSQL when configured. */
    public static List<String> configured() {
        String postgres = System.getenv(POSTGRES_URL);
        return postgres == null || postgres.isBlank() ? List.of("H2") : List.of("H2", "PostgreSQL");
    }

    /** A new, empty database: an H2 file in the directory, or a new PostgreSQL schema. */
    public static TestDatabase create(String kind, Path directory) {
        if (kind.equals("H2")) {
            return h2(directory, "");
        }
        String schema = "accord_test_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase(kind, System.getenv(POSTGRES_URL),
                System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_PASSWORD", ""), schema);
    }

    /**
     * A new, empty H2 file in the directory, opened as the service opens it with these settings
     * added ({@code ";RETENTION_TIME=0"}).
     */
    static TestDatabase h2(Path directory, String settings) {
        return new TestDatabase("H2", DataDirectory.h2Url(directory.toAbsolutePath()) + settings, "sa", "", null);
    }

    /** The same database with a pool of this many connections (the service's default is 10). */
    TestDatabase withPool(int connections) {
        dataSource.close();
        poolSize = connections;
        open();
        return this;
    }

    /** Applies the migrations, as the service does at start. */
    public MigrateResult migrate() {
        return migrate("latest");
    }

    /** Applies the migrations up to a version ({@code "4"}), as a service of that time left the database. */
    public MigrateResult migrate(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target);
        if (schema != null) {
            configuration.schemas(schema).createSchemas(true);
        }
        return configuration.load().migrate();
    }

    DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Closes every connection and opens the database again, as a restarted service would. */
    void reopen() {
        dataSource.close();
        open();
    }

    private void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        if (schema != null) {
            config.setSchema(schema);
        }
        dataSource = new HikariDataSource(config);
    }

    /** Closes the database; a PostgreSQL test schema is dropped, an H2 file goes with its directory. */
    @Override
    public void close() {
        if (schema != null) {
            jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
        dataSource.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
