package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.replay.Replay;
import org.accord.settlement.SettlementLine;
import org.accord.testing.CommandLineRun;
import org.accord.testing.LastYearsRun;
import org.accord.testing.RunWithAnUploadedTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code accord replay} on a data directory, without a server: a run made before a rule file
 * changed is identical with its stored rules, and with the current rules differs in exactly the
 * fields the changed file writes; the exit code says which.
 */
class ReplayCommandTest {

    private static Path dataDir;
    private static LastYearsRun run;
    private static RunWithAnUploadedTable withATable;

    @BeforeAll
    static void storeLastYearsRun() throws IOException {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-command");
        run = LastYearsRun.storeIn(dataDir);
        withATable = RunWithAnUploadedTable.storeIn(dataDir);
    }

    @Test
    void withItsStoredRulesTheRunIsIdenticalAndExitsZero() {
        CommandLineRun replay = CommandLineRun.run("replay", run.runId(), "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        List<String> lines = replay.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run       " + run.runId());
        assertThat(lines.get(1)).startsWith("rules     stored, " + run.oldRules().hash() + " (compiled in ");
        assertThat(lines.get(2)).isEqualTo("outcome   identical");
        assertThat(lines).hasSize(3);
    }

    /**
     * A run made with a published template that answers the minimum savings rate with an uploaded
     * table: the table is read from the store as the service restores it, and the run replays
     * identical (it was "the decision table sha256:... has not been uploaded to this service", found
     * from outside, while the API's replay of the same run answered identical).
     */
    @Test
    void aRunWhoseTemplateNamesAnUploadedTableReplaysIdenticalWithTheTableFromTheStore() {
        CommandLineRun replay = CommandLineRun.run("replay", withATable.runId(), "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out().lines().toList()).containsExactly("run       " + withATable.runId(),
                "rules     stored, " + withATable.settlement().rulesHash(), "outcome   identical");
    }

