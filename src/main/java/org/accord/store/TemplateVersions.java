package org.accord.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The text each published template version names, for good ({@code template_version}, Flyway V9): the first text recorded
 * under a template's id and version is the only one the store takes for them, whichever service on the database records
 * another, since the table's key is the id and the version. A version is recorded before its text is stored.
 */
public final class TemplateVersions {

    /** The most characters of an id or a version the store names a template by (template.schema.json says so too). */
    public static final int LONGEST = 200;

    /** A template's id and version: what runs, contract versions and reviewers name it by. */
    public record Label(String templateId, String version) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public TemplateVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The hash of the text this version names; empty when none is recorded. */
    public Optional<String> textOf(Label label) {
        return jdbc.sql("SELECT template_hash FROM template_version WHERE template_id = ? AND version = ?")
                .params(label.templateId(), label.version()).query(String.class).optional();
    }

    /**
     * Records that this version names this text, unless it names one already: of two services recording other texts under
     * one version at once, the database takes one, and the other is told which.
     *
     * @return the hash of the text the version names: {@code hash}, or the one recorded first
     */
    public String record(Label label, String hash) {
        try {
            jdbc.sql("INSERT INTO template_version (template_id, version, template_hash, recorded_at) VALUES (?, ?, ?, ?)")
                    .params(label.templateId(), label.version(), hash, OffsetDateTime.now(clock)).update();
            return hash;
        } catch (DuplicateKeyException recordedBefore) {
            return textOf(label).orElseThrow(() -> new IllegalStateException(
                    "template " + label.templateId() + " version " + label.version() + " is recorded and not found", recordedBefore));
        }
    }

    /** Every version recorded, with the hash of its text. */
    public Map<Label, String> all() {
        Map<Label, String> all = new HashMap<>();
        jdbc.sql("SELECT template_id, version, template_hash FROM template_version")
                .query(rs -> {
                    all.put(new Label(rs.getString(1), rs.getString(2)), rs.getString(3));
                });
        return all;
    }
}
