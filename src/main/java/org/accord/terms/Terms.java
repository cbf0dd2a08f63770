package org.accord.terms;

import java.util.List;
import java.util.Map;

/**
 * The resolved, immutable terms of one contract for one performance year: a template's declared
 * values with the evaluation's overrides applied. The hash covers everything the rules read.
 *
 * @param templateId      the template
 * @param templateVersion its version
 * @param templateHash    SHA-256 of the template file
 * @param performanceYear the year whose values were taken
 * @param clauses         the clauses in template order
 * @param overrides       the overrides that were applied, by parameter name (sorted)
 * @param hash            SHA-256 of the canonical terms
 * @param decisionTables  decision tables the template replaces: the name the rules consult each
 *                        under to the SHA-256 of the uploaded table answering instead (in the
 *                        canonical terms when there are any)
 */
public record Terms(
        String templateId,
        String templateVersion,
        String templateHash,
        int performanceYear,
        List<ClauseTerms> clauses,
        Map<String, Object> overrides,
        String hash,
        Map<String, String> decisionTables) {

    public Terms {
        decisionTables = decisionTables == null ? Map.of() : Map.copyOf(decisionTables);
    }

    /** Terms of a template that replaces no decision table. */
    public Terms(String templateId, String templateVersion, String templateHash, int performanceYear,
            List<ClauseTerms> clauses, Map<String, Object> overrides, String hash) {
        this(templateId, templateVersion, templateHash, performanceYear, clauses, overrides, hash, Map.of());
    }
}