    /**
     * The expected lines are derived from the two settlements, evaluated here in-process: the
     * rules hash, then each finding whose explanation last year's file worded otherwise (every
     * one written by quality/measure-rates.drl), in settlement order; no amount differs.
     */
    @Test
    void withTheCurrentRulesEveryDifferingFieldIsOneLineAndItExitsOne() {
        List<String> expected = new ArrayList<>();
        expected.add("/rulesHash  stored \"" + run.oldRules().hash() + "\"  replayed \"" + run.current().rulesHash() + "\"");
        List<SettlementLine> oldFindings = run.settlement().findings();
        List<SettlementLine> newFindings = run.current().findings();
        assertThat(oldFindings).hasSameSizeAs(newFindings);
        for (int i = 0; i < oldFindings.size(); i++) {
            if (!oldFindings.get(i).explanation().equals(newFindings.get(i).explanation())) {
                assertThat(oldFindings.get(i).explanation()).isEqualTo(LastYearsRun.OLD_WORDING + newFindings.get(i).explanation());
                expected.add("/findings/" + i + "/explanation  stored " + text(oldFindings.get(i).explanation())
                        + "  replayed " + text(newFindings.get(i).explanation()));
            }
        }
        assertThat(expected).hasSizeGreaterThan(1);

        CommandLineRun replay = CommandLineRun.run("replay", run.runId(), "--rules", "current", "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(1);
        List<String> lines = replay.out().lines().toList();
        assertThat(lines.get(1)).isEqualTo("rules     current, " + run.current().rulesHash());
        assertThat(lines.get(2)).isEqualTo("outcome   different, " + (expected.size()) + " fields");
        assertThat(lines.subList(3, lines.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void asJsonItIsTheReplayAnswerOfTheApi() {
        CommandLineRun replay = CommandLineRun.run("replay", run.runId(), "--rules", "current", "--json",
                "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(1);
        JsonNode answer = Replay.ANSWER_JSON.readTree(replay.out());
        assertThat(answer.get("evaluationId").asString()).isEqualTo(run.runId());
        assertThat(answer.get("rules").asString()).isEqualTo("current");
        assertThat(answer.get("outcome").asString()).isEqualTo("different");
        assertThat(answer.get("compiledRules").asBoolean()).isFalse();
        assertThat(answer.has("compileMillis")).isFalse();
        assertThat(answer.at("/differences/0/pointer").asString()).isEqualTo("/rulesHash");
        assertThat(answer.get("settlement"))
                .isEqualTo(Replay.answer(run.current()));
    }

    @Test
    void anUnknownRunOrRulesChoiceIsBadInputAndExitsTwo() {
        CommandLineRun unknown = CommandLineRun.run("replay", "00000000-0000-0000-0000-000000000000",
                "--data-dir", dataDir.toString());
        CommandLineRun newest = CommandLineRun.run("replay", run.runId(), "--rules", "newest", "--data-dir", dataDir.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no stored run '00000000-0000-0000-0000-000000000000'");
        assertThat(newest.exitCode()).isEqualTo(2);
        assertThat(newest.err()).contains("--rules: expected 'stored' or 'current'");
        assertThat(newest.out()).isEmpty();
    }

    /**
     * An error that stops the replay has an exit code of its own: it was 1, which says "different",
     * so a script read a store that had lost a run's table as a changed settlement.
     */
    @Test
    void aReplayAnErrorStopsExitsThreeNotAsAVerdict() throws IOException {
        Path lost = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-command-lost-table");
        RunWithAnUploadedTable withoutItsTable = RunWithAnUploadedTable.storeIn(lost, false);

        CommandLineRun replay = CommandLineRun.run("replay", withoutItsTable.runId(), "--data-dir", lost.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(3);
        assertThat(replay.err()).isEqualTo("error: the store has lost the decision table "
                + "sha256:ad27e69b0f670d6d983c9749913e229b532a96aeed2c857ad19fdd4a2411f5dd a stored run names" + System.lineSeparator());
        assertThat(replay.out()).isEmpty();
    }

    /** A store that has lost the template text a run settled with, or holds it damaged: an error naming it and its hash (exit 3). */
    @Test
    void aReplayWhoseTemplateTextIsLostOrDamagedStopsNamingTheTemplateAndItsHash() throws IOException {
        Path lost = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-command-lost-template");
        RunWithAnUploadedTable withoutItsTemplate = RunWithAnUploadedTable.storeIn(lost);
        Path damaged = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-command-damaged-template");
        RunWithAnUploadedTable withItsTemplateDamaged = RunWithAnUploadedTable.storeIn(damaged);
        String hash = withoutItsTemplate.settlement().contract().templateHash();
        // Lost as a store loses a row: past the references the schema keeps to it (one connection: the setting is its session's).
        try (org.springframework.jdbc.datasource.SingleConnectionDataSource one = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                org.accord.store.DataDirectory.h2Url(lost.toAbsolutePath()), true)) {
            org.springframework.jdbc.core.simple.JdbcClient lostStore = org.springframework.jdbc.core.simple.JdbcClient.create(one);
            lostStore.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
            assertThat(lostStore.sql("DELETE FROM content WHERE hash = ?").param(hash).update()).isEqualTo(1);
            lostStore.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }
        assertThat(storeIn(damaged).sql("UPDATE content SET bytes = ? WHERE hash = ?")
                .params("id: [".getBytes(java.nio.charset.StandardCharsets.UTF_8), hash).update()).isEqualTo(1);

        CommandLineRun replayLost = CommandLineRun.run("replay", withoutItsTemplate.runId(), "--data-dir", lost.toString());
        CommandLineRun replayDamaged = CommandLineRun.run("replay", withItsTemplateDamaged.runId(), "--data-dir", damaged.toString());

        String settledOn = " was settled on template " + RunWithAnUploadedTable.TEMPLATE_ID + " " + hash;
        assertThat(replayLost.exitCode()).as(replayLost.err()).isEqualTo(3);
        assertThat(replayLost.err()).isEqualTo("error: run " + withoutItsTemplate.runId() + settledOn
                + ", whose text the store no longer holds: it cannot be replayed" + System.lineSeparator());
        assertThat(replayLost.out()).isEmpty();
        assertThat(replayDamaged.exitCode()).as(replayDamaged.err()).isEqualTo(3);
        assertThat(replayDamaged.err()).startsWith("error: run " + withItsTemplateDamaged.runId() + settledOn
                + ", whose stored text no longer reads as a template: ").endsWith(": it cannot be replayed" + System.lineSeparator());
        assertThat(replayDamaged.out()).isEmpty();
    }

    /**
     * A stored request whose facts the store holds damaged (member months made negative, past the service): the run cannot be
     * replayed, an error without a verdict (exit 3) saying why; it was "invalid input" (exit 2), as if the command's own
     * input were wrong.
     */
    @Test
    void aReplayWhoseStoredFactsNoLongerPassTheChecksStopsSayingWhy() throws IOException {
        Path damaged = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-command-damaged-request");
        RunWithAnUploadedTable stored = RunWithAnUploadedTable.storeIn(damaged);
        tools.jackson.databind.node.ObjectNode request = (tools.jackson.databind.node.ObjectNode) org.accord.io.Json.MAPPER.readTree(
                Files.readString(Path.of("examples/valley-ipa-request.json")));
        request.withObject("/contract").put("templateId", RunWithAnUploadedTable.TEMPLATE_ID);
        request.withObject("/facts/practices/0").put("memberMonths", -5);
        assertThat(storeIn(damaged).sql("UPDATE run SET request = ?, request_compressed = NULL WHERE id = ?")
                .params(request.toString(), stored.runId()).update()).isEqualTo(1);

        CommandLineRun replay = CommandLineRun.run("replay", stored.runId(), "--data-dir", damaged.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(3);
        assertThat(replay.err()).isEqualTo("error: run " + stored.runId() + "'s stored request and facts no longer pass the checks of an"
                + " evaluation: /facts/practices/0/memberMonths: cannot be negative (was -5): it cannot be replayed" + System.lineSeparator());
        assertThat(replay.out()).isEmpty();
    }

    /** The data directory's database, as the command line opens it. */
    private static org.springframework.jdbc.core.simple.JdbcClient storeIn(Path dataDir) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                org.accord.store.DataDirectory.h2Url(dataDir.toAbsolutePath())));
    }

    @Test
    void theHelpListsEveryExitCode() {
        CommandLineRun help = CommandLineRun.run("replay", "--help");

        assertThat(help.out()).contains("Exit codes:", "0   identical", "1   different", "2   no such stored evaluation, or bad options",
                "3   an error stopped the replay");
    }

    private static String text(String value) {
        return Replay.ANSWER_JSON.writeValueAsString(value);
    }
}
