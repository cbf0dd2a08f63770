package org.accord.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who did what and when ({@code audit_event}, Flyway V2): appended, never changed or deleted.
 * Values are stored as sent (cut to the column's length); whoever displays them strips control
 * and bidirectional-override characters ({@link Displayed}).
 */
public final class AuditLog implements AuditTrail {

    /** The action of a refused attempt (401 or 403). */
    public static final String DENIED = "denied";

    /** One event. */
    public record Event(long sequence, Instant at, String actor, String action, String target, int status) {
    }

    private static final String INSERT = "INSERT INTO audit_event (at, actor, action, target, status) VALUES (?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void append(String actor, String action, String target, int status) {
        jdbc.sql(INSERT).params(values(actor, action, target, status)).update();
    }

    @Override
    public java.util.Optional<String> insert() {
        return java.util.Optional.of(INSERT);
    }

    @Override
    public List<Object> values(String actor, String action, String target, int status) {
        return List.of(OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC), cut(actor, 200),
                cut(action, 100), cut(target, 500), status);
    }

    /** The matching events (a null criterion matches all), newest first. */
    public List<Event> list(String actor, String action, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(actor, action, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY sequence DESC LIMIT ? OFFSET ?").params(params)
                .query((rs, row) -> new Event(rs.getLong("sequence"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getInt("status")))
                .list();
    }

    public long count(String actor, String action) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where(actor, action, params)).params(params).query(Long.class).single();
    }

    private static String where(String actor, String action, List<Object> params) {
        List<String> criteria = new ArrayList<>();
        if (actor != null) {
            criteria.add("actor = ?");
            params.add(actor);
        }
        if (action != null) {
            criteria.add("action = ?");
            params.add(action);
        }
        return criteria.isEmpty() ? "" : " WHERE " + String.join(" AND ", criteria);
    }

    private static String cut(String value, int length) {
        return value == null ? "" : value.length() <= length ? value : value.substring(0, length);
    }
}
