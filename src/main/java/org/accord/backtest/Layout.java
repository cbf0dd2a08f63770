package org.accord.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one kind of published results file becomes facts and contracts, and what is compared: read
 * from {@code backtest/layouts/*.yaml}, never written in code. A file uses a layout when its
 * header has every required column.
 *
 * @param id              the layout's id (the file name without {@code .yaml})
 * @param name            what files it reads
 * @param source          where the column names come from
 * @param performanceYear the performance year of every row
 * @param requiredColumns every column the mapping reads
 * @param key             the column that names a row
 * @param tracks          track flag columns and the template each track is settled under
 * @param ipa             the IPA's fields by column
 * @param period          the performance period's fields by column
 * @param practice        the single practice's fields by column
 * @param overrides       contract parameters set from columns, on some tracks
 * @param expected        what the results are compared with
 */
record Layout(
        String id,
        String name,
        String source,
        int performanceYear,
        List<String> requiredColumns,
        String key,
        List<Track> tracks,
        Map<String, Source> ipa,
        Map<String, Source> period,
        Map<String, Source> practice,
        List<OverrideMapping> overrides,
        Expected expected) {

    /** Fields the layout may fill, by part of the facts: the vocabulary of {@code org.accord.facts}. */
    static final Set<String> IPA_FIELDS = Set.of("id", "name");
    static final Set<String> PERIOD_FIELDS = Set.of("assignedBeneficiaries", "benchmarkExpenditure",
            "reportedQualityScore", "metQualityStandard", "lossAdjustment");
    static final Set<String> PRACTICE_FIELDS = Set.of("id", "name", "attributedMembers", "memberMonths",
            "averageRiskScore", "totalCostOfCare");
    static final Set<String> PRACTICE_FIELDS_REQUIRED = Set.of("id", "attributedMembers", "memberMonths",
            "averageRiskScore", "totalCostOfCare");

    /** Required columns the header lacks (empty when the file uses this layout). */
    List<String> missingFrom(List<String> header) {
        return requiredColumns.stream().filter(c -> !header.contains(c)).toList();
    }

    /**
     * @param track    the track's name as results report it ("1+")
     * @param flag     the column that is 1 on the track's rows
     * @param template the contract template of the track
     */
    record Track(String track, String flag, String template) {
    }

    /**
     * Where a fact's value comes from: a column (optionally negated, multiplied by a whole number,
     * or given a value for an empty cell) or a constant.
     */
    record Source(String column, boolean negate, int times, String blank, String value) {

        static Source column(String column) {
            return new Source(column, false, 1, null, null);
        }
    }

    /** A contract parameter set from a column on the listed tracks. */
    record OverrideMapping(String parameter, String column, Set<String> tracks) {
    }

    /**
     * @param amount    the column with the published settlement amount
     * @param clauses   the clauses whose payable lines add up to it
     * @param tolerance the rounding bound of the published file
     * @param findings  findings compared with columns
     */
    record Expected(String amount, List<String> clauses, Tolerance tolerance, List<FindingCheck> findings) {
    }

    /**
     * Tolerance = |savings column| x the track's sharing-rate parameter x qualityScoreHalfUnit + dollars.
     */
    record Tolerance(String savings, String sharingRateParameter, BigDecimal qualityScoreHalfUnit, BigDecimal dollars) {
    }

    /** A finding's basis number, rounded to {@code decimals}, must equal a column on the listed tracks. */
    record FindingCheck(Set<String> tracks, String rule, String basis, String column, int decimals) {
    }
}
