package org.accord.backtest;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.validation.InputProblem;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps a row to facts and a contract as its layout says: cells are read from their text as the
 * layout declares the column written (thousands separators, percentages, placeholders, words,
 * dates), and every empty or malformed cell is reported with its line, the row's key and the
 * column. Sign changes, whole-number factors and percentages are unit conversions between the
 * file and the facts, not clause arithmetic.
 */
final class RowMapper {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Constructor<PerformancePeriod> PERIOD = periodConstructor();

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
        row.checkYear();
        String track = row.track();
        Map<String, Layout.Source> ipa = layout.ipa();
        Map<String, Layout.Source> practice = layout.practice();

        PerformanceFacts facts = new PerformanceFacts(
                new PerformanceFacts.Ipa(row.text(ipa.get("id")), row.text(ipa.get("name"))),
                row.period(),
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
                if (override.tracks().contains(track) && row.holds(override.when())) {
                    // The template's parameter type reads the value, as it reads any override.
                    String value = override.value() != null ? override.value() : row.overrideValue(override.column());
                    if (value != null) {
                        contract = contract.with(override.parameter(), value);
                    }
                }
            }
        }
        BigDecimal expectedAmount = row.decimal(Layout.Source.column(layout.expected().amount()));
        BigDecimal savings = row.decimal(Layout.Source.column(layout.expected().tolerance().savings()));
        Map<Layout.FindingCheck, BigDecimal> findings = new LinkedHashMap<>();
        for (Layout.FindingCheck check : layout.expected().findings()) {
            if (track != null && check.tracks().contains(track) && row.holds(check.when())) {
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

    @SuppressWarnings("unchecked")
    private static Constructor<PerformancePeriod> periodConstructor() {
        Class<?>[] types = java.util.Arrays.stream(PerformancePeriod.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return PerformancePeriod.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record has its canonical constructor", e);
        }
    }

    /** A value's text, and whether the layout gave it (a constant, placeholder, category or condition) rather than the cell. */
    private record Value(String text, boolean given) {
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

        /** The cell's text, trimmed, or null (reported) when the row ends before the column. */
        private String cell(String column) {
            if (!record.isSet(column)) {
                problem(column, "the row ends before this column (it has " + record.size() + " values)");
                return null;
            }
            return record.get(column).trim();
        }

        /** The value's text (see {@link #value}), or null. */
        String text(Layout.Source source) {
            Value value = value(source);
            return value == null ? null : value.text();
        }

        /**
         * The value: a constant, the truth of a condition ("1" or "0"), or the cell as the column
         * declares it (a placeholder's value, a word's category); null (reported) when a cell is
         * empty without a meaning declared for it. Values the layout gives are already in the
         * fact's terms: no column format applies to them.
         */
        private Value value(Layout.Source source) {
            if (source == null) {
                return null;
            }
            if (source.value() != null) {
                return new Value(source.value(), true);
            }
            if (source.when() != null) {
                Boolean holds = test(source.when());
                return holds == null ? null : new Value(holds ? "1" : "0", true);
            }
            String cell = cell(source.column());
            if (cell == null) {
                return null;
            }
            Layout.Column column = layout.column(source.column());
            if (cell.isEmpty() && source.blank() != null) {
                return new Value(source.blank(), true);
            }
            Layout.Placeholder placeholder = column.placeholders().get(cell);
            if (placeholder != null) {
                return new Value(placeholder.value(), true);
            }
            if (cell.isEmpty()) {
                problem(source.column(), "a value is required but the cell is empty");
                return null;
            }
            if (!column.categories().isEmpty()) {
                String category = column.categories().get(cell);
                if (category == null) {
                    problem(source.column(), "'" + cell + "' is not one of " + column.categories().keySet());
                    return null;
                }
                return new Value(category, true);
            }
            return new Value(cell, false);
        }

        BigDecimal decimal(Layout.Source source) {
            Value text = value(source);
            if (text == null) {
                return null;
            }
            BigDecimal value = number(text.text(), text.given() ? Layout.Column.PLAIN : layout.column(source.column()), source.column());
            if (value == null) {
                return null;
            }
            value = source.negate() ? value.negate() : value;
            return source.times() == 1 ? value : value.multiply(BigDecimal.valueOf(source.times()));
        }

        /** A number as the column writes it: digits grouped by the layout's separator, a percentage with or without its sign. */
        private BigDecimal number(String text, Layout.Column column, String columnName) {
            String digits = layout.thousandsSeparator() == null ? text : text.replace(layout.thousandsSeparator(), "");
            boolean percentSign = digits.endsWith("%");
            if (percentSign) {
                digits = digits.substring(0, digits.length() - 1).trim();
            }
            if (percentSign && column.format() != Layout.Format.PERCENT) {
                problem(columnName, "'" + text + "' is a percentage, but the layout does not declare the column's format percent");
                return null;
            }
            try {
                BigDecimal value = new BigDecimal(digits);
                return column.format() == Layout.Format.PERCENT ? value.divide(HUNDRED) : value;
            } catch (NumberFormatException e) {
                problem(columnName, "'" + text + "' is not a number");
                return null;
            }
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

        LocalDate date(Layout.Source source) {
            String text = text(source);
            if (text == null) {
                return null;
            }
            Layout.Column column = layout.column(source.column());
            if (column.format() != Layout.Format.DATE) {
                problem(source.column(), "the layout does not declare the column's format date, with its pattern");
                return null;
            }
            try {
                return LocalDate.parse(text, DateTimeFormatter.ofPattern(column.datePattern(), Locale.US));
            } catch (DateTimeParseException e) {
                problem(source.column(), "'" + text + "' is not a date written " + column.datePattern());
                return null;
            }
        }

        /** The performance period: each field the layout maps, read as its type in {@link PerformancePeriod}. */
        PerformancePeriod period() {
            Map<String, Layout.Source> mapped = layout.period();
            List<Object> values = new ArrayList<>();
            for (RecordComponent component : PerformancePeriod.class.getRecordComponents()) {
                String field = component.getName();
                Layout.Source source = mapped.get(field);
                if (field.equals("performanceYear")) {
                    values.add(layout.performanceYear());
                } else if (source == null) {
                    values.add(null);
                } else if (component.getType() == BigDecimal.class) {
                    values.add(decimal(source));
                } else if (component.getType() == Integer.class) {
                    values.add(whole(source));
                } else if (component.getType() == Boolean.class) {
                    values.add(flag(source));
                } else if (component.getType() == LocalDate.class) {
                    values.add(date(source));
                } else {
                    throw new IllegalStateException("a layout cannot fill period field " + field + " of type " + component.getType());
                }
            }
            try {
                return PERIOD.newInstance(values.toArray());
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot build the period of line " + line, e);
            }
        }

        /** An override's value from a column: a number as its plain text, otherwise the cell's word. */
        String overrideValue(String column) {
            Value text = value(Layout.Source.column(column));
            if (text == null || text.given()) {
                return text == null ? null : text.text();
            }
            if (layout.column(column).format() == Layout.Format.PERCENT || looksNumeric(text.text())) {
                BigDecimal value = decimal(Layout.Source.column(column));
                return value == null ? null : value.toPlainString();
            }
            return text.text();
        }

        private boolean looksNumeric(String text) {
            String digits = layout.thousandsSeparator() == null ? text : text.replace(layout.thousandsSeparator(), "");
            return digits.matches("[-+]?[0-9]*\\.?[0-9]+%?");
        }

        /** Whether the condition holds (true without one); false when the cell cannot be read (reported). */
        boolean holds(Layout.Condition condition) {
            return condition == null || Boolean.TRUE.equals(test(condition));
        }

        private Boolean test(Layout.Condition condition) {
            if (condition.operator() == Layout.Condition.Operator.IS) {
                String cell = cell(condition.column());
                return cell == null ? null : condition.operands().contains(cell);
            }
            BigDecimal value = decimal(Layout.Source.column(condition.column()));
            if (value == null) {
                return null;
            }
            List<BigDecimal> operands = condition.operands().stream().map(BigDecimal::new).toList();
            return switch (condition.operator()) {
                case IN -> operands.stream().anyMatch(o -> o.compareTo(value) == 0);
                case NOT_IN -> operands.stream().noneMatch(o -> o.compareTo(value) == 0);
                case ABOVE -> value.compareTo(operands.get(0)) > 0;
                case AT_LEAST -> value.compareTo(operands.get(0)) >= 0;
                case IS -> throw new IllegalStateException("handled above");
            };
        }

        /** A row of another performance year than the layout's is an error, not a silent mix. */
        void checkYear() {
            if (layout.yearColumn() == null) {
                return;
            }
            String year = cell(layout.yearColumn());
            if (year != null && !year.equals(String.valueOf(layout.performanceYear()))) {
                problem(layout.yearColumn(), "the row is of performance year '" + year + "', but layout " + layout.id()
                        + " reads performance year " + layout.performanceYear());
            }
        }

        /** The row's track: its track column's value, or the one track flag that is 1. */
        String track() {
            if (layout.trackColumn() != null) {
                String value = text(Layout.Source.column(layout.trackColumn()));
                if (value == null) {
                    return null;
                }
                if (layout.tracks().stream().noneMatch(t -> t.track().equals(value))) {
                    problem(layout.trackColumn(), "'" + value + "' is not a track of layout " + layout.id() + ": "
                            + layout.tracks().stream().map(Layout.Track::track).toList());
                    return null;
                }
                return value;
            }
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
                problem(layout.trackColumns(), "exactly one track flag must be 1, but " + (on.isEmpty() ? "none is" : on.size() + " are (tracks " + on + ")"));
                return null;
            }
            return on.get(0);
        }
    }
}
