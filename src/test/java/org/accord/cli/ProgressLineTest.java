package org.accord.cli;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;

/** Progress of long commands: drawn on a terminal's standard error only, never on standard output. */
class ProgressLineTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private long now;

    private ProgressLine line(boolean shown) {
        return new ProgressLine(new PrintStream(err, true, StandardCharsets.UTF_8), shown, "simulate", "trials", () -> now);
    }

    private String drawn() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheLineAppearsAfterASecondRedrawsInPlaceAndIsErasedAtTheEnd() {
        ProgressLine line = line(true);
        now = TimeUnit.MILLISECONDS.toNanos(900);
        line.advanced(50, 10_000);
        assertThat(drawn()).as("work shorter than a second stays silent").isEmpty();

        now = TimeUnit.MILLISECONDS.toNanos(1_000);
        line.advanced(1_500, 10_000);
        assertThat(drawn()).isEqualTo("\rsimulate: 1,500 of 10,000 trials (15%), 1 s");

        now = TimeUnit.MILLISECONDS.toNanos(1_100);
        line.advanced(1_550, 10_000);
        assertThat(drawn()).as("redrawn at most every 200 ms").isEqualTo("\rsimulate: 1,500 of 10,000 trials (15%), 1 s");

        now = TimeUnit.MILLISECONDS.toNanos(2_300);
        line.advanced(10_000, 10_000);
        line.close();
        String first = "simulate: 1,500 of 10,000 trials (15%), 1 s";
        String last = "simulate: 10,000 of 10,000 trials (100%), 2 s";
        assertThat(drawn()).isEqualTo("\r" + first + "\r" + last + "\r" + " ".repeat(last.length()) + "\r");
    }

    @Test
    void redirectedOrQuietNothingIsDrawn() {
        ProgressLine line = line(false);
        now = TimeUnit.SECONDS.toNanos(5);
        line.advanced(5_000, 10_000);
        line.close();
        assertThat(drawn()).isEmpty();
    }

    @Test
    void thisTestsStandardErrorIsRedirectedSoItIsNoTerminal() {
        // The build runs tests with standard error going to a pipe or a file, as a user's 2> would.
        assertThat(ProgressOptions.standardErrorIsTerminal()).isFalse();
    }

    @Test
    void aRedirectedSimulationPrintsNoProgressAndTheSameResultAsAQuietOne() {
        String[] simulate = {"simulate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--trials", "3000",
                "--seed", "7", "--json"};
        CommandLineRun redirected = run(simulate);
        CommandLineRun quiet = run(append(simulate, "--quiet"));

        assertThat(redirected.exitCode()).as(redirected.err()).isZero();
        assertThat(redirected.err()).isEmpty();
        assertThat(redirected.out()).startsWith("{").doesNotContain("\r").isEqualTo(quiet.out());
    }

    @Test
    void aRedirectedBacktestPrintsNoProgress() {
        CommandLineRun run = run("backtest", "cms-puf", "--file", "examples/cms/mssp-aco-puf-2018.csv", "--json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("{").doesNotContain("\r").contains("\"total\" : 548");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}
