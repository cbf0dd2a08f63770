package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.accord.content.ContentHash;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.DataDirectory;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.accord.terms.TemplateCatalog;
import org.accord.testing.CommandLineRun;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A run made on mssp-basic 2025.4, which declared the elected minimum savings rate from 0 to 0.122 where its text and its
 * concept's steps say 0 to 0.02, replays identical on the template text it was stored with after 2025.5 corrected the
 * range: a changed text is another template hash, and a stored run names the one it ran on.
 */
class ReplayOfARunMadeOnAnEarlierTemplateTextTest {

    /** mssp-basic 2025.4 as the store kept it: its self-contained text, the shared parameter files it includes written in. */
    private static final Path STORED_TEXT = Path.of("src/test/resources/terms/stored/mssp-basic-2025.4.yaml");

    private static Path dataDir;
    private static String runId;
    private static Settlement settlement;

    @BeforeAll
    static void storeARunMadeOnTheEarlierText() throws IOException {
        byte[] earlier = Files.readAllBytes(STORED_TEXT);
        TemplateCatalog catalog = TemplateCatalog.ofFile(STORED_TEXT.toString(), earlier);
        settlement = EvaluationService.withBuiltInRules(catalog).evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")));

        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-mssp-basic-2025.4");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new ContentStore(jdbc, Clock.systemUTC()).put(ContentKind.TEMPLATE, earlier);
        String request = "{\"contract\":{\"templateId\":\"mssp-basic\"},\"facts\":" + Files.readString(Path.of("examples/valley-ipa.json")) + "}";
        runId = new RunStore(jdbc, TransactionOperations.withoutTransaction(), Clock.systemUTC())
                .save(new NewRun("evaluation", "reviewer", "mssp-basic", settlement.ipaId(), settlement.performanceYear(),
                        settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                        settlement.contract().templateHash(), request, Replay.answer(settlement).toString()))
                .id();
    }

    @Test
    void theStoredTextIsTheOneShippedAs2025Point4AndNotTheOneServedNow() throws IOException {
        // The hash docs/hashes.md and ContractsApiTest named for mssp-basic until 2025.5.
        assertThat(ContentHash.of(Files.readAllBytes(STORED_TEXT)))
                .isEqualTo("sha256:b7bf088a61d8542be5af001574182e5398a54e9f7700ec457a107d785eca5802")
                .isEqualTo(settlement.contract().templateHash())
                .isNotEqualTo(TemplateCatalog.load().find("mssp-basic").orElseThrow().contentHash());
        assertThat(settlement.contract().templateVersion()).isEqualTo("2025.4");
    }

    @Test
    void theRunReplaysIdenticalOnItsStoredText() {
        CommandLineRun replay = CommandLineRun.run("replay", runId, "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out().lines().toList().get(2)).isEqualTo("outcome   identical");
    }
}
