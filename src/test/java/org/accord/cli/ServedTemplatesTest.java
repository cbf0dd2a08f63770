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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.accord.testing.CommandLineRun;

/**
 * `accord templates` and `accord document` read the templates published to the store of the data
 * directory, as the service serves them: a later version replaces an earlier one, and a shipped
 * template's id is never taken by a stored one.
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
