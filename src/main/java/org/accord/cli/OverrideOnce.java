package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads {@code --set NAME=VALUE} into the option's map, refusing a name given twice: a map option would
 * keep the last value without a word, and the contract settled would not be the one the caller read on
 * the command line.
 */
final class OverrideOnce implements CommandLine.IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String option = argSpec.isOption() ? ((CommandLine.Model.OptionSpec) argSpec).longestName() : argSpec.paramLabel();
        if (args.isEmpty()) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), option + ": expected NAME=VALUE");
        }
        String assignment = args.pop();
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), option + ": expected NAME=VALUE, got '" + assignment + "'");
        }
        String name = assignment.substring(0, equals);
        Map<String, String> overrides = argSpec.getValue() == null ? new LinkedHashMap<>() : argSpec.getValue();
        if (overrides.containsKey(name)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), option + ": '" + name + "' is given twice ("
                    + overrides.get(name) + " and " + assignment.substring(equals + 1) + "); give it once");
        }
        overrides.put(name, assignment.substring(equals + 1));
        argSpec.setValue(overrides);
    }
}
