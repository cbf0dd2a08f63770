package org.accord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --quiet}, and whether progress is drawn: only on a terminal's standard error. */
final class ProgressOptions {

    private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    @Option(names = {"-q", "--quiet"}, description = "Draw no progress (it is drawn only when standard error is a terminal, "
            + "never on standard output).")
    boolean quiet;

    /** A progress line for work that has just begun; close it before printing the result. */
    ProgressLine start(String work, String units) {
        return new ProgressLine(System.err, !quiet && standardErrorIsTerminal(), work, units, System::nanoTime);
    }

    /**
     * Whether file descriptor 2 is a terminal. Java has no isatty: on Linux the descriptor's link
     * names the device (/dev/pts/N, /dev/ttyN); elsewhere {@link System#console()}, which needs
     * standard input and output to be the terminal too, is the nearest answer.
     */
    static boolean standardErrorIsTerminal() {
        if (Files.isSymbolicLink(STANDARD_ERROR)) {
            try {
                String device = Files.readSymbolicLink(STANDARD_ERROR).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
