package org.accord.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accord.jobs.JobFilter;
import org.accord.jobs.JobRecord;
import org.accord.jobs.JobRecords;
import org.accord.jobs.JobState;
import org.accord.validation.InputProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job records in the {@code job_record} table (V4): one row per job, written when it is made and
 * rewritten as it moves on, with the time it was last written ({@code recorded_at}, V7). Times are
 * kept to the microsecond, as the databases keep them.
 */
public final class JobStore implements JobRecords {

    private static final String COLUMNS = "id, kind, caller, state, done_count, total_count, created_at, started_at, "
            + "finished_at, failure, problems, run_id";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FAILURE_LENGTH = 1000;

    private final JdbcClient jdbc;

    public JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void created(JobRecord job) {
        jdbc.sql("INSERT INTO job_record (" + COLUMNS + ", recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(job.id(), job.kind(), job.caller(), word(job.state()), job.done(), job.total(), utc(job.createdAt()),
                        utc(job.startedAt()), utc(job.finishedAt()), failure(job.failure()), problems(job.problems()), job.runId(),
                        utc(job.createdAt()))
                .update();
    }

    @Override
    public void changed(JobRecord job, Instant at) {
        int rows = jdbc.sql("UPDATE job_record SET state = ?, done_count = ?, total_count = ?, started_at = ?, finished_at = ?, "
                        + "failure = ?, problems = ?, run_id = ?, recorded_at = ? WHERE id = ?")
                .params(word(job.state()), job.done(), job.total(), utc(job.startedAt()), utc(job.finishedAt()),
                        failure(job.failure()), problems(job.problems()), job.runId(), utc(at), job.id())
                .update();
        if (rows != 1) {
            throw new IllegalStateException("no record of job " + job.id() + " to change");
        }
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_record WHERE id = ?").param(id).query((rs, row) -> record(rs)).optional();
    }

    @Override
    public List<JobRecord> list(JobFilter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM job_record" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, row) -> record(rs)).list();
    }

    @Override
    public long count(JobFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM job_record" + where).params(params).query(Long.class).single();
    }

    /** The WHERE clause of a filter (empty when it matches everything); its values go to params. */
    private static String where(JobFilter filter, List<Object> params) {
        List<String> where = new ArrayList<>();
        if (filter.caller() != null) {
            where.add("caller = ?");
            params.add(filter.caller());
        }
        if (!filter.states().isEmpty()) {
            // In the enum's order, so that the same filter is the same statement.
            List<String> words = filter.states().stream().sorted().map(JobStore::word).toList();
            where.add("state IN (" + String.join(", ", words.stream().map(w -> "?").toList()) + ")");
            params.addAll(words);
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    @Override
    public int failUnfinished(String reason) {
        // A row written before V7 has no recorded_at: its start, or its making, is the last time it is known alive.
        return jdbc.sql("UPDATE job_record SET state = 'failed', failure = ?, finished_at = COALESCE(recorded_at, started_at, created_at)"
                        + " WHERE state IN ('queued', 'running')")
                .params(failure(reason)).update();
    }

    private static JobRecord record(ResultSet rs) throws SQLException {
        String problems = rs.getString("problems");
        return new JobRecord(rs.getString("id"), rs.getString("kind"), rs.getString("caller"),
                JobState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getLong("done_count"), rs.getLong("total_count"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("failure"),
                problems == null ? List.of() : JSON.readValue(problems, new TypeReference<List<InputProblem>>() {
                }), rs.getString("run_id"));
    }

    private static String word(JobState state) {
        return state.word();
    }

    /** A failure's reason as it fits the column; reasons are sentences, far shorter. */
    private static String failure(String reason) {
        return reason == null || reason.length() <= FAILURE_LENGTH ? reason : reason.substring(0, FAILURE_LENGTH);
    }

    private static String problems(List<InputProblem> problems) {
        return problems.isEmpty() ? null : JSON.writeValueAsString(problems);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
