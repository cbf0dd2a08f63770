package org.accord.backtest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

/**
 * A backtest's outcome. As JSON (the CLI's {@code --json}, the REST response) it is the summary
 * and the misses; the per-row outcomes are for the CSV report.
 *
 * @param reproduced how many rows were reproduced: amount within tolerance and every checked finding equal
 * @param total      how many rows the file has
 * @param misses     every row not reproduced, in file order
 * @param rows       every row's outcome, in file order
 */
public record BacktestResult(int reproduced, int total, List<Miss> misses, @JsonIgnore List<Outcome> rows) {

    public BacktestResult {
        misses = List.copyOf(misses);
        rows = List.copyOf(rows);
    }

    /** The summary line, exactly as the command prints it. */
    public String summary() {
        return "backtest: " + reproduced + " of " + total + " ACOs reproduced within tolerance";
    }

    public boolean allReproduced() {
        return reproduced == total;
    }

    /**
     * One row's comparison.
     *
     * @param acoId      the row's key
     * @param track      its track
     * @param expected   the published amount
     * @param computed   the sum of the settlement's lines of the compared clauses
     * @param difference computed less expected
     * @param tolerance  the rounding bound for this row
     * @param reproduced whether the difference is within the tolerance and every checked finding matches
     */
    public record Outcome(String acoId, String track, BigDecimal expected, BigDecimal computed, BigDecimal difference,
            BigDecimal tolerance, boolean reproduced) {
    }

    /**
     * A row that was not reproduced, with what the engine wrote for it.
     *
     * @param acoId      the row's key
     * @param track      its track
     * @param expected   the published amount
     * @param computed   the settlement's amount
     * @param difference computed less expected
     * @param tolerance  the rounding bound for this row
     * @param reasons    what did not match, one sentence each
     * @param lines      the settlement's findings and lines, with their explanations
     */
    public record Miss(String acoId, String track, BigDecimal expected, BigDecimal computed, BigDecimal difference,
            BigDecimal tolerance, List<String> reasons, List<Line> lines) {
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
