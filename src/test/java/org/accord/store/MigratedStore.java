package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What most store tests start from: a new database of one kind with every migration applied, and a
 * clock the test moves by hand. The stores are made anew on each call, so after {@link #reopen()}
 * they use the reopened database, as a restarted service would. Closing it closes the database.
 */
final class MigratedStore implements AutoCloseable {

    static final Instant MORNING = Instant.parse("2026-11-30T09:00:00Z");

    private final TestDatabase db;
    final SteppingClock clock;

    private MigratedStore(TestDatabase db, SteppingClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A migrated database with the clock at {@link #MORNING}. */
    static MigratedStore open(String kind, Path directory) {
        return open(kind, directory, MORNING);
    }

    /** A migrated database with the clock at {@code start}. */
    static MigratedStore open(String kind, Path directory, Instant start) {
        TestDatabase db = TestDatabase.create(kind, directory);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new MigratedStore(db, new SteppingClock(start));
    }

    JdbcClient jdbc() {
        return db.jdbc();
    }

    TransactionTemplate transactions() {
        return db.transactions();
    }

    /** Closes every connection and opens the database again, as a restarted service would. */
    void reopen() {
        db.reopen();
    }

    ContentStore content() {
        return new ContentStore(db.jdbc(), clock);
    }

    RunStore runs() {
        return new RunStore(db.jdbc(), db.transactions(), clock);
    }

    ContractStore contracts() {
        return new ContractStore(db.jdbc(), db.transactions(), clock);
    }

    /** Stores a template's text, as a run or a contract version must name one, and returns its hash. */
    String template() {
        return content().put(ContentKind.TEMPLATE, "id: mssp-basic\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        db.close();
    }
}
