package org.accord.backtest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backtest's outcome for one file. As JSON (the CLI's {@code --json}, the REST response) it is
 * the counts and the misses; the per-row outcomes are for the CSV report. Every row is one of:
 * reproduced (the amount within the file's rounding bound and every checked finding equal);
 * explained (missed, and the rules said which input they needed that the file does not publish);
 * unexplained (missed for no reason the rules can name: a difference in method).
 *
 * @param layout          the layout the file was read with
 * @param layoutHash      the SHA-256 of the layout's file (docs/hashes.md), under which a stored backtest keeps it
 * @param performanceYear the performance year of its rows
 * @param reproduced      how many rows were reproduced
 * @param explained       how many rows were missed for an input the file does not publish
 * @param unexplained     how many rows were missed otherwise
 * @param total           how many rows the file has
 * @param explainedBy     for each missing input, how many missed rows needed it
 * @param misses          every row not reproduced, explained or not, in file order
 * @param rows            every row's outcome, in file order
 */
public record BacktestResult(String layout, String layoutHash, int performanceYear, int reproduced, int explained, int unexplained, int total,
        Map<String, Integer> explainedBy, List<Miss> misses, @JsonIgnore List<Outcome> rows) {

    public BacktestResult {
        explainedBy = java.util.Collections.unmodifiableMap(new TreeMap<>(explainedBy));
        misses = List.copyOf(misses);
        rows = List.copyOf(rows);
    }

    static BacktestResult of(String layout, String layoutHash, int performanceYear, List<Outcome> rows, List<Miss> misses) {
        int explained = (int) misses.stream().filter(m -> !m.explainedBy().isEmpty()).count();
        Map<String, Integer> byInput = new TreeMap<>();
        misses.forEach(m -> m.explainedBy().forEach(input -> byInput.merge(input, 1, Integer::sum)));
        return new BacktestResult(layout, layoutHash, performanceYear, rows.size() - misses.size(), explained, misses.size() - explained,
                rows.size(), byInput, misses, rows);
    }

    /** The summary line, exactly as the command prints it. */
    public String summary() {
        return "backtest: " + reproduced + " of " + total + " ACOs reproduced within tolerance; " + explained
                + " missed for an input the file does not publish" + (explainedBy.isEmpty() ? "" : " (" + inputs() + ")")
                + "; " + unexplained + " unexplained";
    }

    /** Each missing input with its count: {@code participantRevenue 4}. */
    public String inputs() {
        return String.join(", ", explainedBy.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** Whether every miss is explained by an input the file does not publish. */
    public boolean noUnexplainedMisses() {
        return unexplained == 0;
    }

    /**
     * One row's comparison.
     *
     * @param acoId       the row's key
     * @param track       its track
     * @param expected    the published amount
     * @param computed    the sum of the settlement's lines of the compared clauses
     * @param difference  computed less expected
     * @param tolerance   the rounding bound for this row
     * @param reproduced  whether the difference is within the tolerance and every checked finding matches
     * @param explainedBy for a miss, the inputs the rules needed that the file does not publish
     */
    public record Outcome(String acoId, String track, BigDecimal expected, BigDecimal computed, BigDecimal difference,
            BigDecimal tolerance, boolean reproduced, List<String> explainedBy) {
    }

    /**
     * A row that was not reproduced, with what the engine wrote for it.
     *
     * @param acoId       the row's key
     * @param track       its track
     * @param expected    the published amount
     * @param computed    the settlement's amount
     * @param difference  computed less expected
     * @param tolerance   the rounding bound for this row
     * @param reasons     what did not match, one sentence each
     * @param explainedBy the inputs the rules needed that the file does not publish; empty for an unexplained miss
     * @param lines       the settlement's findings and lines, with their explanations
     */
    public record Miss(String acoId, String track, BigDecimal expected, BigDecimal computed, BigDecimal difference,
            BigDecimal tolerance, List<String> reasons, List<String> explainedBy, List<Line> lines) {
    }

    /**
     * A settlement line of a miss.
     *
     * @param clause      the clause
     * @param rule        the rule that wrote it
     * @param amount      the amount, or null for a finding
     * @param explanation its sentence
     */
    public record Line(String clause, String rule, BigDecimal amount, String explanation) {
    }
}
