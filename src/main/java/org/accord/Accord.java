package org.accord;

import org.accord.api.AccordService;
import org.accord.cli.AccordCommand;

/**
 * {@code java -jar accord.jar} with no arguments (or {@code serve}) starts the REST service;
 * any other command runs on the command line without starting Spring.
 */
public final class Accord {

    private Accord() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "serve".equals(args[0])) {
            AccordService.start(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(AccordCommand.run(args));
    }
}
