package org.accord.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Performance years imported once under their facts hash: the document as it was read (decimals
 * keep their scale) beside the canonical text stored as content. The first import of a hash wins;
 * importing the same facts again, however written, adds nothing.
 */
public final class FactsStore {

    private final JdbcClient jdbc;
    private final ContentStore content;
    private final Clock clock;

    public FactsStore(JdbcClient jdbc, ContentStore content, Clock clock) {
        this.jdbc = jdbc;
        this.content = content;
        this.clock = clock;
    }

    /**
     * Stores the canonical text as content and the document beside it, once.
     *
     * @param canonicalText the facts' canonical text, whose hash is their id
     * @param document      the facts as the API writes them
     * @return the facts' id, their hash
     */
    public String put(byte[] canonicalText, String ipaId, int performanceYear, String document, String storedBy) {
        String hash = content.put(ContentKind.FACTS, canonicalText);
        boolean present = jdbc.sql("SELECT COUNT(*) FROM stored_facts WHERE facts_hash = ?").param(hash)
                .query(Long.class).single() > 0;
        if (!present) {
            try {
                jdbc.sql("INSERT INTO stored_facts (facts_hash, ipa_id, performance_year, document, stored_at, stored_by)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(hash, ipaId, performanceYear, document, OffsetDateTime.now(clock), storedBy).update();
            } catch (DuplicateKeyException importedMeanwhile) {
                // The same facts imported by another caller at the same moment: theirs is kept.
            }
        }
        return hash;
    }

    /** The document imported under the hash; empty when the facts came only with a run, or not at all. */
    public Optional<String> document(String factsHash) {
        return jdbc.sql("SELECT document FROM stored_facts WHERE facts_hash = ?").param(factsHash).query(String.class).optional();
    }
}
