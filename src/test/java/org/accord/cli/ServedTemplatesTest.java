package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.accord.content.ContentHash;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.ContractStore;
import org.accord.store.ContractVersion;
import org.accord.store.DataDirectory;
import org.accord.store.NewContractVersion;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.testing.CommandLineRun;
import org.accord.testing.RunWithAnUploadedTable;

/**
 * `accord templates` and `accord document` read the templates published to the store of the data
 * directory, as the service serves them: a later version replaces an earlier one, and a shipped
 * template's id is never taken by a stored one. The commands that settle (evaluate, compare,
 * sweep, simulate, cashflow) settle with a template so listed, with the uploaded tables it names.
 */
class ServedTemplatesTest {

    private final Path dataDir = Path.of("target", "served-templates-" + UUID.randomUUID());

    private static String basic(String id, String version) throws IOException {
        return new String(org.accord.terms.TemplateCatalog.shippedTexts().get("mssp-basic.yaml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^id: .*$", "id: " + id).replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"");
    }

    /** A data directory as the service leaves it: migrated, with the templates given published (stored) in order. */
    private JdbcClient publish(String... templates) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        ContentStore content = new ContentStore(JdbcClient.create(dataSource), Clock.systemUTC());
        for (String template : templates) {
            content.put(ContentKind.TEMPLATE, template.getBytes(StandardCharsets.UTF_8));
        }
        return JdbcClient.create(dataSource);
    }

    private String run(String... args) {
        CommandLineRun run = CommandLineRun.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void publishedTemplatesAreListedAndDocumentedBesideTheShippedOnes() throws IOException {
        String shippedBasicName = "Medicare Shared Savings Program, BASIC track, level A (one-sided)";
        publish(basic("store-basic", "1"), basic("store-basic", "2"),
                basic("mssp-basic", "99").replace("name: \"" + shippedBasicName + "\"", "name: \"Impostor\""));

        String list = run("templates", "--data-dir", dataDir.toString());

        assertThat(list.lines()).anySatisfy(line -> assertThat(line).startsWith("store-basic ").endsWith("  [published 2]"));
        assertThat(list.lines()).anySatisfy(line -> assertThat(line).startsWith("mssp-basic ").endsWith(shippedBasicName));
        assertThat(list).doesNotContain("Impostor");
        assertThat(run("templates", "store-basic", "--data-dir", dataDir.toString())).startsWith(shippedBasicName + " (store-basic 2)\n");
        assertThat(run("document", "store-basic", "--data-dir", dataDir.toString())).startsWith("# " + shippedBasicName + " (store-basic 2)\n");
    }

    /**
     * `templates` listed mssp-basic-flat-msr as published while `evaluate --template mssp-basic-flat-msr`
     * said "no template" (found from outside); it settles as the service settles it, its minimum
     * savings rate answered by the uploaded table read from the store.
     */
    @Test
    void aPublishedTemplateNamingAnUploadedTableIsEvaluatedWithTheTableFromTheStore() {
        RunWithAnUploadedTable.publishIn(dataDir, true);
        String template = RunWithAnUploadedTable.TEMPLATE_ID;
        assertThat(run("templates", "--data-dir", dataDir.toString()).lines())
                .anySatisfy(line -> assertThat(line).startsWith(template + " ").endsWith("  [published 1]"));

        String settlement = run("evaluate", "--template", template, "--facts", "examples/valley-ipa.json", "--json",
                "--data-dir", dataDir.toString());

        var expected = RunWithAnUploadedTable.settle(Json.readFacts(Path.of("examples/valley-ipa.json")));
        assertThat(Replay.ANSWER_JSON.readTree(settlement)).isEqualTo(Replay.answer(expected));
        // flat-msr.dmn answers 1% where the shipped table answers 2.306% for the valley IPA's 39,400 beneficiaries
        assertThat(settlement).contains("\"minimumSavingsRate\" : \"0.01\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compare", "sweep", "simulate", "cashflow"})
    void everyCommandThatSettlesFindsThePublishedTemplate(String command) {
        RunWithAnUploadedTable.publishIn(dataDir, true);
        String template = RunWithAnUploadedTable.TEMPLATE_ID;
        String[] options = switch (command) {
            case "compare" -> new String[] {"--baseline", "mssp-basic", "--proposal", template + ":maximumSharingRate=0.50"};
            case "sweep" -> new String[] {"--template", template, "--vary", "maximumSharingRate=0.40:0.50:0.10"};
            case "simulate" -> new String[] {"--template", template, "--trials", "20"};
            default -> new String[] {"--template", template, "--monthly-cost", "200000"};
        };
        String[] args = java.util.stream.Stream.of(new String[] {command, "--facts", "examples/small-panel.json", "--data-dir",
                dataDir.toString()}, options).flatMap(java.util.Arrays::stream).toArray(String[]::new);

        assertThat(run(args)).contains(template);
    }

    /** A store that has lost the table a published template names: an error (exit 3) naming both, not "no template". */
    @Test
    void aPublishedTemplateWhoseTableTheStoreLostIsAnError() {
        RunWithAnUploadedTable.publishIn(dataDir, false);

        CommandLineRun evaluate = CommandLineRun.run("evaluate", "--template", RunWithAnUploadedTable.TEMPLATE_ID,
                "--facts", "examples/valley-ipa.json", "--data-dir", dataDir.toString());

        assertThat(evaluate.exitCode()).as(evaluate.err()).isEqualTo(3);
        assertThat(evaluate.err()).contains("template 'mssp-basic-flat-msr'", "sha256:ad27e69b0f670d6d983c9749913e229b532a96aeed2c857ad19fdd4a2411f5dd",
                "Minimum savings rate by assigned population", "does not hold");
        assertThat(evaluate.out()).isEmpty();
    }

    /** A stored upload that fails a check added since it was published is not listed, and the listing says why. */
    @Test
    void aStoredUploadThatNoLongerPassesIsSaidWhereTheTemplatesAreListed() {
        JdbcClient jdbc = RunWithAnUploadedTable.publishIn(dataDir, true);
        String stale = new String(RunWithAnUploadedTable.read(RunWithAnUploadedTable.TEMPLATE), StandardCharsets.UTF_8)
                .replace("id: mssp-basic-flat-msr", "id: published-before-the-check")
                .replace("maximum: \"0.02\"\n        value: \"0.02\"", "maximum: \"0.122\"\n        value: \"0.02\"");
        String hash = new ContentStore(jdbc, java.time.Clock.systemUTC()).put(ContentKind.TEMPLATE, stale.getBytes(StandardCharsets.UTF_8));

        CommandLineRun list = CommandLineRun.run("templates", "--data-dir", dataDir.toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("mssp-basic-flat-msr ").doesNotContain("published-before-the-check");
        assertThat(list.err()).contains("stored template published-before-the-check (" + hash + ") is not published: it no longer passes"
                + " the checks a template is published with: /clauses/2/parameters/electedMinimumSavingsRate/maximum");
    }

    @Test
    void withoutAStoreOnlyTheShippedTemplatesAreListed() {
        String list = run("templates", "--data-dir", dataDir.resolve("none").toString());

        assertThat(list).contains("mssp-basic ").doesNotContain("[published");
    }

    @Test
    void aStoredContractVersionsDocumentShowsItsOverrideBesideTheTemplatesValue() throws IOException {
        String basic = new String(org.accord.terms.TemplateCatalog.shippedTexts().get("mssp-basic.yaml"), java.nio.charset.StandardCharsets.UTF_8);
        ContractStore contracts = new ContractStore(publish(basic), TransactionOperations.withoutTransaction(), Clock.systemUTC());
        ContractVersion first = contracts.create("valley-ipa", "Medicare Shared Savings Program", "mssp-basic",
                new NewContractVersion("initial", "draft", ContentHash.of(basic.getBytes(StandardCharsets.UTF_8)),
                        "{\"maximumSharingRate\":\"0.50\"}", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                        "sha256:feed", "key:negotiator"));

        String markdown = run("document", "--contract-version", first.id(), "--data-dir", dataDir.toString());

        assertThat(markdown).startsWith("# Contract of valley-ipa with Medicare Shared Savings Program, version 1 (initial)\n")
                .contains("| published | no: this draft is not the contract in force for any day |")
                // mssp-basic's maximumSharingRate is 0.40; the version's 0.50 is in force.
                .contains("| `maximumSharingRate` | **0.50** (changed; template: 0.40) |");
    }
}
