package org.accord.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.content.Canonical;
import org.accord.content.ContentHash;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Content stored once under its SHA-256 (docs/store.md): rule files, templates, layouts, the
 * canonical text of facts. Each write is its own statement, outside any run's transaction: content
 * is immutable and idempotent, so a run's transaction only ever refers to content already there,
 * and two callers storing the same new content at once cannot abort each other's run.
 */
public final class ContentStore {

    /** Hashes known to be stored, so a busy service does not ask the database again each run. */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private static final int HASHES_REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ContentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the bytes (once) and returns their hash. */
    public String put(ContentKind kind, byte[] bytes) {
        String hash = ContentHash.of(bytes);
        if (stored.contains(hash)) {
            return hash;
        }
        boolean present = jdbc.sql("SELECT COUNT(*) FROM content WHERE hash = ?").param(hash)
                .query(Long.class).single() > 0;
        if (!present) {
            try {
                jdbc.sql("INSERT INTO content (hash, kind, bytes, stored_at) VALUES (?, ?, ?, ?)")
                        .params(hash, kind.label(), bytes, OffsetDateTime.now(clock)).update();
            } catch (DuplicateKeyException storedMeanwhile) {
                // Another caller stored the same bytes between the check and the insert.
            }
        }
        remember(hash);
        return hash;
    }

    /**
     * Stores content whose hash the caller already knows (a settlement's facts hash), writing its
     * bytes only when that hash is not known to be stored.
     *
     * @throws IllegalStateException when the bytes written do not hash to the hash given
     */
    public String put(ContentKind kind, String hash, java.util.function.Supplier<byte[]> bytes) {
        if (stored.contains(hash)) {
            return hash;
        }
        String written = put(kind, bytes.get());
        if (!written.equals(hash)) {
            throw new IllegalStateException("content stored under " + written + " was expected to hash to " + hash);
        }
        return hash;
    }

    /**
     * Stores a rule set: each file under its own hash and the set's (path, hash) pairs under the
     * rule set's hash (docs/hashes.md), which it returns.
     *
     * @param files file bytes by path relative to the repository root ({@code rules/...})
     */
    public String putRuleSet(Map<String, byte[]> files) {
        Map<String, String> fileHashes = new TreeMap<>();
        files.forEach((path, bytes) -> fileHashes.put(path, put(ContentKind.RULE_FILE, bytes)));
        String rulesHash = Canonical.hash(fileHashes);
        if (stored.contains(rulesHash)) {
            return rulesHash;
        }
        boolean present = jdbc.sql("SELECT COUNT(*) FROM rule_set_file WHERE rules_hash = ?").param(rulesHash)
                .query(Long.class).single() > 0;
        if (!present) {
            try {
                jdbc.sql("INSERT INTO rule_set_file (rules_hash, path, file_hash) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(fileHashes.size(), "(?, ?, ?)")))
                        .params(fileHashes.entrySet().stream()
                                .flatMap(e -> java.util.stream.Stream.of(rulesHash, e.getKey(), e.getValue())).toList())
                        .update();
            } catch (DuplicateKeyException storedMeanwhile) {
                // The same rule set was stored by another caller at the same moment: one statement
                // inserts all its files or none, so it is whole.
            }
        }
        remember(rulesHash);
        return rulesHash;
    }

    public Optional<byte[]> get(String hash) {
        return jdbc.sql("SELECT bytes FROM content WHERE hash = ?").param(hash).query(byte[].class).optional();
    }

    /** Stored content of one kind: a facts id that names a template is not facts. */
    public Optional<byte[]> get(String hash, ContentKind kind) {
        return jdbc.sql("SELECT bytes FROM content WHERE hash = ? AND kind = ?").params(hash, kind.label())
                .query(byte[].class).optional();
    }

    /** The files of a stored rule set by path ({@code rules/...}); empty when the set is unknown. */
    public Map<String, byte[]> ruleSet(String rulesHash) {
        Map<String, byte[]> files = new TreeMap<>();
        jdbc.sql("SELECT f.path, c.bytes FROM rule_set_file f JOIN content c ON c.hash = f.file_hash WHERE f.rules_hash = ?")
                .param(rulesHash)
                .query(rs -> {
                    files.put(rs.getString(1), rs.getBytes(2));
                });
        return files;
    }

    /** Every piece of content of one kind, oldest first (as stored), by hash. */
    public Map<String, byte[]> allOf(ContentKind kind) {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT hash, bytes FROM content WHERE kind = ? ORDER BY stored_at, hash").param(kind.label())
                .query(rs -> {
                    all.put(rs.getString(1), rs.getBytes(2));
                });
        return all;
    }

    private void remember(String hash) {
        if (stored.size() > HASHES_REMEMBERED) {
            stored.clear();
        }
        stored.add(hash);
    }
}
