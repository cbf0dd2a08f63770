package org.accord.backtest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.accord.content.ContentHash;
import java.util.Map;
import java.util.Optional;
import org.accord.engine.Progress;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Csv;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reproduces a payer's published results row by row: {@link #read} maps the file as its layout
 * says, the evaluation service settles every row in one batch with the same rules as any
 * contract, and {@link #compare} checks each settlement against the published amount within the
 * file's rounding bound. Bad input is an {@link InvalidInputException} whose problems name the
 * line, the row's key and the column (for a CSV file the problem's pointer is that place).
 */
public final class Backtest {

    /** Header of {@link #writeCsv}. */
    public static final List<String> CSV_HEADER = List.of("aco_id", "track", "expected", "computed", "difference", "within_tolerance",
            "explained_by");

    /** The basis entry of a finding that names an input the rules needed and did not have. */
    static final String NEEDS = "needs";

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private Backtest() {
    }

    /** Reads a results file with the shipped layouts, evaluates and compares it. */
    public static BacktestResult run(EvaluationService service, Reader csv) {
        BacktestInput input = read(csv);
        return compare(input, evaluate(service, input));
    }

    /** Reads a results file with the shipped layouts, choosing the layout by its header. */
    public static BacktestInput read(Reader csv) {
        return read(csv, LayoutsHolder.LAYOUTS, null, null);
    }

