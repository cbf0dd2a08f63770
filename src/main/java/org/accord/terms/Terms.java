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
 * @param measureDirections whether a higher or a lower rate of each measure is better, as the template's text
 *                        records it (in the canonical terms when it records any); empty when it records none
 */
public record Terms(
        String templateId,
        String templateVersion,
        String templateHash,
        int performanceYear,
        List<ClauseTerms> clauses,
        Map<String, Object> overrides,
        String hash,
        Map<String, String> decisionTables,
        Map<String, String> measureDirections) {

    public Terms {
        decisionTables = decisionTables == null ? Map.of() : Map.copyOf(decisionTables);
        measureDirections = measureDirections == null ? Map.of() : Map.copyOf(measureDirections);
    }

    /** Terms of a template whose text records no measure directions. */
    public Terms(String templateId, String templateVersion, String templateHash, int performanceYear,
            List<ClauseTerms> clauses, Map<String, Object> overrides, String hash, Map<String, String> decisionTables) {
        this(templateId, templateVersion, templateHash, performanceYear, clauses, overrides, hash, decisionTables, Map.of());
    }

    /**
     * Whether a higher or a lower rate of the measure is better under these terms: as the template's text records it
     * (higher-is-better for a measure it does not name), or, for a text that records none (stored before templates
     * carried them), as such texts were settled ({@link MeasureCatalogue#BEFORE_TEMPLATES_CARRIED_THEM}). Never
     * the catalogue served now, so a replay reads what the run read.
     */
    public String measureDirection(String measureId) {
        return MeasureCatalogue.direction(measureDirections.isEmpty() ? MeasureCatalogue.BEFORE_TEMPLATES_CARRIED_THEM : measureDirections,
                measureId);
    }

    /** Terms of a template that replaces no decision table. */
    public Terms(String templateId, String templateVersion, String templateHash, int performanceYear,
            List<ClauseTerms> clauses, Map<String, Object> overrides, String hash) {
        this(templateId, templateVersion, templateHash, performanceYear, clauses, overrides, hash, Map.of());
    }
}
