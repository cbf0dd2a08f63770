package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging set-up a command runs with: standard error only, and the rule engine's chatter kept out. */
class StandardErrorLoggingTest {

    @Test
    void logbackFindsItAmongTheProcesssConfigurators() {
        // Spring Boot registers one too (the root level only); it leaves the rest to the next.
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(StandardErrorLogging.class);
    }

    @Test
    void logsGoToStandardErrorWithTheEnginesChatterKeptOut() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's own provider gives its context
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            StandardErrorLogging logging = new StandardErrorLogging();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

            context.getLogger("org.accord.engine.RuleBase").info("rules compiled from the carried files");
            context.getLogger("org.accord.engine.RuleBase").debug("not shown: below INFO");
            context.getLogger("org.drools.compiler.Advice").warn("not shown: the engine's chatter");
            context.getLogger("org.kie.api.Builder").error("the engine's errors are shown");
        } finally {
            context.stop();
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(outBytes.size()).as("standard output stays the settlement's").isZero();
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  org\\.accord\\.engine\\.RuleBase - rules compiled from the carried files"),
                        line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR org\\.kie\\.api\\.Builder - the engine's errors are shown"));
    }
}
