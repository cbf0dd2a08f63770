package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.testing.CommandLineRun;
import org.accord.testing.LastYearsRun;
import org.junit.jupiter.api.Test;

/**
 * README.md, "Replaying a run after the rules changed", followed command by command: a data
 * directory holds a run made yesterday (2026-11-30) with a measure-rates.drl that worded its
 * explanations otherwise, and one made today; the README's commands, run as written (with
 * {@code --data-dir} naming the test's directory and the listed id for {@code ID}), list only
 * yesterday's run, open it, and replay it identical with its own rules and different, field by
 * field, with the current ones.
 */
class ReplayWalkThroughTest {

    private static final String LAUNCHER = "target/accord ";

    @Test
    void theReadmesCommandsListYesterdaysRunOpenItAndReplayItBothWays() throws IOException {
        List<String> commands = readmeCommands();
        assertThat(commands).containsExactly(
                "runs list --since yesterday --before today",
                "runs show ID",
                "replay ID",
                "replay ID --rules current");
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-walk-through");
        LastYearsRun yesterday = LastYearsRun.storeIn(dataDir, Clock.fixed(Instant.parse("2026-11-30T15:04:05Z"), ZoneOffset.UTC));
        LastYearsRun today = LastYearsRun.storeIn(dataDir, Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));

        // the README's "yesterday" and "today", read on 2026-12-01
        RunsCommand.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        CommandLineRun list;
        try {
            list = run(commands.get(0), null, dataDir);
        } finally {
            RunsCommand.clock = Clock.systemUTC();
        }
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).singleElement().asString()
                .startsWith(yesterday.runId() + "  2026-11-30T15:04:05Z").contains("mssp-basic", "valley-ipa", "reviewer")
                .doesNotContain(today.runId());
        String id = list.out().substring(0, list.out().indexOf(' '));

        CommandLineRun show = run(commands.get(1), id, dataDir);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("run          " + id + " (evaluation)", "rules        " + yesterday.oldRules().hash());

        CommandLineRun stored = run(commands.get(2), id, dataDir);
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("outcome   identical\n");

        CommandLineRun current = run(commands.get(3), id, dataDir);
        assertThat(current.exitCode()).as(current.err()).isEqualTo(1);
        List<String> differences = current.out().lines().dropWhile(line -> !line.startsWith("outcome")).skip(1).toList();
        assertThat(current.out()).contains("outcome   different, " + differences.size() + " fields");
        assertThat(differences.get(0)).isEqualTo("/rulesHash  stored \"" + yesterday.oldRules().hash()
                + "\"  replayed \"" + yesterday.current().rulesHash() + "\"");
        assertThat(differences.subList(1, differences.size())).isNotEmpty()
                .allMatch(line -> line.matches("/findings/\\d+/explanation  stored \"" + LastYearsRun.OLD_WORDING + ".*"));
    }

    /** The command lines of the README section's code block, without the launcher ({@code target/accord}) before them. */
    private static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Replaying a run after the rules changed");
        assertThat(section).as("README section").isPositive();
        int start = readme.indexOf("```\n", section) + 4;
        String block = readme.substring(start, readme.indexOf("```", start));
        List<String> commands = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            assertThat(line).startsWith(LAUNCHER);
            commands.add(line.substring(LAUNCHER.length()));
        }
        return commands;
    }

    private static CommandLineRun run(String command, String id, Path dataDir) {
        List<String> args = new ArrayList<>(Arrays.stream(command.split(" ")).map(arg -> arg.equals("ID") ? id : arg).toList());
        args.addAll(List.of("--data-dir", dataDir.toString()));
        return CommandLineRun.run(args.toArray(String[]::new));
    }
}
