package org.accord.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.accord.validation.Decimals;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; run with no arguments, the jar starts the REST service instead. */
@Command(name = "accord", mixinStandardHelpOptions = true, version = "Accord 0.1.0",
        description = "Evaluates payer contracts for Independent Physician Associations with Drools rule sets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a verdict: replay's 'different', backtest's 'a miss unexplained'",
                "2:bad input, named on standard error", "3:an error stopped the command, said on standard error"})
public class AccordCommand implements Runnable {

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(EvaluateCommand.class, TemplatesCommand.class, CompareCommand.class,
            SweepCommand.class, SimulateCommand.class, CashFlowCommand.class, BacktestCommand.class, DocumentCommand.class,
            RunsCommand.class, ReplayCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code; bad input prints its problems and exits 2, an error exits 3. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new AccordCommand());
        // Picocli reads a command's annotations by reflection when it is added: the command named first is
        // added alone (building all ten was a third of the README's evaluate on its main thread, issue 15);
        // help, a version or an unknown name gets them all, so that they are listed or suggested.
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(command -> command.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> command : named == null ? SUBCOMMANDS : List.<Class<?>>of(named)) {
            commandLine.addSubcommand(command);
        }
        // Amounts on the command line follow the API's grammar and bounds (1e400 is no amount), said without Java's exception names.
        commandLine.registerConverter(BigDecimal.class, text -> {
            try {
                return Decimals.parseOrThrow(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        commandLine.registerConverter(LocalDate.class, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date such as 2025-12-31 (year-month-day)");
            }
        });
        commandLine.setExecutionExceptionHandler(new ProblemReporter());
        int exit = commandLine.execute(args);
        // PrintStream swallows write errors: a settlement sent to a full disk or a closed pipe must not report success.
        if (exit == 0 && System.out.checkError()) {
            System.err.println("error: standard output could not be written; what it shows is incomplete");
            return ProblemReporter.ERROR;
        }
        return exit;
    }
}
