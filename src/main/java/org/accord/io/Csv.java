package org.accord.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.accord.scenarios.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables as CSV (RFC 4180 quoting, a header row, lines ending in a line feed): the one CSV
 * writer of every answer and file Accord produces (sweep, compare, simulate, backtest, facts).
 * Control and bidirectional-override characters (tabs and carriage returns among them) are left
 * out of text cells ({@link Displayed}): a spreadsheet would show a line that reads otherwise than
 * it holds; the stored run keeps the text as given. A text cell that a spreadsheet would then run
 * as a formula (it starts with {@code =}, {@code +}, {@code -} or {@code @}) is written with a
 * leading {@code '}, OWASP's rule for CSV injection; a number such as {@code -12.50} is a number
 * and is left as it is.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private Csv() {
    }

    /** Any scenario result as CSV. */
    public static String write(Table.Tabular result) {
        Table table = result.table();
        return write(table.columns(), table.rows());
    }

    /** Writes the result's CSV to the file the option named; a file that cannot be written is bad input at that option. */
    public static void write(Table.Tabular result, Path file, String option) {
        try {
            Files.writeString(file, write(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputFiles.cannotWrite(file, option, e);
        }
    }

    public static String write(List<String> columns, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try {
            write(columns, rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A header row and the rows, each cell neutralised, to a writer the caller owns (left open). */
    public static void write(List<String> columns, Iterable<? extends List<String>> rows, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(columns.stream().map(Csv::cell).toList());
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(Csv::cell).toList());
        }
        printer.flush();
    }

    /** The cell as written: a formula-looking text cell gets a leading quote; numbers and empty cells are unchanged. */
    static String cell(String given) {
        if (given == null || given.isEmpty() || NUMBER.matcher(given).matches()) {
            return given;
        }
        String text = Displayed.text(given);
        return text.isEmpty() || FORMULA_START.indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }

    private static final String FORMULA_START = "=+-@";
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
}
