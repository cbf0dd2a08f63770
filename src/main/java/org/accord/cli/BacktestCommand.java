package org.accord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.BacktestResult;
import org.accord.backtest.Layouts;
import org.accord.evaluation.EvaluationService;
import org.accord.io.InputFiles;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Reproduces a payer's published results row by row through the same rules as any contract.",
        subcommands = {BacktestCommand.CmsPublicUseFile.class})
class BacktestCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // A group of subcommands does nothing itself: naming none is bad input (exit 2, said on standard error).
        throw new InvalidInputException("SUBCOMMAND", "name one: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }

    @Command(name = "cms-puf", mixinStandardHelpOptions = true,
            description = {"Settles every ACO of a CMS Shared Savings Program public use file under its track's template "
                    + "and compares the result with the published EarnSaveLoss.",
                    "Prints the counts (reproduced; missed for an input the file does not publish, named; unexplained), "
                    + "then every miss. With several files, one line (or Markdown table row) per file.",
                    "Exit code 0 when no miss is unexplained, 1 otherwise, 2 for bad input, 3 when an error stops it."})
    static class CmsPublicUseFile implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "<csv>",
                description = "A public use file, CSV (see examples/cms/); repeat for several years.")
        List<Path> files;

        @Option(names = "--layout", paramLabel = "<id>",
                description = "The layout to read the file with; by default the one whose columns the header has "
                        + "(layouts that both match are told apart by the performance year in a year column or the file's name).")
        String layout;

        @Option(names = "--layouts", paramLabel = "<dir>",
                description = "A folder of your own layouts (*.yaml), added to the shipped ones; an id already known is refused.")
        Path layouts;

        @Option(names = "--templates", paramLabel = "<dir>",
                description = "A folder of your own contract templates (*.yaml), added to the shipped ones; an id already known is refused.")
        Path templates;

        @Option(names = "--json", description = "Print JSON (the counts and the misses; an array for several files) instead of text.")
        boolean json;

        @Option(names = "--markdown", description = "Print one Markdown table row per file (the README's table of years).")
        boolean markdown;

        @Option(names = "--csv", paramLabel = "<out>", description = "Also write one row per ACO to this CSV file (one --file only).")
        Path csv;

        @CommandLine.Mixin
        ProgressOptions progress;

        @Override
        public Integer call() throws IOException {
            if (csv != null && files.size() > 1) {
                throw new InvalidInputException("--csv", "one CSV report is written for one --file; give one file");
            }
            TemplateCatalog catalog = templates == null ? TemplateCatalog.load() : TemplateCatalog.load().with(templates);
            Layouts known = layouts == null ? Layouts.load() : Layouts.load().with(layouts);
            InvalidInputException.throwIfAny(known.problemsWith(catalog));
            EvaluationService service = EvaluationService.withBuiltInRules(catalog);
            List<BacktestResult> results = new ArrayList<>();
            for (Path file : files) {
                BacktestInput input = read(file, known, layout);
                try (ProgressLine line = progress.start("backtest " + file.getFileName(), "rows")) {
                    results.add(Backtest.compare(input, Backtest.evaluate(service, input, line)));
                }
            }
            if (csv != null) {
                try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    Backtest.writeCsv(results.get(0), out);
                } catch (IOException e) {
                    throw InputFiles.cannotWrite(csv, "--csv", e);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(OutputOptions.asAnswered(results.size() == 1 ? results.get(0) : results));
            } else if (markdown) {
                out.print(markdown(files, results));
            } else if (results.size() == 1) {
                out.print(table(results.get(0)));
            } else {
                for (int i = 0; i < files.size(); i++) {
                    out.println(files.get(i) + " (" + results.get(i).layout() + "): " + results.get(i).summary());
                }
            }
            out.flush();
            return results.stream().allMatch(BacktestResult::noUnexplainedMisses) ? 0 : 1;
        }

        private static BacktestInput read(Path file, Layouts layouts, String layout) {
            InputFiles.requireReadable(file, "--file");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return Backtest.read(reader, layouts, layout, file.getFileName().toString());
            } catch (IOException e) {
                throw InputFiles.cannotRead(file, "--file", e);
            }
        }
    }

    /** The header and one row per file: the README's table of years. */
    static String markdown(List<Path> files, List<BacktestResult> results) {
        StringBuilder out = new StringBuilder("| performance year | file | layout | ACOs | reproduced | missed for an unpublished input | unexplained |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < files.size(); i++) {
            BacktestResult r = results.get(i);
            out.append("| ").append(r.performanceYear()).append(" | `").append(files.get(i).getFileName()).append("` | `").append(r.layout())
                    .append("` | ").append(r.total()).append(" | ").append(r.reproduced()).append(" | ").append(r.explained())
                    .append(r.explainedBy().isEmpty() ? "" : " (" + r.inputs() + ")").append(" | ").append(r.unexplained()).append(" |\n");
        }
        return out.toString();
    }

    /** The summary line, then each miss with the reasons and the settlement's explanations. */
    static String table(BacktestResult result) {
        StringBuilder out = new StringBuilder(result.summary()).append('\n');
        if (result.misses().isEmpty()) {
            return out.toString();
        }
        String row = "%-8s %-5s %18s %18s %16s %14s%n";
        out.append('\n').append(String.format(row, "ACO", "Track", "Expected", "Computed", "Difference", "Tolerance"));
        int clauseWidth = TextTable.widest(result.misses().stream().flatMap(miss -> miss.lines().stream())
                .map(BacktestCommand::clauseOf), 1);
        String lineRow = "         %-" + clauseWidth + "s %16s  %s%n";
        for (BacktestResult.Miss miss : result.misses()) {
            out.append(String.format(row, miss.acoId(), miss.track(), usd(miss.expected()), usd(miss.computed()),
                    usd(miss.difference()), usd(miss.tolerance())));
            for (String reason : miss.reasons()) {
                out.append("         miss: ").append(reason).append('\n');
            }
            out.append(miss.explainedBy().isEmpty() ? "         unexplained\n"
                    : "         explained: needs " + String.join(", ", miss.explainedBy()) + ", which the file does not publish\n");
            for (BacktestResult.Line line : miss.lines()) {
                out.append(String.format(lineRow, clauseOf(line),
                        line.amount() == null ? "" : usd(line.amount()), line.explanation()));
            }
        }
        return out.toString();
    }

    /** The line's clause, or "(contract)" for a finding of the contract as a whole, which names none. */
    private static String clauseOf(BacktestResult.Line line) {
        return line.clause() == null ? "(contract)" : line.clause();
    }

    private static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (cents.signum() < 0 ? "-" : "") + format.format(cents.abs());
    }
}
