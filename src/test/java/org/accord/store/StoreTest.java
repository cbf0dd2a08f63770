package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.content.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The store on every configured database (H2 always, PostgreSQL when ACCORD_TEST_POSTGRES_URL is
 * set): the same class, the same assertions.
 */
class StoreTest {

    private static final Instant MORNING = MigratedStore.MORNING;

    static List<String> databases() {
        return TestDatabase.configured();
    }

    /** The migrations shipped (V1, V2, ...): a fresh database gets every one of them. */
    private static final int MIGRATIONS = java.util.Objects.requireNonNull(
            new java.io.File("src/main/resources/db/migration").list((dir, name) -> name.matches("V\\d+__.*\\.sql"))).length;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static NewRun run(String ipa, int year, String caller, String templateHash) {
        return new NewRun("evaluation", caller, "mssp-basic", ipa, year, "sha256:facts-" + ipa, "sha256:terms",
                "sha256:rules", templateHash, "{\"ipa\":\"" + ipa + "\"}", "{\"lines\":[]}");
    }

    @Test
    void runIdsAreVersion7UuidsThatSortInTheOrderTheRunsWereMade() {
        String first = RunStore.timeOrderedId(MORNING).toString();
        String sameMillisecond = RunStore.timeOrderedId(MORNING).toString();
        String later = RunStore.timeOrderedId(MORNING.plusMillis(1)).toString();

        // 2026-11-30T09:00:00Z is 1,796,029,200,000 ms since 1970, 0x01a22baeb680: the first 48 bits.
        assertThat(first).startsWith("01a22bae-b680-7");
        assertThat(java.util.UUID.fromString(first)).satisfies(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(sameMillisecond).isNotEqualTo(first).startsWith("01a22bae-b680-7");
        assertThat(later).startsWith("01a22bae-b681-7").isGreaterThan(first).isGreaterThan(sameMillisecond);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsBuildTheSchemaOnceAndASecondStartAppliesNothing(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            assertThat(db.migrate().migrationsExecuted).isEqualTo(MIGRATIONS);
            db.reopen();
            assertThat(db.migrate().migrationsExecuted).isZero();
            assertThat(db.jdbc().sql("SELECT COUNT(*) FROM run").query(Long.class).single()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void contentIsStoredOnceUnderItsSha256(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            ContentStore content = store.content();
            byte[] template = utf8("id: tiny\nversion: \"1\"\n# a comment is content too — café\n");

            String hash = content.put(ContentKind.TEMPLATE, template);
            // A second store, as another process would have, finds it there and adds nothing.
            String again = store.content().put(ContentKind.TEMPLATE, template.clone());

            assertThat(hash).isEqualTo(ContentHash.of(template)).startsWith("sha256:").hasSize(71).isEqualTo(again);
            assertThat(content.get(hash)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(template));
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM content").query(Long.class).single()).isEqualTo(1);
            assertThat(content.get(ContentHash.of(utf8("never stored")))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRuleSetIsStoredUnderTheRulesHashOfDocsHashes(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            ContentStore content = store.content();
            byte[] sharing = utf8("rule \"Savings are shared\" when then end\n");
            byte[] msr = utf8("<definitions/>\n");
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("rules/quality/msr.dmn", msr);
            files.put("rules/payment/shared-savings.drl", sharing);

            String rulesHash = content.putRuleSet(files);

            // docs/hashes.md: the canonical text of {path: file hash}, paths sorted, no whitespace.
            String canonical = "{\"rules/payment/shared-savings.drl\":\"" + ContentHash.of(sharing)
                    + "\",\"rules/quality/msr.dmn\":\"" + ContentHash.of(msr) + "\"}";
            assertThat(rulesHash).isEqualTo(ContentHash.of(canonical));
            assertThat(content.putRuleSet(files)).isEqualTo(rulesHash);
            Map<String, byte[]> stored = content.ruleSet(rulesHash);
            assertThat(stored).containsOnlyKeys("rules/payment/shared-savings.drl", "rules/quality/msr.dmn");
            assertThat(stored.get("rules/payment/shared-savings.drl")).isEqualTo(sharing);
            assertThat(stored.get("rules/quality/msr.dmn")).isEqualTo(msr);
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM rule_set_file").query(Long.class).single()).isEqualTo(2);
            assertThat(content.ruleSet(ContentHash.of("no such set"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunIsReadBackWholeAfterTheDatabaseIsReopened(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory, Instant.parse("2026-11-30T09:15:30.123456789Z"))) {
            String templateHash = store.template();
            // A settlement of a large IPA: well above a megabyte, with text outside ASCII.
            String result = "{\"lines\":[" + "{\"explanation\":\"Praxis Müller receives 12.34 — café\"},".repeat(30_000)
                    + "{}]}";
            NewRun run = new NewRun("evaluation", "negotiator@valley", "mssp-basic", "valley-ipa", 2025,
                    "sha256:f", "sha256:t", "sha256:r", templateHash, "{\"contract\":{\"templateId\":\"mssp-basic\"}}", result);

            RunSummary saved = store.runs().save(run);
            store.reopen();
            StoredRun read = store.runs().find(saved.id()).orElseThrow();

            assertThat(read.summary()).isEqualTo(saved);
            // The database keeps microseconds; the nanoseconds are dropped before storing.
            assertThat(read.storedAt()).isEqualTo(Instant.parse("2026-11-30T09:15:30.123456Z"));
            assertThat(read.summary()).extracting(RunSummary::caller, RunSummary::ipaId, RunSummary::performanceYear,
                    RunSummary::templateHash).containsExactly("negotiator@valley", "valley-ipa", 2025, templateHash);
            assertThat(read.request()).isEqualTo(new String(run.request(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(read.result()).isEqualTo(result);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunGivenAsTheStartOfLargerBuffersKeepsOnlyThatText(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            String request = "{\"ipa\":\"valley\"}";
            String result = "{\"lines\":[" + "{\"explanation\":\"Praxis Müller receives 12.34 — café\"},".repeat(500) + "{}]}";
            // A request thread's buffers, still holding an older, longer text after this one.
            byte[] requestBuffer = utf8(request + "{\"older\":\"request\"}");
            byte[] resultBuffer = utf8(result + "{\"older\":\"answer\"}".repeat(50));
            NewRun run = new NewRun("evaluation", "ann", "mssp-basic", "valley", 2025, "sha256:f", "sha256:t", "sha256:r",
                    store.template(), requestBuffer, resultBuffer, utf8(request).length, utf8(result).length);

            StoredRun read = store.runs().find(store.runs().save(run).id()).orElseThrow();

            assertThat(read.request()).isEqualTo(request);
            assertThat(read.result()).isEqualTo(result);
            assertThatThrownBy(() -> new NewRun("evaluation", "ann", null, null, null, null, null, null, null,
                    requestBuffer, resultBuffer, requestBuffer.length + 1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunIsStoredCompressedAndReadBackAsItsText(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            String template = store.template();
            String result = "{\"lines\":[" + "{\"explanation\":\"Praxis Müller receives 12.34 — café\"},".repeat(2_000) + "{}]}";
            NewRun run = new NewRun("evaluation", "ann", "mssp-basic", "valley", 2025, "sha256:f", "sha256:t", "sha256:r",
                    template, "{\"ipa\":\"valley\"}", result);

            RunSummary saved = store.runs().save(run);

            // Only the compressed form is written: a zstd frame (RFC 8878, magic 28 b5 2f fd) of the UTF-8 text.
            var row = store.jdbc().sql("SELECT request, result, request_compressed, result_compressed FROM run WHERE id = ?")
                    .param(saved.id())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)}).single();
            assertThat(row[0]).isNull();
            assertThat(row[1]).isNull();
            byte[] resultCompressed = (byte[]) row[3];
            assertThat(resultCompressed).startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd);
            // 2,000 times the same line: far smaller than its text.
            assertThat(resultCompressed.length).isLessThan(utf8(result).length / 20);
            // Any zstd reader gives the text back: the frame holds its size.
            long size = com.github.luben.zstd.Zstd.getFrameContentSize(resultCompressed);
            assertThat(size).isEqualTo(utf8(result).length);
            assertThat(new String(com.github.luben.zstd.Zstd.decompress(resultCompressed, (int) size), StandardCharsets.UTF_8))
                    .isEqualTo(result);
            StoredRun read = store.runs().find(saved.id()).orElseThrow();
            assertThat(read.request()).isEqualTo(new String(run.request(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(read.result()).isEqualTo(result);

            // A row cannot hold a document in both forms, nor in neither.
            assertThatThrownBy(() -> store.jdbc().sql("INSERT INTO run (id, kind, stored_at, caller, request, result, result_compressed) "
                    + "VALUES ('both', 'evaluation', ?, 'ann', '{}', '{}', ?)")
                    .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), resultCompressed).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> store.jdbc().sql("INSERT INTO run (id, kind, stored_at, caller, request) "
                    + "VALUES ('neither', 'evaluation', ?, 'ann', '{}')")
                    .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC)).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunStoredAsTextBeforeCompressionReadsTheSameAfterTheMigration(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            // A database as the service left it before V5, with a run stored as text then.
            db.migrate("4");
            db.jdbc().sql("INSERT INTO run (id, kind, stored_at, caller, ipa_id, request, result) "
                    + "VALUES ('old-run', 'evaluation', ?, 'ann', 'valley', ?, ?)")
                    .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), "{\"ipa\":\"valley\"}",
                            "{\"explanation\":\"café\"}")
                    .update();

            assertThat(db.migrate().migrationsExecuted).isEqualTo(MIGRATIONS - 4);
            RunStore runs = new RunStore(db.jdbc(), db.transactions(), new SteppingClock(MORNING));
            StoredRun read = runs.find("old-run").orElseThrow();

            assertThat(read.request()).isEqualTo("{\"ipa\":\"valley\"}");
            assertThat(read.result()).isEqualTo("{\"explanation\":\"café\"}");
            assertThat(read.summary().ipaId()).isEqualTo("valley");
            assertThat(runs.list(RunFilter.all(), 10, 0)).extracting(RunSummary::id).containsExactly("old-run");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunStoredAsGzipUnderV5ReadsTheSameAfterItsColumnsAreRenamed(String kind, @TempDir Path directory) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            // A database as V5 left it, with a run stored then: gzip in request_gzip and result_gzip.
            db.migrate("5");
            String request = "{\"ipa\":\"valley\"}";
            String result = "{\"lines\":[" + "{\"explanation\":\"Praxis Müller receives 12.34 — café\"},".repeat(500) + "{}]}";
            db.jdbc().sql("INSERT INTO run (id, kind, stored_at, caller, ipa_id, request_gzip, result_gzip) "
                    + "VALUES ('gzip-run', 'evaluation', ?, 'ann', 'valley', ?, ?)")
                    .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), StoredTextTest.asV5Stored(request),
                            StoredTextTest.asV5Stored(result))
                    .update();

            assertThat(db.migrate().migrationsExecuted).isEqualTo(MIGRATIONS - 5);
            RunStore runs = new RunStore(db.jdbc(), db.transactions(), new SteppingClock(MORNING));
            StoredRun read = runs.find("gzip-run").orElseThrow();

            assertThat(read.request()).isEqualTo(request);
            assertThat(read.result()).isEqualTo(result);
            // A run stored now sits beside it, zstd, and reads back too.
            RunSummary fresh = runs.save(run("hill", 2025, "bob", null));
            assertThat(runs.find(fresh.id()).orElseThrow().request()).isEqualTo("{\"ipa\":\"hill\"}");
            assertThat(runs.list(RunFilter.all(), 10, 0)).extracting(RunSummary::id).containsExactlyInAnyOrder("gzip-run", fresh.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunThatCannotBeStoredLeavesNothingBehind(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            RunStore runs = store.runs();

            // The template it names was never stored: the database refuses the run.
            assertThatThrownBy(() -> runs.save(run("valley-ipa", 2025, "anonymous", ContentHash.of("missing"))))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(runs.count(RunFilter.all())).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunIsStoredTogetherWithWhatIsWrittenAlongsideItOrNotAtAll(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            RunStore runs = store.runs();
            String template = store.template();

            // What is written alongside (an evaluation's audit row) fails: the run is rolled back with it.
            assertThatThrownBy(() -> runs.save(run("valley", 2025, "ann", template), saved -> {
                store.jdbc().sql("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, 'ann', 'evaluate', ?, 200)")
                        .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), saved.id()).update();
                throw new IllegalStateException("the audit row could not be written");
            })).hasMessageContaining("audit row");
            assertThat(runs.count(RunFilter.all())).isZero();
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isZero();

            // Both written: both are there.
            RunSummary saved = runs.save(run("valley", 2025, "ann", template), run -> store.jdbc()
                    .sql("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, 'ann', 'evaluate', ?, 200)")
                    .params(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), run.id()).update());
            assertThat(runs.find(saved.id())).isPresent();
            assertThat(store.jdbc().sql("SELECT target FROM audit_event").query(String.class).list()).containsExactly(saved.id());
        }
    }

    /** An audit row written alongside a run: its values name the run, or fail when {@code status} is null. */
    private static RunStore.RowAlongside auditRow(Integer status) {
        return new RunStore.RowAlongside("INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)",
                saved -> java.util.Arrays.asList(java.time.OffsetDateTime.ofInstant(MORNING, java.time.ZoneOffset.UTC), "ann",
                        "evaluate", saved.id(), status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunAndItsRowAlongsideAreOneStatementOnPostgresqlAndStoredTogetherOrNotAtAll(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            CountingTransactions transactions = new CountingTransactions(store.transactions());
            RunStore runs = new RunStore(store.jdbc(), transactions, store.clock);
            boolean postgres = kind.equals("PostgreSQL");
            if (postgres) {
                runs.oneStatementPerRun();
            }
            String template = store.template();

            // The audit row breaks a NOT NULL: the database refuses it, and the run with it.
            assertThatThrownBy(() -> runs.save(run("valley", 2025, "ann", template), auditRow(null)))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(runs.count(RunFilter.all())).isZero();
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isZero();

            RunSummary saved;
            try (ProtocolSyncs syncs = new ProtocolSyncs()) {
                saved = runs.save(run("valley", 2025, "ann", template), auditRow(200));
                if (postgres) {
                    // One Sync, so one round trip: the statement, committed as it ended.
                    assertThat(syncs.count()).isEqualTo(1);
                }
            }
            assertThat(runs.find(saved.id())).get().satisfies(read -> {
                assertThat(read.summary()).isEqualTo(saved);
                assertThat(read.request()).isEqualTo("{\"ipa\":\"valley\"}");
                assertThat(read.result()).isEqualTo("{\"lines\":[]}");
            });
            assertThat(store.jdbc().sql("SELECT target FROM audit_event").query(String.class).list()).containsExactly(saved.id());
            // On PostgreSQL both rows were one statement, committed as it ended; on H2, a transaction each try.
            assertThat(transactions.begun).hasValue(postgres ? 0 : 2);

            // A run with nothing alongside is one statement on either database.
            runs.save(run("hill", 2025, "ann", template));
            assertThat(transactions.begun).hasValue(postgres ? 0 : 2);
            assertThat(runs.count(RunFilter.all())).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsAreListedNewestFirstByFilterAndPage(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            RunStore runs = store.runs();
            String template = store.template();
            // Five runs an hour apart, 09:00 to 13:00.
            List<RunSummary> saved = new java.util.ArrayList<>();
            for (NewRun run : List.of(run("valley", 2024, "ann", template), run("valley", 2025, "ann", template),
                    run("hill", 2025, "bob", template), run("valley", 2025, "bob", template),
                    run("hill", 2024, "ann", template))) {
                saved.add(runs.save(run));
                store.clock.advance(Duration.ofHours(1));
            }

            assertThat(runs.list(RunFilter.all(), 10, 0)).extracting(RunSummary::id)
                    .containsExactly(saved.get(4).id(), saved.get(3).id(), saved.get(2).id(), saved.get(1).id(), saved.get(0).id());
            assertThat(runs.list(RunFilter.all(), 2, 2)).containsExactly(saved.get(2), saved.get(1));
            assertThat(runs.count(RunFilter.all())).isEqualTo(5);

            RunFilter valley2025 = new RunFilter(null, "valley", 2025, null, null, null);
            assertThat(runs.list(valley2025, 10, 0)).containsExactly(saved.get(3), saved.get(1));
            assertThat(runs.count(valley2025)).isEqualTo(2);
            assertThat(runs.list(new RunFilter(null, null, null, "bob", null, null), 10, 0))
                    .containsExactly(saved.get(3), saved.get(2));
            assertThat(runs.list(new RunFilter("mssp-basic", "hill", null, "ann", null, null), 10, 0))
                    .containsExactly(saved.get(4));
            assertThat(runs.list(new RunFilter("commercial-global-budget", null, null, null, null, null), 10, 0)).isEmpty();
            // From 10:00 inclusive to 12:00 exclusive: the runs of 10:00 and 11:00.
            assertThat(runs.list(new RunFilter(null, null, null, null, MORNING.plus(Duration.ofHours(1)),
                    MORNING.plus(Duration.ofHours(3))), 10, 0)).containsExactly(saved.get(2), saved.get(1));
        }
    }
}
