package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.List;

/**
 * A result as rows of text cells under named columns: what a spreadsheet reads (CSV) and what the
 * command line prints. Amounts are plain decimals ({@code 1234.50}), never formatted.
 *
 * @param columns the column names
 * @param rows    the rows, each with one cell per column (an empty cell for no value)
 */
public record Table(List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** Every scenario result can be laid out as a table. */
    public interface Tabular {
        Table table();
    }

    /** The text of a cell: decimals in plain notation, nothing for null. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }
}
