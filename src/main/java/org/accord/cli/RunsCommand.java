package org.accord.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.accord.io.Displayed;
import org.accord.settlement.VersionStanding;
import org.accord.store.DataDirectory;
import org.accord.store.RunFilter;
import org.accord.store.RunStore;
import org.accord.store.RunSummary;
import org.accord.store.StoredRun;
import org.accord.store.Stores;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The runs the service stored, read from the same database without a web server: the H2 file of
 * the data directory ({@code ACCORD_DATA_DIR}, else ./accord-data; readable while the service
 * runs, docs/store.md) or the database {@code SPRING_DATASOURCE_URL} names.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists the stored runs, newest first, or shows one whole.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class})
class RunsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // A group of subcommands does nothing itself: naming none is bad input (exit 2, said on standard error).
        throw new InvalidInputException("SUBCOMMAND", "name one: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }

    /** What "today" is to --since and --before: the system's clock in UTC (a test fixes it). */
    static Clock clock = Clock.systemUTC();

    /**
     * A moment as a reviewer writes it: an instant, a date (its start in UTC, as the store's times
     * are UTC), {@code today} or {@code yesterday} (their starts), so that the README's "yesterday's
     * runs" command is right on any day.
     */
    static Instant moment(String text, String option) {
        if (text == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        try {
            LocalDate day = switch (text) {
                case "today" -> today;
                case "yesterday" -> today.minusDays(1);
                default -> text.length() == 10 ? LocalDate.parse(text) : null;
            };
            return day != null ? day.atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option, "expected an instant (2026-11-30T09:00:00Z), a date (2026-11-30), "
                    + "today or yesterday; got '" + text + "'");
        }
    }

    /** A stored name as a report shows it: without control or bidirectional characters, "-" when absent. */
    private static String shown(String stored) {
        return stored == null ? "-" : Displayed.text(stored);
    }

    /** Which data directory: the service's by default. */
    static class Where {
        @Option(names = "--data-dir", description = "The data directory (default: ACCORD_DATA_DIR, else ./accord-data).")
        java.nio.file.Path dataDir;

        java.nio.file.Path directory() {
            return dataDir == null ? DataDirectory.path() : dataDir.toAbsolutePath().normalize();
        }
    }

    /** The runs the service stored, or empty when the data directory holds no database yet. */
    static java.util.Optional<RunStore> open(java.nio.file.Path directory) {
        return Stores.open(directory).map(Stores::runs);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists stored runs, newest first.")
    static class ListRuns implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        Where where;

        @Option(names = "--template", description = "Only runs of this template.")
        String templateId;

        @Option(names = "--ipa", description = "Only runs for this IPA.")
        String ipaId;

        @Option(names = "--caller", description = "Only runs by this caller.")
        String caller;

        @Option(names = "--since", paramLabel = "WHEN", description = "Only runs stored at or after this moment: "
                + "an instant (2026-11-30T09:00:00Z), the start of a day in UTC (2026-11-30), today or yesterday.")
        String since;

        @Option(names = "--before", paramLabel = "WHEN", description = "Only runs stored before this moment, "
                + "written as for --since: --since yesterday --before today lists yesterday's runs.")
        String before;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new InvalidInputException("--limit", "at least 1, got " + limit);
            }
            var store = open(where.directory());
            if (store.isEmpty()) {
                // on standard error: a script reading the ids off standard output finds none
                System.err.println("no runs stored in " + where.directory());
                return 0;
            }
            RunFilter filter = new RunFilter(templateId, ipaId, null, caller, moment(since, "--since"), moment(before, "--before"));
            // One more than shown, to tell whether more match.
            List<RunSummary> runs = store.get().list(filter, limit + 1, 0);
            boolean more = runs.size() > limit;
            runs = runs.subList(0, Math.min(limit, runs.size()));
            if (runs.isEmpty()) {
                // an empty answer would look like a command that did nothing; said on standard error, where no id is read
                System.err.println("no stored run in " + where.directory() + " matches these options");
                return 0;
            }
            // one run a line, its id first; each column as wide as its longest entry, names shown without control characters
            List<List<String>> rows = runs.stream().map(run -> List.of(run.id(), run.storedAt().toString(), run.kind(),
                    shown(run.templateId()), shown(run.ipaId()),
                    run.performanceYear() == null ? "-" : run.performanceYear().toString(), shown(run.caller())))
                    .toList();
            StringBuilder format = new StringBuilder();
            for (int c = 0; c < rows.get(0).size() - 1; c++) {
                int column = c;
                format.append("%-").append(TextTable.widest(rows.stream().map(row -> row.get(column)), 1)).append("s  ");
            }
            format.append("%s%n");
            rows.forEach(row -> System.out.printf(format.toString(), row.toArray()));
            if (more) {
                // the list stopped at the limit without a word (found from outside); said where no id is read
                System.err.println("the newest " + limit + " shown; more runs match: --limit to see more");
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one stored run: its summary, the request and the answer as JSON.")
    static class ShowRun implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        Where where;

        @Parameters(index = "0", paramLabel = "RUN-ID", description = "The run's id.")
        String id;

        @Override
        public Integer call() {
            StoredRun run = open(where.directory()).flatMap(store -> store.find(id)).orElse(null);
            if (run == null) {
                throw new InvalidInputException("RUN-ID", "no stored run '" + id + "' in " + where.directory());
            }
            RunSummary s = run.summary();
            System.out.println("run          " + s.id() + " (" + s.kind() + ")");
            System.out.println("stored at    " + s.storedAt() + " by " + shown(s.caller()));
            System.out.println("contract     " + shown(s.templateId()) + ", IPA " + shown(s.ipaId()) + ", " + s.performanceYear());
            // The stored contract version settled, as the settlement names it (absent when the request named a template).
            var answer = org.accord.io.Json.MAPPER.readTree(run.result());
            var version = answer.at("/contract/contractVersion");
            if (version.isObject()) {
                System.out.println("version      " + version.path("id").asString() + " " + version.path("versionHash").asString());
                System.out.print(standing(version.path("standing"), answer.path("findings")));
            }
            System.out.println("facts        " + s.factsHash());
            System.out.println("terms        " + s.termsHash());
            System.out.println("rules        " + s.rulesHash());
            System.out.println("template     " + s.templateHash());
            System.out.println("request      " + run.request());
            System.out.println("answer       " + run.result());
            return 0;
        }

        /**
         * Whether the version was in force on the facts' days, as the run's answer keeps it: its {@code inForce} and the
         * other versions that govern which days, then the finding's sentence when it says more (not when in force throughout).
         */
        static String standing(tools.jackson.databind.JsonNode standing, tools.jackson.databind.JsonNode findings) {
            if (!standing.isObject()) {
                return "standing     not kept: the run was stored before a version's standing was kept with its answer\n";
            }
            StringBuilder out = new StringBuilder("standing     version ").append(standing.path("versionNumber").asInt()).append(' ');
            String inForce = standing.path("inForce").asString();
            out.append(VersionStanding.THROUGHOUT.equals(inForce) ? "in force throughout the facts' days" : inForce);
            String separator = ": ";
            for (var other : standing.path("governedBy")) {
                out.append(separator).append("version ").append(other.path("versionNumber").asInt()).append(" in force ")
                        .append(other.path("from").asString()).append(" to ").append(other.path("to").asString());
                separator = ", ";
            }
            out.append('\n');
            for (var finding : findings) {
                if (VersionStanding.RULE.equals(finding.path("rule").asString(null))) {
                    out.append("             ").append(shown(finding.path("explanation").asString())).append('\n');
                }
            }
            return out.toString();
        }
    }
}
