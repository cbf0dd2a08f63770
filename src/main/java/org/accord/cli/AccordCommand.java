package org.accord.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; run with no arguments, the jar starts the REST service instead. */
@Command(name = "accord", mixinStandardHelpOptions = true, version = "Accord 0.1.0",
        description = "Evaluates payer contracts for Independent Physician Associations with Drools rule sets.",
        subcommands = {EvaluateCommand.class, TemplatesCommand.class, CompareCommand.class, SweepCommand.class,
                SimulateCommand.class, CashFlowCommand.class, BacktestCommand.class, DocumentCommand.class, RunsCommand.class,
                ReplayCommand.class})
public class AccordCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code; bad input prints its problems and exits 2. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new AccordCommand());
        commandLine.setExecutionExceptionHandler(new ProblemReporter());
        return commandLine.execute(args);
    }
}
