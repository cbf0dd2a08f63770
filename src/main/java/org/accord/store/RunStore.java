package org.accord.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stored runs: each written whole, or not at all, and never changed or deleted afterwards. Listed
 * newest first. The request and answer are written compressed ({@link StoredText}); a run stored
 * before migration V5 has them as text, and reads the same. A run with at most one row alongside it
 * (its audit row) is one statement when the store {@linkplain #oneStatementPerRun() writes it so}
 * (PostgreSQL): one round trip to the database, committed as it ends; otherwise a transaction.
 */
public final class RunStore {

    private static final String SUMMARY_COLUMNS = "id, kind, stored_at, caller, template_id, ipa_id, performance_year, "
            + "facts_hash, terms_hash, rules_hash, template_hash";
    private static final String INSERT_RUN = "INSERT INTO run (" + SUMMARY_COLUMNS
            + ", request_compressed, result_compressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    /** When set, runs are written by one writer, several to a commit (docs/store.md, "Group commit"). */
    private volatile GroupCommit group;
    /** When set, a run and its row alongside are one INSERT with a data-modifying WITH (PostgreSQL's). */
    private volatile boolean oneStatement;

    public RunStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * From now on, saves go through one writer that commits the runs waiting together
     * ({@link GroupCommit}), each saver answered once its run is committed.
     *
     * @param capacity runs waiting at most; a saver waits for room beyond
     */
    public RunStore groupCommits(int capacity) {
        group = new GroupCommit(this, capacity);
        return this;
    }

    /**
     * From now on, a run saved with a {@link RowAlongside} is written with it in one statement,
     * {@code WITH saved_run AS (INSERT INTO run ...) INSERT INTO ...}, committed as it ends: one
     * round trip instead of a transaction's three (docs/store.md, "One statement per run"). A
     * data-modifying {@code WITH} is PostgreSQL's; H2 does not have it.
     */
    public RunStore oneStatementPerRun() {
        oneStatement = true;
        return this;
    }

    /**
     * One row written with a run (its audit row): an {@code INSERT INTO table (columns) VALUES (?, ...)}
     * of exactly one row, and its values for the run saved, in the order of its placeholders.
     */
    public record RowAlongside(String insert, Function<RunSummary, List<Object>> values) {

        /** Compiled once: a row is made per evaluation, and compiling this each time showed in its profile. */
        private static final Pattern ONE_ROW =
                Pattern.compile("INSERT INTO [a-z_]+ \\([a-z_, ]+\\) VALUES \\([?, ]+\\)");

        public RowAlongside {
            if (!ONE_ROW.matcher(insert).matches()) {
                throw new IllegalArgumentException("a row alongside a run is one INSERT INTO table (columns) VALUES (?, ...), not '"
                        + insert + "'");
            }
        }
    }

    /** What is written with a run: nothing, one row, or whatever a writer does in the run's transaction. */
    record Alongside(RowAlongside row, Consumer<RunSummary> writes) {

        static final Alongside NOTHING = new Alongside(null, null);

        /** Writes it in the transaction the calling thread has open. */
        void writeIn(JdbcClient jdbc, RunSummary saved) {
            if (row != null) {
                jdbc.sql(row.insert()).params(row.values().apply(saved)).update();
            }
            if (writes != null) {
                writes.accept(saved);
            }
        }
    }

    /** Stops the group writer, if any, once the runs waiting are written; later saves commit one by one. */
    public void close() {
        GroupCommit writer = group;
        group = null;
        if (writer != null) {
            writer.close();
        }
    }

    /** Stores a run under a new id; when this returns, the run is committed. */
    public RunSummary save(NewRun run) {
        return save(run, Alongside.NOTHING);
    }

    /**
     * Stores a run under a new id together with one row (its audit row): both are committed when
     * this returns, or neither is. Where the store writes one statement per run, they are one.
     */
    public RunSummary save(NewRun run, RowAlongside row) {
        return save(run, new Alongside(row, null));
    }

    /**
     * Stores a run under a new id together with whatever {@code alongside} writes for it (its
     * audit row) in the same transaction: both are committed when this returns, or neither is.
     */
    public RunSummary save(NewRun run, Consumer<RunSummary> alongside) {
        return save(run, new Alongside(null, alongside));
    }

    private RunSummary save(NewRun run, Alongside alongside) {
        GroupCommit writer = group;
        if (writer != null) {
            return writer.save(run, alongside);
        }
        Prepared prepared = prepare(run);
        write(prepared, alongside);
        return prepared.summary();
    }

    /**
     * Writes a prepared run and what goes with it, whole or not at all: one statement when it can
     * be (nothing alongside; or one row, where the store writes one statement per run), which the
     * database commits as it ends (or the caller's transaction, when one is open), else a transaction.
     */
    void write(Prepared prepared, Alongside alongside) {
        if (alongside.writes() == null && alongside.row() == null) {
            insert(prepared);
        } else if (alongside.writes() == null && oneStatement) {
            RowAlongside row = alongside.row();
            List<Object> params = new ArrayList<>(runValues(prepared));
            params.addAll(row.values().apply(prepared.summary()));
            jdbc.sql("WITH saved_run AS (" + INSERT_RUN + ") " + row.insert()).params(params).update();
        } else {
            transactions.executeWithoutResult(status -> {
                insert(prepared);
                alongside.writeIn(jdbc, prepared.summary());
            });
        }
    }

    /**
     * A run ready to insert: its id, its time, its request and answer compressed. Prepared on the
     * caller's thread, before any transaction, so no connection is held while the CPU works.
     */
    record Prepared(RunSummary summary, byte[] request, byte[] result) {
    }

    Prepared prepare(NewRun run) {
        // The database keeps microseconds: the instant returned is the one read back later.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String id = timeOrderedId(now).toString();
        RunSummary saved = new RunSummary(id, run.kind(), now, run.caller(), run.templateId(), run.ipaId(), run.performanceYear(),
                run.factsHash(), run.termsHash(), run.rulesHash(), run.templateHash());
        return new Prepared(saved, StoredText.compress(run.request(), run.requestLength()),
                StoredText.compress(run.result(), run.resultLength()));
    }

    /**
     * A version 7 UUID (RFC 9562): the time in milliseconds, then 74 random bits. Runs made one after
     * another sort next to each other in the primary key's index, so a commit rewrites its last
     * page, not a page picked at random among all runs' (docs/performance.md, "Storing within 2 ms").
     */
    static UUID timeOrderedId(Instant at) {
        UUID random = UUID.randomUUID();
        long millisVersionAndRandom = (at.toEpochMilli() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(millisVersionAndRandom, random.getLeastSignificantBits());
    }

    /** Inserts a prepared run in the transaction the calling thread has open (or alone, committed as it ends). */
    void insert(Prepared run) {
        jdbc.sql(INSERT_RUN).params(runValues(run)).update();
    }

    /**
     * Writes several runs and their rows alongside as one statement, committed whole or not at all
     * as it ends (a group commit's, where the store writes one statement per run): a run insert of
     * many rows, with an insert of many rows of their rows alongside.
     *
     * @return false, having written nothing, when they cannot be one statement: the store does not
     *         write so, something alongside is not a row, or the rows are not of one INSERT
     */
    boolean writeAsOneStatement(List<Prepared> prepared, List<Alongside> alongside) {
        if (!oneStatement || alongside.stream().anyMatch(a -> a.writes() != null)
                || alongside.stream().filter(a -> a.row() != null).map(a -> a.row().insert()).distinct().count() > 1) {
            return false;
        }
        List<Object> params = new ArrayList<>();
        prepared.forEach(run -> params.addAll(runValues(run)));
        StringBuilder sql = new StringBuilder(manyRows(INSERT_RUN, prepared.size()));
        List<RowAlongside> rows = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (alongside.get(i).row() != null) {
                rows.add(alongside.get(i).row());
                params.addAll(alongside.get(i).row().values().apply(prepared.get(i).summary()));
            }
        }
        if (!rows.isEmpty()) {
            sql.insert(0, "WITH saved_runs AS (").append(") ").append(manyRows(rows.get(0).insert(), rows.size()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        return true;
    }

    /** An {@code INSERT ... VALUES (?, ...)} of one row (as {@link RowAlongside} checks) made the insert of {@code rows} rows. */
    private static String manyRows(String insert, int rows) {
        String row = insert.substring(insert.lastIndexOf("VALUES (") + "VALUES ".length());
        return insert + (", " + row).repeat(rows - 1);
    }

    /** The values of {@link #INSERT_RUN}'s placeholders, in order. */
    private static List<Object> runValues(Prepared run) {
        RunSummary s = run.summary();
        return java.util.Arrays.asList(s.id(), s.kind(), OffsetDateTime.ofInstant(s.storedAt(), ZoneOffset.UTC), s.caller(),
                s.templateId(), s.ipaId(), s.performanceYear(), s.factsHash(), s.termsHash(), s.rulesHash(), s.templateHash(),
                run.request(), run.result());
    }

    TransactionOperations transactions() {
        return transactions;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    public Optional<StoredRun> find(String id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", request, result, request_compressed, result_compressed FROM run WHERE id = ?").param(id)
                .query((rs, row) -> {
                    RunSummary summary = summary(rs);
                    try {
                        return new StoredRun(summary, text(rs, "request"), text(rs, "result"));
                    } catch (StoredText.Unreadable damaged) {
                        throw new DamagedRun(summary, "run " + id + "'s stored texts no longer decompress: " + damaged.getMessage(), damaged);
                    }
                })
                .optional();
    }

    /**
     * A run whose stored request or answer no longer decompresses (a damaged row or file): its summary still reads, so
     * that who may see it is decided as for any run, and the damage is said rather than a failure left unexplained.
     */
    public static final class DamagedRun extends IllegalStateException {

        private final transient RunSummary summary;

        DamagedRun(RunSummary summary, String message, Throwable cause) {
            super(message, cause);
            this.summary = summary;
        }

        public RunSummary summary() {
            return summary;
        }
    }

    /** A document of a run in whichever form it was stored: compressed (since V5) or as text (before). */
    private static String text(ResultSet rs, String column) throws SQLException {
        byte[] compressed = rs.getBytes(column + "_compressed");
        return compressed != null ? StoredText.text(compressed) : rs.getString(column);
    }

    /** The runs matching the filter, newest first, {@code limit} of them after skipping {@code offset}. */
    public List<RunSummary> list(RunFilter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM run" + where + " ORDER BY stored_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, row) -> summary(rs))
                .list();
    }

    /** How many runs match the filter, for a paginated list. */
    public long count(RunFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM run" + where).params(params).query(Long.class).single();
    }

    /** The WHERE clause of a filter (empty when it matches everything); its values go to params. */
    private static String where(RunFilter filter, List<Object> params) {
        List<String> where = new ArrayList<>();
        criterion(where, params, "template_id = ?", filter.templateId());
        criterion(where, params, "ipa_id = ?", filter.ipaId());
        criterion(where, params, "performance_year = ?", filter.performanceYear());
        criterion(where, params, "caller = ?", filter.caller());
        criterion(where, params, "stored_at >= ?", utc(filter.storedFrom()));
        criterion(where, params, "stored_at < ?", utc(filter.storedBefore()));
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static void criterion(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            params.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getString("id"), rs.getString("kind"),
                rs.getObject("stored_at", OffsetDateTime.class).toInstant(), rs.getString("caller"),
                rs.getString("template_id"), rs.getString("ipa_id"), (Integer) rs.getObject("performance_year", Integer.class),
                rs.getString("facts_hash"), rs.getString("terms_hash"), rs.getString("rules_hash"),
                rs.getString("template_hash"));
    }
}
