package org.accord;

import java.util.Arrays;
import java.util.Set;
import org.accord.api.AccordService;
import org.accord.cli.AccordCommand;
import org.accord.engine.RuleBases;

/**
 * {@code java -jar accord.jar} with no arguments, with {@code serve}, or with Spring's property
 * arguments only ({@code --server.port=9090 --spring.profiles.active=dev}) starts the REST service;
 * any other command runs on the command line without starting Spring.
 */
public final class Accord {

    /** The commands that settle with the rules: the rules load while such a command reads its input. */
    private static final Set<String> COMMANDS_USING_RULES = Set.of("evaluate", "compare", "sweep", "simulate", "cashflow", "backtest");

    private Accord() {
    }

    public static void main(String[] args) {
        if (startsTheService(args)) {
            RuleBases.preload();
            AccordService.start(args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args);
            return;
        }
        if (COMMANDS_USING_RULES.contains(args[0]) && Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help"))) {
            RuleBases.preload();
        }
        System.exit(AccordCommand.run(args));
    }

    /**
     * Whether the arguments ask for the service: none, {@code serve}, or only properties in Spring
     * Boot's own form, as a Spring user starts any service ({@code --name=value}; the command line
     * has no option of that form before its command).
     */
    static boolean startsTheService(String[] args) {
        return args.length == 0 || "serve".equals(args[0])
                || Arrays.stream(args).allMatch(a -> a.startsWith("--") && a.indexOf('=') > 2);
    }
}
