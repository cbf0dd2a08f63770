package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.accord.io.Json;
import org.accord.settlement.VersionStanding;
import org.accord.store.DataDirectory;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.accord.store.RunSummary;
import org.accord.validation.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.accord.testing.CommandLineRun;

/** `accord runs list` and `accord runs show` read a data directory the service wrote, without a server. */
class RunsCommandTest {

    @TempDir
    Path dataDir;

    /** A data directory as the service leaves it: migrated, with the runs given stored. */
    private RunSummary store(String ipa) {
        return store(ipa, "{\"ipaPayout\":\"1234.56\"}");
    }

    private RunSummary store(String ipa, String answer) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new RunStore(JdbcClient.create(dataSource), TransactionOperations.withoutTransaction(), Clock.systemUTC())
                .save(new NewRun("evaluation", "reviewer", "mssp-basic", ipa, 2025, "sha256:f", "sha256:t", "sha256:r", null,
                        "{\"contract\":{\"templateId\":\"mssp-basic\"}}", answer));
    }

    private String run(String... args) {
        CommandLineRun run = CommandLineRun.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void listsTheStoredRunsNewestFirstAndShowsOneWhole() {
        RunSummary older = store("valley-ipa");
        RunSummary newer = store("hill-ipa");

        String list = run("runs", "list", "--data-dir", dataDir.toString());

        assertThat(list.lines().toList()).hasSize(2);
        assertThat(list.lines().toList().get(0)).startsWith(newer.id()).contains("hill-ipa", "reviewer", "mssp-basic");
        assertThat(list.lines().toList().get(1)).startsWith(older.id()).contains("valley-ipa");
        assertThat(run("runs", "list", "--ipa", "valley-ipa", "--data-dir", dataDir.toString()).lines().toList())
                .singleElement().asString().startsWith(older.id());
        CommandLineRun none = CommandLineRun.run("runs", "list", "--ipa", "no-such-ipa", "--data-dir", dataDir.toString());
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).as("no id to read on standard output").isEmpty();
        assertThat(none.err()).isEqualTo("no stored run in " + dataDir + " matches these options\n");
        // At the limit, standard error says more match (the list stopped without a word); not when all are shown.
        CommandLineRun limited = CommandLineRun.run("runs", "list", "--limit", "1", "--data-dir", dataDir.toString());
        assertThat(limited.out().lines().toList()).singleElement().asString().startsWith(newer.id());
        assertThat(limited.err()).isEqualTo("the newest 1 shown; more runs match: --limit to see more\n");
        assertThat(CommandLineRun.run("runs", "list", "--limit", "2", "--data-dir", dataDir.toString()).err()).isEmpty();
        CommandLineRun negative = CommandLineRun.run("runs", "list", "--limit", "-1", "--data-dir", dataDir.toString());
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--limit").contains("at least 1").doesNotContain("SQL");

        String shown = run("runs", "show", older.id(), "--data-dir", dataDir.toString());

        assertThat(shown).contains("valley-ipa", "sha256:r", "{\"ipaPayout\":\"1234.56\"}", "by reviewer");
        assertThat(shown).doesNotContain("version ");
    }

    /** A name a client gave is listed without the characters that would make its line read otherwise, in aligned columns. */
    @Test
    void listedNamesAreShownWithoutBidirectionalOverridesAndInColumns() {
        store("valley-ipa");
        store("hill\u202Esdrawkcab-ipa");

        List<String> lines = run("runs", "list", "--data-dir", dataDir.toString()).lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("hillsdrawkcab-ipa").doesNotContain("\u202E");
        assertThat(lines.get(0).indexOf("2025")).isEqualTo(lines.get(1).indexOf("2025")).isPositive();
        assertThat(run("runs", "show", lines.get(0).substring(0, lines.get(0).indexOf(' ')), "--data-dir", dataDir.toString()))
                .contains("IPA hillsdrawkcab-ipa, 2025");
    }

    @Test
    void showNamesTheStoredContractVersionASettlementWasEvaluatedWith() {
        RunSummary run = store("valley-ipa", "{\"contract\":{\"templateId\":\"mssp-basic\",\"contractVersion\":"
                + "{\"id\":\"3f1c2b9e-version-2\",\"versionHash\":\"sha256:v2\"}}}");

        String shown = run("runs", "show", run.id(), "--data-dir", dataDir.toString());

        assertThat(shown.lines()).contains("version      3f1c2b9e-version-2 sha256:v2");
    }

    /**
     * The version's standing, as the answer keeps it (VersionStanding's JSON) and as its finding says it: a superseded
     * version names the version in force on which days, and the finding's sentence follows; one in force throughout says
     * so (it has no finding); a run stored before standings were kept says that it has none.
     */
    @Test
    void showSaysWhetherTheStoredContractVersionWasInForceOnTheFactsDays() {
        String sentence = "Contract version 1 is published, but on some of the facts' days, 2025-01-01 to 2025-12-31, a version "
                + "published after it is in force: version 2 on 2025-07-01 to 2025-12-31; version 1 on the other 181 days. "
                + "Every day is settled here at version 1's terms.";
        VersionStanding superseded = new VersionStanding(1, VersionStanding.SUPERSEDED, List.of(new VersionStanding.DaysGoverned(
                "3f1c2b9e-version-2", 2, java.time.LocalDate.parse("2025-07-01"), java.time.LocalDate.parse("2025-12-31"))));
        RunSummary supersededRun = store("valley-ipa", "{\"contract\":{\"templateId\":\"mssp-basic\",\"contractVersion\":"
                + "{\"id\":\"3f1c2b9e-version-1\",\"versionHash\":\"sha256:v1\",\"standing\":" + Json.MAPPER.writeValueAsString(superseded)
                + "}},\"findings\":[{\"scope\":\"IPA\",\"clause\":\"contract version\",\"explanation\":" + Json.MAPPER.writeValueAsString(sentence)
                + ",\"rule\":" + Json.MAPPER.writeValueAsString(VersionStanding.RULE) + "}]}");
        RunSummary throughoutRun = store("valley-ipa", "{\"contract\":{\"templateId\":\"mssp-basic\",\"contractVersion\":"
                + "{\"id\":\"3f1c2b9e-version-2\",\"versionHash\":\"sha256:v2\",\"standing\":"
                + Json.MAPPER.writeValueAsString(new VersionStanding(2, VersionStanding.THROUGHOUT, List.of())) + "}}}");
        RunSummary storedBefore = store("valley-ipa", "{\"contract\":{\"templateId\":\"mssp-basic\",\"contractVersion\":"
                + "{\"id\":\"3f1c2b9e-version-2\",\"versionHash\":\"sha256:v2\"}}}");

        List<String> shownSuperseded = run("runs", "show", supersededRun.id(), "--data-dir", dataDir.toString()).lines().toList();
        List<String> shownThroughout = run("runs", "show", throughoutRun.id(), "--data-dir", dataDir.toString()).lines().toList();
        List<String> shownBefore = run("runs", "show", storedBefore.id(), "--data-dir", dataDir.toString()).lines().toList();

        assertThat(shownSuperseded).containsSubsequence("version      3f1c2b9e-version-1 sha256:v1",
                "standing     version 1 superseded: version 2 in force 2025-07-01 to 2025-12-31", "             " + sentence);
        assertThat(shownThroughout).containsSubsequence("version      3f1c2b9e-version-2 sha256:v2",
                "standing     version 2 in force throughout the facts' days", "facts        sha256:f");
        assertThat(shownBefore).containsSubsequence("version      3f1c2b9e-version-2 sha256:v2",
                "standing     not kept: the run was stored before a version's standing was kept with its answer");
    }

    /** --since and --before as a reviewer writes them; days start at midnight UTC, as the store's times are UTC. */
    @Test
    void aMomentIsAnInstantADateTodayOrYesterday() {
        RunsCommand.clock = Clock.fixed(Instant.parse("2026-12-01T00:30:00Z"), ZoneOffset.UTC);
        try {
            assertThat(RunsCommand.moment("today", "--since")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(RunsCommand.moment("yesterday", "--since")).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
            assertThat(RunsCommand.moment("2026-02-28", "--before")).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
            assertThat(RunsCommand.moment("2026-11-30T09:15:30Z", "--since")).isEqualTo(Instant.parse("2026-11-30T09:15:30Z"));
            assertThat(RunsCommand.moment(null, "--since")).isNull();
            for (String bad : List.of("tomorrow", "2026-02-30", "30/11/2026", "2026-11-30T09:15")) {
                assertThatThrownBy(() -> RunsCommand.moment(bad, "--before")).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.pointer()).isEqualTo("--before");
                            assertThat(p.reason()).endsWith("today or yesterday; got '" + bad + "'");
                        }));
            }
        } finally {
            RunsCommand.clock = Clock.systemUTC();
        }
    }

    @Test
    void anEmptyDataDirectoryHasNoRuns() {
        CommandLineRun none = CommandLineRun.run("runs", "list", "--data-dir", dataDir.resolve("none").toString());
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("no runs stored in");
    }
}
