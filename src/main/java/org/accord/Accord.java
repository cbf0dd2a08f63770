package org.accord;

import java.util.Arrays;
import java.util.Set;
import org.accord.api.AccordService;
import org.accord.cli.AccordCommand;
import org.accord.engine.RuleBases;

/**
 * {@code java -jar accord.jar} with no arguments (or {@code serve}) starts the REST service;
 * any other command runs on the command line without starting Spring.
 */
public final class Accord {

    /** The commands that settle with the rules: the rules load while such a command reads its input. */
    private static final Set<String> COMMANDS_USING_RULES = Set.of("evaluate", "compare", "sweep", "simulate", "cashflow", "backtest");

    private Accord() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "serve".equals(args[0])) {
            RuleBases.preload();
            AccordService.start(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (COMMANDS_USING_RULES.contains(args[0]) && Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help"))) {
            RuleBases.preload();
        }
        System.exit(AccordCommand.run(args));
    }
}
