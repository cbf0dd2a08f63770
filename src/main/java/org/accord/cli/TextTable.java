package org.accord.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.io.Displayed;

/** Aligned text columns: numbers right-aligned with thousands separators, text left-aligned. */
final class TextTable {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?[\\d,]+(\\.\\d+)?%?");

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    TextTable(String... columns) {
        this(List.of(columns));
    }

    /**
     * The width of a column laid out with a format string rather than a TextTable: its longest
     * entry, and at least {@code least} (a format's width is never zero).
     */
    static int widest(Stream<String> entries, int least) {
        return Math.max(least, entries.mapToInt(String::length).max().orElse(0));
    }

    TextTable row(List<String> cells) {
        rows.add(cells.stream().map(TextTable::readable).toList());
        return this;
    }

    TextTable row(String... cells) {
        return row(List.of(cells));
    }

    String render(String indent) {
        int[] widths = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            numeric[c] = !rows.isEmpty();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                numeric[c] &= row.get(c).isEmpty() || NUMBER.matcher(row.get(c)).matches();
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, columns, widths, numeric);
        for (List<String> row : rows) {
            line(out, indent, row, widths, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(numeric[c] ? pad + cell : cell + pad);
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /**
     * Decimal cells with thousands separators, keeping their scale; other cells as they are, but
     * without the control and bidirectional-override characters a client's text may carry.
     */
    static String readable(String cell) {
        if (cell == null) {
            return "";
        }
        if (!DECIMAL.matcher(cell).matches()) {
            return Displayed.text(cell);
        }
        BigDecimal number = new BigDecimal(cell);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        format.setMinimumFractionDigits(Math.max(number.scale(), 0));
        format.setMaximumFractionDigits(Math.max(number.scale(), 0));
        return format.format(number);
    }

    /** A probability as a percentage with one decimal. */
    static String percent(BigDecimal probability) {
        return probability.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
