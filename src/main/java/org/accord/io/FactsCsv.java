package org.accord.io;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.facts.FactDeclarations;
import org.accord.facts.FactField;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.validation.Decimals;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Practices' performance as CSV, one practice a row, for a spreadsheet. The IPA and the period
 * are not in the file: the caller gives them (on the command line {@code --ipa-id}, {@code --year},
 * {@code --benchmark} and the other period options).
 *
 * <p>The first row names the columns, in any order: one column for each practice fact that
 * {@code rules/facts.yaml} declares ({@link FactDeclarations}; its {@code csv} name, the fact's name
 * unless it says otherwise), required when the fact is not optional, and the quality measures:
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>value</th><th>required</th></tr>
 * <tr><td>{@code id}, {@code attributedMembers}, {@code memberMonths}, {@code averageRiskScore}, {@code totalCostOfCare}</td>
 *     <td>text, whole numbers, decimals (USD)</td><td>yes</td></tr>
 * <tr><td>{@code name}, {@code feeScheduleAllowedAmount}, {@code visits}, {@code annualWellnessVisits}, {@code edVisits},
 *     {@code inpatientAdmissions}</td><td>empty: none, 0</td><td>no</td></tr>
 * <tr><td>each extra fact's column</td><td>as its type: a whole number, a decimal, {@code true} or {@code false},
 *     or a list of amounts separated by {@code ;} (empty: the fact is absent)</td><td>when not optional</td></tr>
 * <tr><td>{@code measure:<ID>:numerator}, {@code measure:<ID>:denominator}</td>
 *     <td>a quality measure's counts, whole numbers; both empty: the practice does not report the measure</td>
 *     <td>per measure</td></tr>
 * <tr><td>{@code measure:<ID>:exclusions}</td><td>whole number (empty or absent: 0)</td><td>no</td></tr>
 * </table>
 * Measures are listed in each practice in the order their columns first appear. Lines starting
 * with {@code #} are comments. A problem names the field it would have in the JSON facts
 * ({@code /practices/2/memberMonths}: data row 3) and, in its reason, the CSV row and column.
 */
public final class FactsCsv {

    private static final List<String> MEASURE_FIELDS = List.of("numerator", "denominator", "exclusions");
    private static final String MEASURE_PREFIX = "measure:";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setRecordSeparator("\n")
            .get();

    private FactsCsv() {
    }

    /** The columns of the facts {@code rules/facts.yaml} declares, in the order declared (measures aside). */
    public static List<String> practiceColumns(FactDeclarations declarations) {
        return declarations.practiceFields().stream().map(FactField::csvColumn).toList();
    }

    public static PerformanceFacts read(Path file, PerformanceFacts.Ipa ipa, PerformancePeriod period) {
        byte[] bytes = InputFiles.read(file, "--facts");
        try {
            return read(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(), ipa, period);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("--facts", file + " is not UTF-8 text");
        }
    }

    /**
     * @throws InvalidInputException naming every cell that cannot be read
     */
    public static PerformanceFacts read(String csv, PerformanceFacts.Ipa ipa, PerformancePeriod period) {
        return read(csv, ipa, period, FactDeclarations.shipped());
    }

    /**
     * Reads practices whose columns are the facts these declarations name.
     *
     * @throws InvalidInputException naming every cell that cannot be read
     */
    public static PerformanceFacts read(String csv, PerformanceFacts.Ipa ipa, PerformancePeriod period, FactDeclarations declarations) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))
                .setFormat(FORMAT).get()) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("", "not readable CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("", "the CSV has no header row");
        }
        List<InputProblem> problems = new ArrayList<>();
        Header header = header(records.get(0), declarations, problems);
        InvalidInputException.throwIfAny(problems);
        List<PracticePerformance> practices = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            practices.add(practice(new Row(records.get(r), r - 1, header, problems), declarations));
        }
        InvalidInputException.throwIfAny(problems);
        return new PerformanceFacts(ipa, period, practices);
    }

    /** The practices of the facts as CSV (the IPA and period are not written). */
    public static String write(PerformanceFacts facts) {
        return write(facts, FactDeclarations.shipped());
    }

    /** The practices of the facts as CSV, a column for each declared fact (the IPA and period are not written). */
    public static String write(PerformanceFacts facts, FactDeclarations declarations) {
        Set<String> measureIds = new LinkedHashSet<>();
        facts.practices().forEach(p -> p.qualityMeasures().forEach(m -> measureIds.add(m.measureId())));
        List<String> columns = new ArrayList<>(practiceColumns(declarations));
        for (String id : measureIds) {
            MEASURE_FIELDS.forEach(field -> columns.add(MEASURE_PREFIX + id + ":" + field));
        }
        List<List<String>> rows = new ArrayList<>();
        for (PracticePerformance p : facts.practices()) {
            Map<String, Object> named = Json.MAPPER.convertValue(p, Map.class);
            List<String> row = new ArrayList<>();
            for (FactField field : declarations.practiceFields()) {
                Object value = field.named() ? named.get(field.name()) : p.extra().get(field.name());
                row.add(field.type().cell(field.type().read(value).orElse(value)));
            }
            Map<String, QualityMeasureCount> measures = new HashMap<>();
            p.qualityMeasures().forEach(m -> measures.put(m.measureId(), m));
            for (String id : measureIds) {
                QualityMeasureCount m = measures.get(id);
                row.add(m == null ? "" : String.valueOf(m.numerator()));
                row.add(m == null ? "" : String.valueOf(m.denominator()));
                row.add(m == null ? "" : String.valueOf(m.exclusions()));
            }
            rows.add(row);
        }
        return Csv.write(columns, rows);
    }

    /** Column positions, and the measures in the order their columns first appear. */
    private record Header(Map<String, Integer> columns, List<String> measureIds) {
    }

    private static Header header(CSVRecord record, FactDeclarations declarations, List<InputProblem> problems) {
        List<String> practiceColumns = practiceColumns(declarations);
        Map<String, Integer> columns = new LinkedHashMap<>();
        Set<String> measureIds = new LinkedHashSet<>();
        for (int c = 0; c < record.size(); c++) {
            String name = record.get(c);
            String at = "/columns/" + name;
            if (columns.put(name, c) != null) {
                problems.add(new InputProblem(at, "column '" + name + "' appears twice"));
            }
            if (name.startsWith(MEASURE_PREFIX)) {
                String[] parts = name.split(":", -1);
                if (parts.length != 3 || parts[1].isBlank() || !MEASURE_FIELDS.contains(parts[2])) {
                    problems.add(new InputProblem(at, "a measure column is measure:<ID>:numerator, :denominator or :exclusions"));
                } else {
                    measureIds.add(parts[1]);
                }
            } else if (!practiceColumns.contains(name)) {
                problems.add(new InputProblem(at, "unknown column '" + name + "'; the columns are " + practiceColumns
                        + " (" + FactDeclarations.RESOURCE + ") and measure:<ID>:numerator|denominator|exclusions"));
            }
        }
        for (String required : declarations.practiceFields().stream().filter(f -> !f.optional()).map(FactField::csvColumn).toList()) {
            if (!columns.containsKey(required)) {
                problems.add(new InputProblem("/columns/" + required, "the column '" + required + "' is required"));
            }
        }
        for (String id : measureIds) {
            for (String field : List.of("numerator", "denominator")) {
                String column = MEASURE_PREFIX + id + ":" + field;
                if (!columns.containsKey(column)) {
                    problems.add(new InputProblem("/columns/" + column, "measure " + id + " needs the column '" + column + "'"));
                }
            }
        }
        return new Header(columns, List.copyOf(measureIds));
    }

    private static PracticePerformance practice(Row row, FactDeclarations declarations) {
        List<QualityMeasureCount> measures = new ArrayList<>();
        for (String id : row.header.measureIds()) {
            String numerator = MEASURE_PREFIX + id + ":numerator";
            String denominator = MEASURE_PREFIX + id + ":denominator";
            String exclusions = MEASURE_PREFIX + id + ":exclusions";
            if (row.blank(numerator) && row.blank(denominator) && row.blank(exclusions)) {
                continue;
            }
            String at = "/qualityMeasures/" + measures.size();
            measures.add(new QualityMeasureCount(id, row.count(numerator, at + "/numerator", true),
                    row.count(denominator, at + "/denominator", true), row.count(exclusions, at + "/exclusions", false)));
        }
        // The named facts keep their own readers (and the defaults a CSV has always had); the others
        // are read by their declared type, an empty cell leaving the fact absent.
        Map<String, Object> extra = new LinkedHashMap<>();
        for (FactField field : declarations.extraFields()) {
            row.fact(field).ifPresent(value -> extra.put(field.name(), value));
        }
        return new PracticePerformance(row.text(column(declarations, "id"), true), row.text(column(declarations, "name"), false),
                row.count(column(declarations, "attributedMembers"), "/attributedMembers", true),
                row.count(column(declarations, "memberMonths"), "/memberMonths", true),
                row.decimal(column(declarations, "averageRiskScore"), "/averageRiskScore", true),
                row.decimal(column(declarations, "totalCostOfCare"), "/totalCostOfCare", true),
                row.decimal(column(declarations, "feeScheduleAllowedAmount"), "/feeScheduleAllowedAmount", false),
                row.count(column(declarations, "visits"), "/visits", false),
                row.count(column(declarations, "annualWellnessVisits"), "/annualWellnessVisits", false),
                row.count(column(declarations, "edVisits"), "/edVisits", false),
                row.count(column(declarations, "inpatientAdmissions"), "/inpatientAdmissions", false), measures, extra);
    }

    private static String column(FactDeclarations declarations, String fact) {
        return declarations.practiceField(fact).orElseThrow().csvColumn();
    }

    /** One data row, reading cells and naming problems by the practice's JSON pointer and the CSV row. */
    private static final class Row {
        private final CSVRecord record;
        private final int practice;
        private final Header header;
        private final List<InputProblem> problems;

        Row(CSVRecord record, int practice, Header header, List<InputProblem> problems) {
            this.record = record;
            this.practice = practice;
            this.header = header;
            this.problems = problems;
            if (record.size() != header.columns().size()) {
                problems.add(new InputProblem("/practices/" + practice, "CSV line " + record.getRecordNumber() + " has "
                        + record.size() + " cells for " + header.columns().size() + " columns"));
            }
        }

        String cell(String column) {
            Integer index = header.columns().get(column);
            return index == null || index >= record.size() ? "" : record.get(index);
        }

        boolean blank(String column) {
            return cell(column).isEmpty();
        }

        private void problem(String pointer, String column, String reason) {
            problems.add(new InputProblem("/practices/" + practice + pointer, "CSV line " + record.getRecordNumber()
                    + ", column " + column + ": " + reason));
        }

        /** A declared extra fact by its type; empty when the cell is (an absent fact) or cannot be read. */
        Optional<Object> fact(FactField field) {
            String value = cell(field.csvColumn());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<Object> typed = field.type().readCell(value);
            if (typed.isEmpty()) {
                problem("/extra/" + field.name(), field.csvColumn(), "'" + Decimals.abbreviate(value) + "': " + field.type().expected());
            }
            return typed;
        }

        String text(String column, boolean required) {
            String value = cell(column);
            if (value.isEmpty()) {
                if (required) {
                    problem("/id", column, "a value is required");
                }
                return required ? "" : null;
            }
            return value;
        }

        int count(String column, String pointer, boolean required) {
            String value = cell(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(pointer, column, "a whole number is required");
                }
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(pointer, column, "'" + value + "' is not a whole number");
                return 0;
            }
        }

        BigDecimal decimal(String column, String pointer, boolean required) {
            String value = cell(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(pointer, column, "a decimal number is required");
                }
                return required ? BigDecimal.ZERO : null;
            }
            return Decimals.parse(value).orElseGet(() -> {
                problem(pointer, column, Decimals.notADecimal(value));
                return BigDecimal.ZERO;
            });
        }
    }
}
