package org.accord.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one kind of published results file becomes facts and contracts, and what is compared: read
 * from a layout file ({@code backtest/layouts/*.yaml}, or a user's folder), never written in code.
 * A file may use a layout when its header has every required column; {@code layouts/README.md}
 * documents every key.
 *
 * @param id                 the layout's id (the file name without {@code .yaml})
 * @param name               what files it reads
 * @param source             where the column names come from
 * @param performanceYear    the performance year of every row
 * @param yearColumn         a column that holds the performance year on every row, or null
 * @param requiredColumns    every column the mapping reads
 * @param key                the column that names a row
 * @param thousandsSeparator the character that groups digits in numbers ({@code ,}), or null
 * @param columns            how particular columns are written, by column
 * @param trackColumn        the column naming each row's track, or null when each track has a flag column
 * @param tracks             the tracks and the template each is settled under
 * @param ipa                the IPA's fields by column
 * @param period             the performance period's fields by column
 * @param practice           the single practice's fields by column
 * @param overrides          contract parameters set from columns or constants, on some tracks
 * @param expected           what the results are compared with
 * @param file               the layout file's bytes as read, stored under their hash with a backtest's run
 */
record Layout(
        String id,
        String name,
        String source,
        int performanceYear,
        String yearColumn,
        List<String> requiredColumns,
        String key,
        String thousandsSeparator,
        Map<String, Column> columns,
        String trackColumn,
        List<Track> tracks,
        Map<String, Source> ipa,
        Map<String, Source> period,
        Map<String, Source> practice,
        List<OverrideMapping> overrides,
        Expected expected,
        byte[] file) {

    /** Fields the layout may fill in the IPA and its single practice (the period's come from its record). */
    static final Set<String> IPA_FIELDS = Set.of("id", "name");
    static final Set<String> PRACTICE_FIELDS = Set.of("id", "name", "attributedMembers", "memberMonths",
            "averageRiskScore", "totalCostOfCare");
    static final Set<String> PRACTICE_FIELDS_REQUIRED = Set.of("id", "attributedMembers", "memberMonths",
            "averageRiskScore", "totalCostOfCare");

    /** Required columns the header lacks (empty when the file may use this layout). */
    List<String> missingFrom(List<String> header) {
        return requiredColumns.stream().filter(c -> !header.contains(c)).toList();
    }

    /** How a column is written: its default is a plain number (or text where text is read). */
    Column column(String name) {
        return columns.getOrDefault(name, Column.PLAIN);
    }

    /** The column or columns that decide a row's track, as problems name them. */
    String trackColumns() {
        return trackColumn != null ? trackColumn : String.join(", ", tracks.stream().map(Track::flag).toList());
    }

    /** How a number is written in a column. */
    enum Format {
        /** A plain number: {@code 0.9084}, {@code -474368}. */
        NUMBER,
        /** A percentage, with or without its sign: {@code 2.35%} and {@code 91.81} are 0.0235 and 0.9181. */
        PERCENT,
        /** A date, written as the column's pattern says. */
        DATE
    }

    /**
     * @param format       how numbers (or dates) are written
     * @param datePattern  the pattern of a date column ({@code M/d/yyyy}), else null
     * @param placeholders cells that stand for a value, with their declared meaning
     * @param categories   for a column of words, the value each word stands for (any other word is an error), or empty
     */
    record Column(Format format, String datePattern, Map<String, Placeholder> placeholders, Map<String, String> categories) {

        static final Column PLAIN = new Column(Format.NUMBER, null, Map.of(), Map.of());
    }

    /** A cell that stands for a value ({@code P4R}: pay for reporting, a quality score of 1). */
    record Placeholder(String value, String means) {
    }

    /**
     * @param track    the track's name as results report it ("1+", "EN")
     * @param flag     the column that is 1 on the track's rows, or null when the layout has a track column
     * @param template the contract template of the track
     */
    record Track(String track, String flag, String template) {
    }

    /**
     * Where a fact's value comes from: a column (optionally negated, multiplied by a whole number,
     * or given a value for an empty cell), a constant, or the truth of a condition (a flag).
     */
    record Source(String column, boolean negate, int times, String blank, String value, Condition when) {

        static Source column(String column) {
            return new Source(column, false, 1, null, null, null);
        }
    }

    /** A test on one cell: its text is one of some words, or its number is in or out of a list, or above a bound. */
    record Condition(String column, Operator operator, List<String> operands) {

        enum Operator {
            IS("is"), IN("in"), NOT_IN("notIn"), ABOVE("above"), AT_LEAST("atLeast");

            final String word;

            Operator(String word) {
                this.word = word;
            }
        }

        @Override
        public String toString() {
            return column + " " + operator.word + " " + (operands.size() == 1 ? operands.get(0) : operands);
        }
    }

    /**
     * A contract parameter set on the listed tracks from a column, or to a constant, when the
     * condition (if any) holds.
     */
    record OverrideMapping(String parameter, String column, String value, Set<String> tracks, Condition when) {
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

    /** A finding's basis number, rounded to {@code decimals}, must equal a column on the listed tracks (when the condition holds). */
    record FindingCheck(Set<String> tracks, Condition when, String rule, String basis, String column, int decimals) {
    }
}
