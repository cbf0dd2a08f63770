package org.accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** How a results file becomes facts and contracts, and how bad files are reported. */
class BacktestInputTest {

    @Test
    void aHeaderThatMatchesNoLayoutNamesTheMissingColumns() {
        String csv = Cms2018.rowsOf("A3551").replaceFirst("\\bN_AB\\b", "N_Assigned").replaceFirst("\\bDisAdj\\b", "Disaster");
        assertThatThrownBy(() -> Backtest.read(new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    List<InputProblem> problems = ((InvalidInputException) e).problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).pointer()).isEqualTo("header");
                    assertThat(problems.get(0).reason()).contains("matches no known layout",
                            "layout mssp-aco-puf-2018 (CMS Shared Savings Program ACO public use file, performance year 2018) requires: N_AB, DisAdj;");
                });
    }

    @Test
    void aMalformedValueNamesItsLineTheAcoAndTheColumn() {
        // A1409 and A3551 are on lines 2 and 3 of the two-row file.
        String csv = withCell(Cms2018.rowsOf("A1409", "A3551"), "A3551", "N_AB", "13O85");
        assertThatThrownBy(() -> Backtest.read(new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
                        new InputProblem("line 3 (ACO_ID A3551), column N_AB", "'13O85' is not a number")));
    }

    @Test
    void everyBadCellIsReportedNotJustTheFirst() {
        // Rows keep the file's order: A1409, A3075, A3551 on lines 2 to 4.
        String csv = withCell(withCell(withCell(Cms2018.rowsOf("A1409", "A3551", "A3075"),
                "A1409", "QualScore", ""), "A3075", "Met_QPS", "yes"), "A3551", "N_AB", "13085.5");
        assertThatThrownBy(() -> Backtest.read(new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
                        new InputProblem("line 2 (ACO_ID A1409), column QualScore", "a value is required but the cell is empty"),
                        new InputProblem("line 3 (ACO_ID A3075), column Met_QPS", "'yes' is not a flag (0 or 1)"),
                        new InputProblem("line 4 (ACO_ID A3551), column N_AB", "'13085.5' is not a whole number")));
    }

    @Test
    void aRowOnTwoTracksIsAnError() {
        String csv = withCell(Cms2018.rowsOf("A3551"), "A3551", "Current_Track_3", "1");
        assertThatThrownBy(() -> Backtest.read(new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2 (ACO_ID A3551), columns Current_Track_1, Current_Track_1_Plus, Current_Track_2, Current_Track_3")
                .hasMessageContaining("exactly one track flag must be 1, but 2 are");
    }

    @Test
    void aValueTheEngineRejectsIsPlacedAtItsLineAndColumn() {
        // QualScore is the reported quality score, which the facts' checks hold between 0 and 1.
        String csv = withCell(Cms2018.rowsOf("A1215", "A3551"), "A1215", "QualScore", "1.5");
        BacktestInput input = Backtest.read(new StringReader(csv));
        assertThatThrownBy(() -> Backtest.evaluate(Cms2018.SERVICE, input))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
                        new InputProblem("line 2 (ACO_ID A1215), column QualScore", "must be between 0 and 1")));
    }

    @Test
    void aPositiveDisasterAdjustmentIsRejectedAtItsColumn() {
        String csv = withCell(Cms2018.rowsOf("A1215"), "A1215", "DisAdj", "2655");
        BacktestInput input = Backtest.read(new StringReader(csv));
        assertThatThrownBy(() -> Backtest.evaluate(Cms2018.SERVICE, input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2 (ACO_ID A1215), column DisAdj: cannot be negative (was -2655) (lossAdjustment is DisAdj negated)");
    }

    @Test
    void theSameAcoTwiceIsAnError() {
        String csv = Cms2018.rowsOf("A3551") + Cms2018.rowsOf("A3551").lines().skip(1).findFirst().orElseThrow() + "\n";
        assertThatThrownBy(() -> Backtest.read(new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3 (ACO_ID A3551), column ACO_ID: the same ACO_ID is on line 2");
    }

    @Test
    void aRowThatEndsEarlyNamesTheFirstColumnItLacks() {
        String full = Cms2018.rowsOf("A3551");
        String header = full.lines().findFirst().orElseThrow();
        String row = full.lines().skip(1).findFirst().orElseThrow();
        // The row cut after its twentieth value (Sav_rate): the track flags and N_AB are read, ABtotBnchmk is not there.
        String cut = String.join(",", java.util.Arrays.copyOf(parse(row), 20));
        assertThatThrownBy(() -> Backtest.read(new StringReader(header + "\n" + cut + "\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2 (ACO_ID A3551), column ABtotBnchmk: the row ends before this column (it has 20 values)");
    }

    @Test
    void textThatIsNotCsvIsAnError() {
        String unterminated = Cms2018.rowsOf("A3551").trim() + ",\"no closing quote\n";
        assertThatThrownBy(() -> Backtest.read(new StringReader(unterminated)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).pointer()).isEqualTo("file"))
                .hasMessageContaining("not readable as CSV");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        BacktestInput input = Backtest.read(new StringReader("\uFEFF" + Cms2018.rowsOf("A3551")));
        assertThat(input.facts()).singleElement().satisfies(f -> assertThat(f.ipa().id()).isEqualTo("A3551"));
    }

    @Test
    void anEmptyFileOrAHeaderWithoutRowsIsAnError() {
        assertThatThrownBy(() -> Backtest.read(new StringReader(""))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the file is empty");
        String headerOnly = Cms2018.rowsOf();
        assertThatThrownBy(() -> Backtest.read(new StringReader(headerOnly))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void aRowBecomesTheTracksTemplateAndTheFactsTheLayoutNames() {
        BacktestInput input = Backtest.read(new StringReader(Cms2018.rowsOf("A1215", "A3551")));
        assertThat(input.layoutId()).isEqualTo("mssp-aco-puf-2018");

        // A1215, Track 3: two-sided, so MinSavPerc (one of the elected steps) is the elected minimum savings (and loss) rate.
        assertThat(input.contracts().get(0).templateId()).isEqualTo("mssp-aco-track-3");
        assertThat(input.contracts().get(0).overrides()).containsExactly(java.util.Map.entry("electedMinimumSavingsRate", "0.005"));
        var facts = input.facts().get(0);
        assertThat(facts.ipa().id()).isEqualTo("A1215");
        assertThat(facts.period().performanceYear()).isEqualTo(2018);
        assertThat(facts.period().assignedBeneficiaries()).isEqualTo(72033);
        assertThat(facts.period().benchmarkExpenditure()).isEqualByComparingTo("797237607");
        assertThat(facts.period().reportedQualityScore()).isEqualByComparingTo("0.8884");
        assertThat(facts.period().metQualityStandard()).isTrue();
        assertThat(facts.period().lossAdjustment()).isEqualByComparingTo("2655");
        assertThat(facts.practices()).singleElement().satisfies(p -> {
            assertThat(p.attributedMembers()).isEqualTo(72033);
            assertThat(p.memberMonths()).isEqualTo(12 * 72033);
            assertThat(p.averageRiskScore()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(p.totalCostOfCare()).isEqualByComparingTo("812497276");
        });

        // A3551, Track 1: one-sided, the table gives the rate; an empty DisAdj is no adjustment.
        assertThat(input.contracts().get(1).templateId()).isEqualTo("mssp-aco-track-1");
        assertThat(input.contracts().get(1).overrides()).isEmpty();
        assertThat(input.facts().get(1).period().lossAdjustment()).isEqualByComparingTo("0");
    }

    @Test
    void cellsAreReadAsTheirColumnsAreWritten() {
        // mssp-aco-puf-2021.csv, A1006: a byte order mark, thousands separators, percentages with and without a sign.
        String csv = rowsOf(Path.of("examples/cms/mssp-aco-puf-2021.csv"), "A1006");
        BacktestInput input = Backtest.read(new StringReader(csv), Layouts.load(), null, "mssp-aco-puf-2021.csv");
        assertThat(input.layoutId()).isEqualTo("mssp-aco-puf-2021");
        var period = input.facts().get(0).period();
        assertThat(period.assignedBeneficiaries()).isEqualTo(34878);                       // 34,878
        assertThat(period.benchmarkExpenditure()).isEqualByComparingTo("451411182");       // 451,411,182
        assertThat(period.reportedQualityScore()).isEqualByComparingTo("0.9181");          // 91.81
        assertThat(period.lowRevenue()).isTrue();                                          // Low Revenue
        assertThat(period.agreementStart()).isEqualTo(java.time.LocalDate.of(2019, 7, 1)); // 7/1/2019
        assertThat(input.contracts().get(0).templateId()).isEqualTo("mssp-aco-basic-b");
    }

    @Test
    void aPlaceholderStandsForItsDeclaredValue() {
        // mssp-aco-puf-2014.csv, A16779: QualScore P4R, pay for reporting, shares at the maximum rate.
        BacktestInput input = Backtest.read(new StringReader(rowsOf(Path.of("examples/cms/mssp-aco-puf-2014.csv"), "A16779")));
        assertThat(input.facts().get(0).period().reportedQualityScore()).isEqualByComparingTo("1");
        assertThat(input.facts().get(0).period().metQualityStandard()).isTrue();
    }

    @Test
    void aCellWrittenOtherwiseThanItsColumnIsAnErrorNamingIt() {
        String percentSign = withCell(Cms2018.rowsOf("A3551"), "A3551", "QualScore", "100%");
        assertThatThrownBy(() -> Backtest.read(new StringReader(percentSign)))
                .hasMessageContaining("line 2 (ACO_ID A3551), column QualScore: '100%' is a percentage, but the layout does not declare the column's format percent");
        String csv2021 = rowsOf(Path.of("examples/cms/mssp-aco-puf-2021.csv"), "A1006");
        assertThatThrownBy(() -> Backtest.read(new StringReader(withCell(csv2021, "A1006", "Rev_Exp_Cat", "Middle Revenue")), Layouts.load(), "mssp-aco-puf-2021", null))
                .hasMessageContaining("column Rev_Exp_Cat: 'Middle Revenue' is not one of [");
        assertThatThrownBy(() -> Backtest.read(new StringReader(withCell(csv2021, "A1006", "Current_Start_Date", "2019-07-01")), Layouts.load(), "mssp-aco-puf-2021", null))
                .hasMessageContaining("column Current_Start_Date: '2019-07-01' is not a date written M/d/yyyy");
    }

    @Test
    void aRowOfAnotherYearThanItsLayoutIsAnError() {
        String csv = rowsOf(Path.of("examples/cms/mssp-aco-puf-2016.csv"), "A67373");
        assertThatThrownBy(() -> Backtest.read(new StringReader(withCell(csv, "A67373", "year", "2015")), Layouts.load(), "mssp-aco-puf-2016", null))
                .hasMessageContaining("column year: the row is of performance year '2015', but layout mssp-aco-puf-2016 reads performance year 2016");
    }

    /** A file's header line and the given ACOs' rows (the key in the first column), without a byte order mark. */
    private static String rowsOf(Path file, String... keys) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file).stream().map(l -> l.replace("\uFEFF", "")).toList();
            int key = Arrays.asList(parse(lines.get(0))).indexOf(lines.get(0).startsWith("ACO_ID") ? "ACO_ID" : "ACO_Num");
            StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
            lines.stream().skip(1).filter(l -> List.of(keys).contains(parse(l)[key])).forEach(l -> out.append(l).append('\n'));
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The CSV text with one cell of one ACO's row replaced. */
    private static String withCell(String csv, String acoId, String column, String value) {
        List<String> lines = csv.lines().toList();
        int index = Arrays.asList(parse(lines.get(0))).indexOf(column);
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = parse(line);
            if (cells[0].equals(acoId)) {
                cells[index] = value;
                line = String.join(",", Arrays.stream(cells).map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String[] parse(String line) {
        try (var parser = org.apache.commons.csv.CSVParser.parse(line, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            return parser.getRecords().get(0).values();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
