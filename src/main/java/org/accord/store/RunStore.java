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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stored runs: each written whole in one transaction, or not at all, and never changed or deleted
 * afterwards. Listed newest first. The request and answer are written compressed
 * ({@link StoredText}); a run stored before migration V5 has them as text, and reads the same.
 */
public final class RunStore {

    private static final String SUMMARY_COLUMNS = "id, kind, stored_at, caller, template_id, ipa_id, performance_year, "
            + "facts_hash, terms_hash, rules_hash, template_hash";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    /** When set, runs are written by one writer, several to a commit (docs/store.md, "Group commit"). */
    private volatile GroupCommit group;

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
        return save(run, saved -> {
        });
    }

    /**
     * Stores a run under a new id together with whatever {@code alongside} writes for it (its
     * audit row) in the same transaction: both are committed when this returns, or neither is.
     */
    public RunSummary save(NewRun run, Consumer<RunSummary> alongside) {
        GroupCommit writer = group;
        if (writer != null) {
            return writer.save(run, alongside);
        }
        Prepared prepared = prepare(run);
        transactions.executeWithoutResult(status -> {
            insert(prepared);
            alongside.accept(prepared.summary());
        });
        return prepared.summary();
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
        return new Prepared(saved, StoredText.compress(run.request()), StoredText.compress(run.result()));
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

    /** Inserts a prepared run in the transaction the calling thread has open. */
    void insert(Prepared run) {
        RunSummary s = run.summary();
        jdbc.sql("INSERT INTO run (" + SUMMARY_COLUMNS + ", request_gzip, result_gzip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.kind(), OffsetDateTime.ofInstant(s.storedAt(), ZoneOffset.UTC), s.caller(), s.templateId(),
                        s.ipaId(), s.performanceYear(), s.factsHash(), s.termsHash(), s.rulesHash(),
                        s.templateHash(), run.request(), run.result())
                .update();
    }

    TransactionOperations transactions() {
        return transactions;
    }

    public Optional<StoredRun> find(String id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", request, result, request_gzip, result_gzip FROM run WHERE id = ?").param(id)
                .query((rs, row) -> new StoredRun(summary(rs), text(rs, "request"), text(rs, "result")))
                .optional();
    }

    /** A document of a run in whichever form it was stored: compressed (since V5) or as text (before). */
    private static String text(ResultSet rs, String column) throws SQLException {
        byte[] compressed = rs.getBytes(column + "_gzip");
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