    /**
     * Reads a results file and maps every row.
     *
     * @param layouts  the layouts the file may use
     * @param layoutId the layout to use, or null to choose by the header (and the performance year)
     * @param fileName the file's name, or null: a year in it tells apart layouts whose headers both match
     * @throws InvalidInputException for a header that matches no layout (or several), or every empty or malformed cell
     */
    public static BacktestInput read(Reader csv, Layouts layouts, String layoutId, String fileName) {
        try (CSVParser parser = open(csv)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InvalidInputException("header", "the file is empty: a header line and one row per ACO are expected");
            }
            List<CSVRecord> records = new ArrayList<>();
            List<Long> lastLines = new ArrayList<>();
            long headerLine = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                records.add(record);
                lastLines.add(parser.getCurrentLineNumber());
            }
            Layout layout = layouts.choose(header, layoutId, fileName, records.isEmpty() ? Map.of() : records.get(0).toMap());
            RowMapper mapper = new RowMapper(layout);
            List<InputProblem> problems = new ArrayList<>();
            List<AcoCase> cases = new ArrayList<>();
            Map<String, Long> lineOfKey = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                long line = (i == 0 ? headerLine : lastLines.get(i - 1)) + 1;
                AcoCase mapped = mapper.map(records.get(i), line, problems);
                if (mapped == null) {
                    continue;
                }
                Long earlier = lineOfKey.putIfAbsent(mapped.key(), line);
                if (earlier != null) {
                    problems.add(new InputProblem(RowMapper.where(layout, line, mapped.key(), layout.key()),
                            "the same " + layout.key() + " is on line " + earlier));
                    continue;
                }
                cases.add(mapped);
            }
            if (problems.isEmpty() && cases.isEmpty()) {
                problems.add(new InputProblem("header", "the file has a header but no rows"));
            }
            InvalidInputException.throwIfAny(problems);
            return new BacktestInput(layout, cases);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("file", "not readable as CSV: " + e.getMessage());
        }
    }

    private static CSVParser open(Reader csv) throws IOException {
        try {
            return CSVParser.parse(withoutByteOrderMark(csv), READ);
        } catch (IllegalArgumentException e) {
            // commons-csv rejects a header with a repeated or missing column name
            throw new InvalidInputException("header", "the header cannot be read: " + e.getMessage());
        }
    }

    /** Spreadsheet exports often start with a byte order mark, which would glue itself to the first column's name. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        PushbackReader reader = new PushbackReader(csv, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /**
     * Settles every row in one batch. A row the engine's checks reject is reported with its line
     * and, where the layout maps it, its column.
     */
    public static List<Settlement> evaluate(EvaluationService service, BacktestInput input) {
        return evaluate(service, input, Progress.NONE);
    }

    /** As {@link #evaluate(EvaluationService, BacktestInput)}, telling progress the rows settled. */
    public static List<Settlement> evaluate(EvaluationService service, BacktestInput input, Progress progress) {
        try {
            return service.evaluateAll(input.contracts(), input.facts(), progress);
        } catch (InvalidInputException batchProblem) {
            throw locate(service, input, batchProblem);
        }
    }

    /** Compares each row's settlement (in the order of {@code input}) with what was published. */
    public static BacktestResult compare(BacktestInput input, List<Settlement> settlements) {
        Layout layout = input.layout();
        Layout.Expected expected = layout.expected();
        List<BacktestResult.Outcome> rows = new ArrayList<>(input.size());
        List<BacktestResult.Miss> misses = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            AcoCase row = input.cases().get(i);
            Settlement settlement = settlements.get(i);
            BigDecimal published = atLeastCents(row.expectedAmount());
            BigDecimal computed = expectedAmount(settlement, expected.clauses());
            BigDecimal difference = computed.subtract(published);
            Layout.Tolerance bound = expected.tolerance();
            BigDecimal tolerance = row.savings().abs()
                    .multiply(parameter(settlement, bound.sharingRateParameter()))
                    .multiply(bound.qualityScoreHalfUnit())
                    .add(bound.dollars());
            List<String> reasons = new ArrayList<>();
            boolean withinTolerance = difference.abs().compareTo(tolerance) <= 0;
            if (!withinTolerance) {
                reasons.add("the settlement differs from " + expected.amount() + " by " + difference.toPlainString()
                        + ", beyond the tolerance of " + shown(tolerance));
            }
            row.expectedFindings().forEach((check, value) -> findingProblem(settlement, check, value).ifPresent(reasons::add));
            boolean reproduced = reasons.isEmpty();
            List<String> explainedBy = reproduced ? List.of() : missingInputs(settlement);
            rows.add(new BacktestResult.Outcome(row.key(), row.track(), published, computed, difference, shown(tolerance), reproduced,
                    explainedBy));
            if (!reproduced) {
                misses.add(new BacktestResult.Miss(row.key(), row.track(), published, computed, difference, shown(tolerance),
                        List.copyOf(reasons), explainedBy, lines(settlement)));
            }
        }
        return BacktestResult.of(layout.id(), ContentHash.of(layout.file()), layout.performanceYear(), rows, misses);
    }

    /** The sum of the payable lines of the clauses the published amount covers (a loop: one per ACO of every file). */
    private static BigDecimal expectedAmount(Settlement settlement, List<String> clauses) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (SettlementLine line : settlement.lines()) {
            if (clauses.contains(line.clause())) {
                sum = sum.add(line.amount());
            }
        }
        return sum;
    }

    /**
     * The inputs the rules said they needed and did not have (a finding's {@code needs}): a miss
     * with one is explained by what the file does not publish; one without is unexplained.
     */
    private static List<String> missingInputs(Settlement settlement) {
        return settlement.findings().stream()
                .map(f -> f.basis().get(NEEDS))
                .filter(java.util.Objects::nonNull)
                .map(Object::toString)
                .distinct().sorted().toList();
    }

    /**
     * One row per ACO under {@link #CSV_HEADER}; {@code within_tolerance} is whether the row was
     * reproduced, {@code explained_by} the inputs a miss needed that the file does not publish.
     */
    public static void writeCsv(BacktestResult result, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (BacktestResult.Outcome row : result.rows()) {
            rows.add(List.of(row.acoId(), String.valueOf(row.track()), row.expected().toPlainString(), row.computed().toPlainString(),
                    row.difference().toPlainString(), String.valueOf(row.reproduced()), String.join(" ", row.explainedBy())));
        }
        Csv.write(CSV_HEADER, rows, out);
        out.flush();
    }

    private static Optional<String> findingProblem(Settlement settlement, Layout.FindingCheck check, BigDecimal published) {
        SettlementLine finding = settlement.findings().stream().filter(f -> f.rule().equals(check.rule())).findFirst().orElse(null);
        if (finding == null || !(finding.basis().get(check.basis()) instanceof BigDecimal found)) {
            return Optional.of("rule \"" + check.rule() + "\" wrote no finding with " + check.basis()
                    + " to compare with " + check.column() + " " + published.toPlainString());
        }
        BigDecimal ours = found.setScale(check.decimals(), RoundingMode.HALF_UP);
        BigDecimal theirs = published.setScale(check.decimals(), RoundingMode.HALF_UP);
        if (ours.compareTo(theirs) == 0) {
            return Optional.empty();
        }
        return Optional.of(check.basis() + " " + ours.toPlainString() + " (rule \"" + check.rule()
                + "\") differs from " + check.column() + " " + theirs.toPlainString() + " at " + check.decimals() + " decimals");
    }

    /** A parameter of the settlement's resolved terms, from whichever clause declares it. */
    private static BigDecimal parameter(Settlement settlement, String name) {
        for (Map<String, Object> clause : settlement.contract().terms().values()) {
            if (clause.get(name) instanceof BigDecimal value) {
                return value;
            }
        }
        throw new IllegalStateException("template " + settlement.contract().templateId() + " has no decimal parameter "
                + name + ", which the layout's tolerance needs");
    }

    private static List<BacktestResult.Line> lines(Settlement settlement) {
        List<BacktestResult.Line> lines = new ArrayList<>();
        for (SettlementLine line : settlement.findings()) {
            lines.add(new BacktestResult.Line(line.clause(), line.rule(), null, line.explanation()));
        }
        for (SettlementLine line : settlement.lines()) {
            lines.add(new BacktestResult.Line(line.clause(), line.rule(), line.amount(), line.explanation()));
        }
        return List.copyOf(lines);
    }

    /** Rows the engine's checks reject, each problem placed at its line and column. */
    private static InvalidInputException locate(EvaluationService service, BacktestInput input, InvalidInputException batchProblem) {
        Layout layout = input.layout();
        Map<String, Mapped> sources = sourcesByPointer(layout);
        List<InputProblem> located = new ArrayList<>();
        for (AcoCase row : input.cases()) {
            try {
                service.check(row.contract(), row.facts());
            } catch (InvalidInputException e) {
                for (InputProblem problem : e.problems()) {
                    Mapped source = sources.get(problem.pointer());
                    located.add(source == null
                            ? new InputProblem(RowMapper.where(layout, row.line(), row.key(), null), problem.pointer() + ": " + problem.reason())
                            : new InputProblem(RowMapper.where(layout, row.line(), row.key(), source.column()), problem.reason() + source.note()));
                }
            }
        }
        return located.isEmpty() ? batchProblem : new InvalidInputException(located);
    }

    /** Where each fact and override a problem may point at came from. */
    private static Map<String, Mapped> sourcesByPointer(Layout layout) {
        Map<String, Mapped> sources = new HashMap<>();
        layout.ipa().forEach((field, source) -> sources.put("/facts/ipa/" + field, Mapped.of(field, source)));
        layout.period().forEach((field, source) -> sources.put("/facts/period/" + field, Mapped.of(field, source)));
        layout.practice().forEach((field, source) -> sources.put("/facts/practices/0/" + field, Mapped.of(field, source)));
        layout.overrides().stream().filter(o -> o.column() != null)
                .forEach(o -> sources.put("/contract/overrides/" + o.parameter(), new Mapped(o.column(), "")));
        sources.put("/contract/templateId", new Mapped(layout.trackColumns(), ""));
        sources.values().removeIf(m -> m.column() == null);
        return sources;
    }

    /** A fact's column, and how the fact differs from the cell when the layout converts it. */
    private record Mapped(String column, String note) {
        static Mapped of(String field, Layout.Source source) {
            String note = source.negate() ? " (" + field + " is " + source.column() + " negated)"
                    : source.times() != 1 ? " (" + field + " is " + source.column() + " x " + source.times() + ")" : "";
            return new Mapped(source.column(), note);
        }
    }

    private static BigDecimal atLeastCents(BigDecimal amount) {
        return amount.scale() >= 2 ? amount : amount.setScale(2);
    }

    /** A tolerance as shown: exact, without trailing zeros beyond the cents. */
    private static BigDecimal shown(BigDecimal value) {
        return atLeastCents(value.stripTrailingZeros());
    }

    /** The shipped layouts, read once. */
    private static final class LayoutsHolder {
        static final Layouts LAYOUTS = Layouts.load();
    }
}
