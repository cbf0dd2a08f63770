package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit on every configured database: the runs waiting together are committed in one
 * transaction with their audit rows, each saver answered after that commit; a run that fails the
 * shared transaction fails alone, and nothing of it is stored.
 */
class GroupCommitTest {

    private static final Instant MORNING = Instant.parse("2026-11-30T09:00:00Z");

    /** Savers on threads of their own (the common pool may have one thread on two cores). */
    private static final java.util.concurrent.ExecutorService SAVERS = java.util.concurrent.Executors.newCachedThreadPool();

    static List<String> databases() {
        return TestDatabase.configured();
    }

    private static NewRun run(String ipa) {
        return new NewRun("evaluation", "integrator", "mssp-basic", ipa, 2025, "sha256:facts-" + ipa, "sha256:terms",
                "sha256:rules", null, "{\"ipa\":\"" + ipa + "\"}", "{\"ipa\":\"" + ipa + "\",\"lines\":[]}");
    }

    private static Consumer<RunSummary> auditRow(JdbcClient jdbc) {
        return saved -> jdbc.sql("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC), "integrator", "evaluate",
                        "/api/v1/evaluations/" + saved.id(), 200)
                .update();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static long auditRowsNaming(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target = ?").param("/api/v1/evaluations/" + id)
                .query(Long.class).single();
    }

    /** Waits (at most a minute) until the writer has this many runs queued behind the one it is writing. */
    private static void awaitQueued(GroupCommit group, int runs) throws InterruptedException {
        for (int i = 0; i < 6000 && group.waiting() < runs; i++) {
            Thread.sleep(10);
        }
        assertThat(group.waiting()).isEqualTo(runs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theRunsWaitingTogetherAreCommittedInOneTransactionEachWithItsAuditRow(String kind, @TempDir Path directory)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            JdbcClient jdbc = db.jdbc();
            CountingTransactions transactions = new CountingTransactions(db.transactions());
            RunStore runs = new RunStore(jdbc, transactions, new SteppingClock(MORNING));
            CountDownLatch release = new CountDownLatch(1);
            try (GroupCommit group = new GroupCommit(runs, 16)) {
                // The first run holds the writer in its transaction while five more arrive.
                CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> group.save(run("ipa-0"),
                        auditRow(jdbc).andThen(saved -> await(release))), SAVERS);
                List<CompletableFuture<RunSummary>> later = new ArrayList<>();
                awaitWriterBusy(transactions);
                for (int i = 1; i <= 5; i++) {
                    NewRun next = run("ipa-" + i);
                    later.add(CompletableFuture.supplyAsync(() -> group.save(next, auditRow(jdbc)), SAVERS));
                }
                awaitQueued(group, 5);
                assertThat(later).noneMatch(CompletableFuture::isDone);
                release.countDown();

                List<RunSummary> saved = new ArrayList<>();
                saved.add(first.get(1, TimeUnit.MINUTES));
                for (CompletableFuture<RunSummary> f : later) {
                    saved.add(f.get(1, TimeUnit.MINUTES));
                }
                // One transaction for the first run, one for the five that waited together.
                assertThat(transactions.begun).hasValue(2);
                assertThat(count(jdbc, "run")).isEqualTo(6);
                assertThat(count(jdbc, "audit_event")).isEqualTo(6);
                for (RunSummary run : saved) {
                    assertThat(runs.find(run.id())).hasValueSatisfying(stored -> {
                        assertThat(stored.request()).isEqualTo("{\"ipa\":\"" + run.ipaId() + "\"}");
                        assertThat(stored.result()).isEqualTo("{\"ipa\":\"" + run.ipaId() + "\",\"lines\":[]}");
                    });
                    assertThat(auditRowsNaming(jdbc, run.id())).isEqualTo(1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunThatFailsTheSharedTransactionFailsAloneAndTheOthersAreCommitted(String kind, @TempDir Path directory)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            JdbcClient jdbc = db.jdbc();
            CountingTransactions transactions = new CountingTransactions(db.transactions());
            RunStore runs = new RunStore(jdbc, transactions, new SteppingClock(MORNING));
            CountDownLatch release = new CountDownLatch(1);
            try (GroupCommit group = new GroupCommit(runs, 16)) {
                CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> group.save(run("ipa-0"),
                        auditRow(jdbc).andThen(saved -> await(release))), SAVERS);
                awaitWriterBusy(transactions);
                CompletableFuture<RunSummary> before = CompletableFuture.supplyAsync(() -> group.save(run("ipa-1"), auditRow(jdbc)), SAVERS);
                awaitQueued(group, 1);
                // Its audit row is written, then its alongside fails: the shared transaction rolls back.
                CompletableFuture<RunSummary> failing = CompletableFuture.supplyAsync(() -> group.save(run("ipa-2"),
                        auditRow(jdbc).andThen(saved -> {
                            throw new IllegalStateException("the audit log refused the row");
                        })), SAVERS);
                awaitQueued(group, 2);
                CompletableFuture<RunSummary> after = CompletableFuture.supplyAsync(() -> group.save(run("ipa-3"), auditRow(jdbc)), SAVERS);
                awaitQueued(group, 3);
                release.countDown();

                RunSummary zero = first.get(1, TimeUnit.MINUTES);
                RunSummary one = before.get(1, TimeUnit.MINUTES);
                RunSummary three = after.get(1, TimeUnit.MINUTES);
                assertThat(failing).failsWithin(1, TimeUnit.MINUTES).withThrowableThat()
                        .havingRootCause().isInstanceOf(IllegalStateException.class).withMessage("the audit log refused the row");
                // The first alone; the three together, rolled back; then each of the three alone.
                assertThat(transactions.begun).hasValue(5);
                assertThat(count(jdbc, "run")).isEqualTo(3);
                assertThat(count(jdbc, "audit_event")).isEqualTo(3);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM run WHERE ipa_id = 'ipa-2'").query(Long.class).single()).isZero();
                for (RunSummary run : List.of(zero, one, three)) {
                    assertThat(runs.find(run.id())).isPresent();
                    assertThat(auditRowsNaming(jdbc, run.id())).isEqualTo(1);
                }
            }
        }
    }

    /** An audit row as the service hands it to the store, failing the database's NOT NULL when status is null. */
    private static RunStore.Alongside auditRowAlongside(Integer status) {
        return new RunStore.Alongside(new RunStore.RowAlongside("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)",
                saved -> java.util.Arrays.asList(OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC), "integrator", "evaluate",
                        "/api/v1/evaluations/" + saved.id(), status)), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onPostgresqlTheRunsWaitingTogetherAndTheirRowsAreOneStatementAndARunThatFailsItFailsAlone(String kind,
            @TempDir Path directory) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            JdbcClient jdbc = db.jdbc();
            CountingTransactions transactions = new CountingTransactions(db.transactions());
            RunStore runs = new RunStore(jdbc, transactions, new SteppingClock(MORNING));
            boolean postgres = kind.equals("PostgreSQL");
            if (postgres) {
                runs.oneStatementPerRun();
            }
            CountDownLatch release = new CountDownLatch(1);
            try (GroupCommit group = new GroupCommit(runs, 16)) {
                // The first run (written in a transaction: what goes with it is not a row) holds the writer.
                CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> group.save(run("ipa-0"),
                        auditRow(jdbc).andThen(saved -> await(release))), SAVERS);
                awaitWriterBusy(transactions);
                CompletableFuture<RunSummary> one = CompletableFuture.supplyAsync(() -> group.save(run("ipa-1"), auditRowAlongside(200)), SAVERS);
                awaitQueued(group, 1);
                CompletableFuture<RunSummary> failing = CompletableFuture.supplyAsync(() -> group.save(run("ipa-2"), auditRowAlongside(null)),
                        SAVERS);
                awaitQueued(group, 2);
                CompletableFuture<RunSummary> three = CompletableFuture.supplyAsync(() -> group.save(run("ipa-3"), auditRowAlongside(200)), SAVERS);
                awaitQueued(group, 3);
                release.countDown();

                List<RunSummary> saved = List.of(first.get(1, TimeUnit.MINUTES), one.get(1, TimeUnit.MINUTES), three.get(1, TimeUnit.MINUTES));
                assertThat(failing).failsWithin(1, TimeUnit.MINUTES).withThrowableThat()
                        .havingRootCause().isInstanceOf(java.sql.SQLException.class);
                // PostgreSQL: the first's transaction; the three as one statement, refused whole; each alone, a statement.
                // H2: the first's transaction; the three's, rolled back; each alone in a transaction.
                assertThat(transactions.begun).hasValue(postgres ? 1 : 5);
                assertThat(count(jdbc, "run")).isEqualTo(3);
                assertThat(count(jdbc, "audit_event")).isEqualTo(3);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM run WHERE ipa_id = 'ipa-2'").query(Long.class).single()).isZero();
                for (RunSummary run : saved) {
                    assertThat(runs.find(run.id())).hasValueSatisfying(stored -> {
                        assertThat(stored.summary()).isEqualTo(run);
                        assertThat(stored.request()).isEqualTo("{\"ipa\":\"" + run.ipaId() + "\"}");
                        assertThat(stored.result()).isEqualTo("{\"ipa\":\"" + run.ipaId() + "\",\"lines\":[]}");
                    });
                    assertThat(auditRowsNaming(jdbc, run.id())).isEqualTo(1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunStoreThatGroupsCommitsSavesThroughItsWriterAndAfterClosingOneByOne(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            CountingTransactions transactions = new CountingTransactions(db.transactions());
            RunStore runs = new RunStore(db.jdbc(), transactions, new SteppingClock(MORNING)).groupCommits(4);
            RunSummary grouped = runs.save(run("ipa-a"));
            runs.close();
            // With something alongside, so that it is a transaction of its own (a run alone is one statement, none).
            RunSummary alone = runs.save(run("ipa-b"), saved -> {
            });
            assertThat(transactions.begun).hasValue(2);
            assertThat(runs.find(grouped.id())).isPresent();
            assertThat(runs.find(alone.id())).isPresent();
        }
    }

    private static void awaitWriterBusy(CountingTransactions transactions) throws InterruptedException {
        for (int i = 0; i < 6000 && transactions.begun.get() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(transactions.begun).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
