package org.accord.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys made through the API, in the database ({@code api_key}, Flyway V2): made with a name,
 * roles and an expiry, listed, revoked; never deleted. A lookup by hash is remembered for a few
 * seconds so authenticating does not query the database on every request; making or revoking a
 * key here forgets what was remembered at once (another instance of the service sees a
 * revocation within {@link #REMEMBERED}).
 */
public final class StoredApiKeys implements ApiKeys {

    static final long REMEMBERED_NANOS = 5_000_000_000L;
    /** How long another instance may still accept a key revoked elsewhere. */
    public static final String REMEMBERED = "5 seconds";

    /** A key's record: everything but the key and its hash. */
    public record KeyRecord(String id, String name, Set<Role> roles, Instant expires, Instant createdAt, String createdBy,
            Instant revokedAt, String revokedBy) {
    }

    /** A new key, shown once, and its record. */
    public record CreatedKey(String key, KeyRecord record) {
    }

    private record Remembered(Optional<ApiKey> key, long until) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The configuration's keys' names: a caller is named by its key's name, so a key made here may not take one. */
    private final Set<String> configuredNames;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public StoredApiKeys(JdbcClient jdbc, Clock clock, Set<String> configuredNames) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configuredNames = Set.copyOf(configuredNames);
    }

    @Override
    public Optional<ApiKey> bySha256(String sha256) {
        long now = System.nanoTime();
        Remembered known = remembered.get(sha256);
        if (known != null && now - known.until() < 0) {
            return known.key();
        }
        if (remembered.size() > 10_000) {
            remembered.clear(); // unknown keys sent at random must not fill the memory
        }
        Optional<ApiKey> key = jdbc.sql("SELECT name, sha256, roles, expires_at FROM api_key WHERE sha256 = ? AND revoked_at IS NULL")
                .param(sha256)
                .query((rs, row) -> new ApiKey(rs.getString("name"), rs.getString("sha256"), roles(rs.getString("roles")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
        remembered.put(sha256, new Remembered(key, now + REMEMBERED_NANOS));
        return key;
    }

    /** Makes a key; the answer holds the only copy of it. A name already taken, here or by a configured key, is refused. */
    public CreatedKey create(String name, Set<Role> roles, Instant expires, String createdBy) {
        if (configuredNames.contains(name)
                || jdbc.sql("SELECT COUNT(*) FROM api_key WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw new IllegalArgumentException("a key named '" + name + "' exists already");
        }
        String key = Secrets.newApiKey();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiry = expires.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("INSERT INTO api_key (id, name, sha256, roles, expires_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, name, Secrets.sha256(key), names(roles), utc(expiry), utc(now), createdBy)
                .update();
        remembered.clear();
        return new CreatedKey(key, new KeyRecord(id, name, EnumSet.copyOf(roles), expiry, now, createdBy, null, null));
    }

    /** Every key made here, newest first. */
    public List<KeyRecord> list() {
        return jdbc.sql("SELECT * FROM api_key ORDER BY created_at DESC, id DESC").query((rs, row) -> record(rs)).list();
    }

    /** Revokes the key (once: a revoked key keeps its first revocation); empty when there is no such key. */
    public Optional<KeyRecord> revoke(String id, String revokedBy) {
        jdbc.sql("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), revokedBy, id)
                .update();
        remembered.clear();
        return jdbc.sql("SELECT * FROM api_key WHERE id = ?").param(id).query((rs, row) -> record(rs)).optional();
    }

    private static KeyRecord record(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new KeyRecord(rs.getString("id"), rs.getString("name"), roles(rs.getString("roles")),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static Set<Role> roles(String names) {
        return Arrays.stream(names.split(",")).map(Role::named).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(role -> role.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
