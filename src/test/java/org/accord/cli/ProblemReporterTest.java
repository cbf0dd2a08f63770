package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ProblemReporterTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Override
        public void run() {
        }
    }

    private record Reported(int exitCode, String err) {
    }

    /** What the reporter prints on standard error for the exception, and the exit code it gives. */
    private static Reported reported(Exception e) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));
        int exitCode = new ProblemReporter().handleExecutionException(e, commandLine, null);
        return new Reported(exitCode, err.toString());
    }

    @Test
    void aRefusedRequestOfABatchIsNamedWithItsProblems() {
        Reported reported = reported(new InvalidInputException("/contract/overrides/maximumSharingRate", "2 is above the maximum 1")
                .inRequest(3));

        assertThat(reported.exitCode()).isEqualTo(2);
        assertThat(reported.err().lines()).containsExactly(
                "invalid input in request 3 of the batch:",
                "  --set maximumSharingRate: 2 is above the maximum 1");
    }

    /** A sweep's refused point is named by its --vary and the point's value; "request 0 of the batch" told a user nothing (found from outside). */
    @Test
    void aRefusedSweepPointIsNamedByItsOptionNotByTheBatch() {
        Reported reported = reported(new InvalidInputException("/vary/0", "at the point where budgetPmpm is 0: the budget is 0")
                .inRequest(0));

        assertThat(reported.exitCode()).isEqualTo(2);
        assertThat(reported.err().lines()).containsExactly("invalid input:", "  --vary #1: at the point where budgetPmpm is 0: the budget is 0");
    }

    @Test
    void aRefusalOutsideABatchNamesOnlyTheField() {
        Reported reported = reported(new InvalidInputException("", "not a JSON document"));

        assertThat(reported.exitCode()).isEqualTo(2);
        assertThat(reported.err().lines()).containsExactly("invalid input:", "  (document): not a JSON document");
    }

    @Test
    void anythingElseIsAFailureWithItsMessageAndAnExitCodeNoVerdictHas() {
        Reported reported = reported(new IllegalStateException("rule base missing"));

        // 1 is replay's "different" and backtest's "a miss unexplained"; 2 is bad input
        assertThat(reported.exitCode()).isEqualTo(3);
        assertThat(reported.err()).isEqualTo("error: rule base missing" + System.lineSeparator());
    }
}
