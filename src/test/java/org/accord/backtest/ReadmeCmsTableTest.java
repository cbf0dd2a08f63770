package org.accord.backtest;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;

/** The README's table of CMS years is the output of the command its text shows, run here. */
class ReadmeCmsTableTest {

    private static final Pattern COMMAND = Pattern.compile("target/accord (backtest cms-puf --markdown [^\\n]+)");

    @Test
    void theReadmeTableOfYearsIsWhatTheCommandPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher command = COMMAND.matcher(readme);
        assertThat(command.find()).as("the README shows the command that prints its table").isTrue();
        List<String> args = new ArrayList<>(List.of(command.group(1).split(" ")));

        CommandLineRun table = run(args.toArray(String[]::new));

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().count()).isEqualTo(2 + 7);
        assertThat(readme).contains(table.out());
    }
}
