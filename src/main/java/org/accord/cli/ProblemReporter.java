package org.accord.cli;

import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine;

/**
 * Prints input problems one per line, naming the field (and, in a batch, the request); exit code 2.
 * Anything else is a failure.
 */
final class ProblemReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof InvalidInputException invalid) {
            // A batch's refusal names the request it belongs to, counted from 0 as the API counts it.
            commandLine.getErr().println(invalid.request().isPresent()
                    ? "invalid input in request " + invalid.request().getAsInt() + " of the batch:"
                    : "invalid input:");
            for (InputProblem problem : invalid.problems()) {
                commandLine.getErr().println("  " + place(problem.pointer()) + ": " + problem.reason());
            }
            return 2;
        }
        commandLine.getErr().println("error: " + e.getMessage());
        return 1;
    }

    /** Where the problem is, in the command line's words: an override is the {@code --set} that gave it. */
    private static String place(String pointer) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        return pointer.startsWith(OVERRIDES) ? "--set " + pointer.substring(OVERRIDES.length()) : pointer;
    }

    private static final String OVERRIDES = "/contract/overrides/";
}
