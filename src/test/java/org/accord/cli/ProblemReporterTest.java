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

    @Test
    void aRefusedRequestOfABatchIsNamedWithItsProblems() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));
        InvalidInputException refused = new InvalidInputException("/contract/overrides/maximumSharingRate", "2 is above the maximum 1")
                .inRequest(3);

        int exitCode = new ProblemReporter().handleExecutionException(refused, commandLine, null);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "invalid input in request 3 of the batch:",
                "  --set maximumSharingRate: 2 is above the maximum 1");
    }

    /** A sweep's refused point is named by its --vary and the point's value; "request 0 of the batch" told a user nothing (found from outside). */
    @Test
    void aRefusedSweepPointIsNamedByItsOptionNotByTheBatch() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));
        InvalidInputException refused = new InvalidInputException("/vary/0", "at the point where budgetPmpm is 0: the budget is 0")
                .inRequest(0);

        int exitCode = new ProblemReporter().handleExecutionException(refused, commandLine, null);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("invalid input:", "  --vary #1: at the point where budgetPmpm is 0: the budget is 0");
    }

    @Test
    void aRefusalOutsideABatchNamesOnlyTheField() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));

        int exitCode = new ProblemReporter().handleExecutionException(
                new InvalidInputException("", "not a JSON document"), commandLine, null);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("invalid input:", "  (document): not a JSON document");
    }

    @Test
    void anythingElseIsAFailureWithItsMessage() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));

        int exitCode = new ProblemReporter().handleExecutionException(new IllegalStateException("rule base missing"), commandLine, null);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: rule base missing" + System.lineSeparator());
    }
}
