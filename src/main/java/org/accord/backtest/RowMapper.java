package org.accord.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.validation.InputProblem;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps a row to facts and a contract as its layout says: values are read from their text
 * (decimals as {@code BigDecimal}), and every empty or malformed cell is reported with its line,
 * the row's key and the column. Sign changes and whole-number factors the layout declares are
 * unit conversions between the file and the facts, not clause arithmetic.
 */
final class RowMapper {

    private final Layout layout;

    RowMapper(Layout layout) {
        this.layout = layout;
    }

    /** Where a cell is, as problems name it. */
    static String where(Layout layout, long line, String key, String column) {
        String row = "line " + line + " (" + layout.key() + " " + (key == null || key.isBlank() ? "missing" : key) + ")";
        return column == null ? row : row + (column.contains(", ") ? ", columns " : ", column ") + column;
    }

    /**
     * @return the mapped row, or null when it has problems (added to {@code problems})
     */
    AcoCase map(CSVRecord record, long line, List<InputProblem> problems) {
        Row row = new Row(record, line, problems);
        int before = problems.size();
        String track = row.track();
        Map<String, Layout.Source> ipa = layout.ipa();
        Map<String, Layout.Source> period = layout.period();
        Map<String, Layout.Source> practice = layout.practice();

        PerformanceFacts facts = new PerformanceFacts(
                new PerformanceFacts.Ipa(row.text(ipa.get("id")), row.text(ipa.get("name"))),
                new PerformancePeriod(layout.performanceYear(), null, null,
                        row.decimal(period.get("benchmarkExpenditure")),
                        row.whole(period.get("assignedBeneficiaries")),
                        row.decimal(period.get("reportedQualityScore")),
                        row.flag(period.get("metQualityStandard")),
                        row.decimal(period.get("lossAdjustment"))),
                List.of(new PracticePerformance(
                        row.text(practice.get("id")),
                        row.text(practice.get("name")),
                        zeroIfNull(row.whole(practice.get("attributedMembers"))),
                        zeroIfNull(row.whole(practice.get("memberMonths"))),
                        row.decimal(practice.get("averageRiskScore")),
                        row.decimal(practice.get("totalCostOfCare")),
                        null, 0, 0, 0, 0, List.of())));

        ContractChoice contract = null;
        if (track != null) {
            contract = ContractChoice.of(layout.tracks().stream().filter(t -> t.track().equals(track)).findFirst().orElseThrow().template());
            for (Layout.OverrideMapping override : layout.overrides()) {
                if (override.tracks().contains(track)) {
                    // The template's parameter type reads the text, as it reads any override.
                    contract = contract.with(override.parameter(), row.text(Layout.Source.column(override.column())));
                }
            }
        }
        BigDecimal expectedAmount = row.decimal(Layout.Source.column(layout.expected().amount()));
        BigDecimal savings = row.decimal(Layout.Source.column(layout.expected().tolerance().savings()));
        Map<Layout.FindingCheck, BigDecimal> findings = new LinkedHashMap<>();
        for (Layout.FindingCheck check : layout.expected().findings()) {
            if (track != null && check.tracks().contains(track)) {
                findings.put(check, row.decimal(Layout.Source.column(check.column())));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new AcoCase(line, row.key, track, contract, facts, expectedAmount, savings, Map.copyOf(findings));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    /** One row's cells, reporting each problem once with its place. */
    private final class Row {

        private final CSVRecord record;
        private final long line;
        private final List<InputProblem> problems;
        private final String key;
        private final Set<String> reported = new HashSet<>();

        Row(CSVRecord record, long line, List<InputProblem> problems) {
            this.record = record;
            this.line = line;
            this.problems = problems;
            this.key = record.isSet(layout.key()) ? record.get(layout.key()).trim() : null;
        }

        /** Reports a problem once per column: a column may feed several facts. */
        private void problem(String column, String reason) {
            if (!reported.add(column)) {
                return;
            }
            problems.add(new InputProblem(where(layout, line, key, column), reason));
        }

        /** The cell's text, the layout's value for an empty cell, or null (reported) when there is none. */
        String text(Layout.Source source) {
            if (source == null) {
                return null;
            }
            if (source.value() != null) {
                return source.value();
            }
            if (!record.isSet(source.column())) {
                problem(source.column(), "the row ends before this column (it has " + record.size() + " values)");
                return null;
            }
            String cell = record.get(source.column()).trim();
            if (cell.isEmpty()) {
                if (source.blank() != null) {
                    return source.blank();
                }
                problem(source.column(), "a value is required but the cell is empty");
                return null;
            }
            return cell;
        }

        BigDecimal decimal(Layout.Source source) {
            String text = text(source);
            if (text == null) {
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                problem(source.column(), "'" + text + "' is not a number");
                return null;
            }
            value = source.negate() ? value.negate() : value;
            return source.times() == 1 ? value : value.multiply(BigDecimal.valueOf(source.times()));
        }

        Integer whole(Layout.Source source) {
            BigDecimal value = decimal(source);
            if (value == null) {
                return null;
            }
            try {
                return value.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                problem(source.column(), "'" + record.get(source.column()).trim() + "' is not a whole number");
                return null;
            }
        }

        Boolean flag(Layout.Source source) {
            String text = text(source);
            if (text == null) {
                return null;
            }
            return switch (text) {
                case "1" -> true;
                case "0" -> false;
                default -> {
                    problem(source.column(), "'" + text + "' is not a flag (0 or 1)");
                    yield null;
                }
            };
        }

        /** The row's track: exactly one flag is 1. */
        String track() {
            List<String> on = new ArrayList<>();
            for (Layout.Track track : layout.tracks()) {
                Boolean flag = flag(Layout.Source.column(track.flag()));
                if (flag == null) {
                    return null;
                }
                if (flag) {
                    on.add(track.track());
                }
            }
            if (on.size() != 1) {
                problem(String.join(", ", layout.tracks().stream().map(Layout.Track::flag).toList()),
                        "exactly one track flag must be 1, but " + (on.isEmpty() ? "none is" : on.size() + " are (tracks " + on + ")"));
                return null;
            }
            return on.get(0);
        }
    }
}
