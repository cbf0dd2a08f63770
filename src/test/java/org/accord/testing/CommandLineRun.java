package org.accord.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.accord.cli.AccordCommand;

/**
 * Runs the command line in this JVM as {@code java -jar accord.jar <args>} would, capturing what it
 * prints and its exit code.
 *
 * @param exitCode what the process would exit with
 * @param out      standard output
 * @param err      standard error
 */
public record CommandLineRun(int exitCode, String out, String err) {

    public static CommandLineRun run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AccordCommand.run(args);
            return new CommandLineRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
