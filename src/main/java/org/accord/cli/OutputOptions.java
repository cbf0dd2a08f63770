package org.accord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.io.Csv;
import org.accord.replay.Replay;
import org.accord.scenarios.Table;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Option;

/** How a result is printed: a readable report (default), JSON, and optionally a CSV file. */
final class OutputOptions {

    @Option(names = "--json", description = "Print the result as JSON instead of a report.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the result as CSV to FILE ('-': print CSV instead of a report).")
    Path csv;

    /**
     * JSON as the service answers it (absent values left out, decimals as strings; ReplayAnswerFormTest
     * holds a settlement's form to the API's), indented for a reader.
     */
    static String asAnswered(Object result) {
        return Replay.ANSWER_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n";
    }

    /** Refuses a CSV file that is the facts file the command reads: writing it would replace the facts with the table. */
    void apartFrom(Path facts) {
        if (csv == null || "-".equals(csv.toString()) || facts == null || !Files.exists(csv)) {
            return;
        }
        try {
            if (Files.isSameFile(csv, facts)) {
                throw new InvalidInputException("--csv", csv + " is the facts file (--facts): name another file");
            }
        } catch (IOException unreadable) {
            // the facts' own reading reports a file it cannot read
        }
    }

    /** Prints the result as asked; the report is rendered only when it is printed. */
    void print(Table.Tabular result, java.util.function.Supplier<String> report) {
        print(result, result, report);
    }

    /**
     * As {@link #print(Table.Tabular, java.util.function.Supplier)}, for a result laid out as a table apart from it (a
     * settlement's lines): its JSON is the result's, its CSV the table's.
     */
    void print(Object result, Table.Tabular table, java.util.function.Supplier<String> report) {
        boolean csvToStdout = csv != null && "-".equals(csv.toString());
        if (csv != null && !csvToStdout) {
            Csv.write(table, csv, "--csv");
        }
        if (json) {
            System.out.print(asAnswered(result));
        } else if (csvToStdout) {
            System.out.print(Csv.write(table));
        } else {
            System.out.print(report.get());
            if (csv != null) {
                System.out.println("CSV written to " + csv);
            }
        }
    }
}
