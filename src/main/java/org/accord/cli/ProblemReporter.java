package org.accord.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine;

/**
 * Prints input problems one per line, naming the option or the field (and, in a batch, the request); exit code 2.
 * Anything else is an error that stopped the command: its message, exit code 3.
 */
final class ProblemReporter implements CommandLine.IExecutionExceptionHandler {

    /** Bad input: an option, a file or a field the command cannot use (picocli's usage code). */
    static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    /**
     * An error stopped the command: not picocli's 1 ({@code SOFTWARE}), which {@code replay} answers for
     * "different" and {@code backtest} for "a miss unexplained", so that a script never reads an error as a verdict.
     */
    static final int ERROR = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof InvalidInputException invalid) {
            // A batch's refusal names the request it belongs to, counted from 0 as the API counts it; a sweep's point or a
            // comparison's side is named by the option that gave it (--vary #1, --proposal #2), so its index is not repeated.
            boolean namedByItsOption = invalid.problems().stream().allMatch(p -> SCENARIO_OPTION.matcher(p.pointer()).matches());
            commandLine.getErr().println(invalid.request().isPresent() && !namedByItsOption
                    ? "invalid input in request " + invalid.request().getAsInt() + " of the batch:"
                    : "invalid input:");
            FactsOptions facts = factsOptions(commandLine);
            for (InputProblem problem : invalid.problems()) {
                commandLine.getErr().println("  " + place(problem.pointer(), facts) + ": "
                        + (facts == null ? problem.reason() : facts.inTheUsersWords(problem.reason())));
            }
            return BAD_INPUT;
        }
        commandLine.getErr().println("error: " + e.getMessage());
        return ERROR;
    }

    /**
     * Where the problem is, in the command line's words: an override is the {@code --set} that gave
     * it, a fact the place in the file the command's {@code --facts} named, a compared contract or a
     * swept range the {@code --baseline}, {@code --proposal} or {@code --vary} that gave it.
     */
    private static String place(String pointer, FactsOptions facts) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        if (facts != null && FactsOptions.inFacts(pointer)) {
            return facts.place(pointer);
        }
        if (pointer.startsWith(OVERRIDES)) {
            return "--set " + pointer.substring(OVERRIDES.length());
        }
        // the cash flow's costs: the list, or one month's amount in it
        Matcher cost = MONTHLY_COSTS.matcher(pointer);
        if (cost.matches()) {
            return cost.group(1) == null ? "--monthly-cost" : "--monthly-cost, month " + (Integer.parseInt(cost.group(1)) + 1);
        }
        Matcher option = SCENARIO_OPTION.matcher(pointer);
        if (option.matches()) {
            // /proposals/0/overrides/x is the first --proposal's term x; /vary/1/parameter the second --vary
            String place = "--" + ("proposals".equals(option.group(1)) ? "proposal" : option.group(1))
                    + (option.group(2) == null ? "" : " #" + (Integer.parseInt(option.group(2)) + 1));
            return option.group(3) == null ? place : place + " " + option.group(3);
        }
        return pointer;
    }

    /** A compare's or a sweep's request, by the option that gave each part: /baseline, /proposals/N, /vary/N. */
    private static final Pattern SCENARIO_OPTION =
            Pattern.compile("/(baseline|proposals|vary)(?:/(\\d+))?(?:/overrides/(.+)|/.*)?");

    /** The facts options of the command that failed, if it reads facts. */
    private static FactsOptions factsOptions(CommandLine commandLine) {
        return commandLine.getCommandSpec().mixins().values().stream().map(CommandLine.Model.CommandSpec::userObject)
                .filter(FactsOptions.class::isInstance).map(FactsOptions.class::cast).findFirst().orElse(null);
    }

    private static final String OVERRIDES = "/contract/overrides/";

    private static final Pattern MONTHLY_COSTS = Pattern.compile("/monthlyCosts(?:/(\\d+))?");
}
