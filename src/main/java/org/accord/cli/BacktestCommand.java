package org.accord.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.BacktestResult;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
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
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "cms-puf", mixinStandardHelpOptions = true,
            description = {"Settles every ACO of a CMS Shared Savings Program public use file under its track's template "
                    + "and compares the result with the published EarnSaveLoss.",
                    "Prints one summary line, then every miss. Exit code 0 when every ACO is reproduced, 1 otherwise, 2 for bad input."})
    static class CmsPublicUseFile implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--file", required = true, description = "The public use file, CSV (see examples/cms/).")
        Path file;

        @Option(names = "--json", description = "Print one JSON document (reproduced, total, misses) instead of the summary and table.")
        boolean json;

        @Option(names = "--csv", paramLabel = "<out>", description = "Also write one row per ACO to this CSV file.")
        Path csv;

        @Override
        public Integer call() throws IOException {
            BacktestInput input = read(file);
            BacktestResult result = Backtest.compare(input, Backtest.evaluate(EvaluationService.load(), input));
            if (csv != null) {
                try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    Backtest.writeCsv(result, out);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(result) : table(result));
            out.flush();
            return result.allReproduced() ? 0 : 1;
        }

        private static BacktestInput read(Path file) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidInputException("--file", "cannot read " + file);
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return Backtest.read(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The summary line, then each miss with the reasons and the settlement's explanations. */
    static String table(BacktestResult result) {
        StringBuilder out = new StringBuilder(result.summary()).append('\n');
        if (result.misses().isEmpty()) {
            return out.toString();
        }
        String row = "%-8s %-5s %18s %18s %16s %14s%n";
        out.append('\n').append(String.format(row, "ACO", "Track", "Expected", "Computed", "Difference", "Tolerance"));
        for (BacktestResult.Miss miss : result.misses()) {
            out.append(String.format(row, miss.acoId(), miss.track(), usd(miss.expected()), usd(miss.computed()),
                    usd(miss.difference()), usd(miss.tolerance())));
            for (String reason : miss.reasons()) {
                out.append("         miss: ").append(reason).append('\n');
            }
            for (BacktestResult.Line line : miss.lines()) {
                out.append(String.format("         %-15s %16s  %s%n", line.clause(),
                        line.amount() == null ? "" : usd(line.amount()), line.explanation()));
            }
        }
        return out.toString();
    }

    private static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (cents.signum() < 0 ? "-" : "") + format.format(cents.abs());
    }
}
