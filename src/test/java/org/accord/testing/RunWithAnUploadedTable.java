package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.accord.content.ContentHash;
import org.accord.engine.CustomDecisionTable;
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
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A data directory as the service leaves it after an admin uploaded
 * {@code src/test/resources/uploads/flat-msr.dmn}, published the template naming it
 * ({@code mssp-basic-flat-msr.yaml}, README "Templates and decision tables as data") and a caller
 * evaluated the valley IPA with that template: the table and the template exist only in the store.
 *
 * @param runId      the stored run
 * @param settlement the settlement as the run answered it
 */
public record RunWithAnUploadedTable(String runId, Settlement settlement) {

    public static final Path TABLE = Path.of("src/test/resources/uploads/flat-msr.dmn");
    public static final Path TEMPLATE = Path.of("src/test/resources/uploads/mssp-basic-flat-msr.yaml");
    public static final String TEMPLATE_ID = "mssp-basic-flat-msr";

    /** The table, the template and the run, stored as the service stores them. */
    public static RunWithAnUploadedTable storeIn(Path dataDir) {
        return storeIn(dataDir, true);
    }

    /**
     * As {@link #storeIn(Path)}; without the table, the store has lost it (a database restored
     * from a partial copy, say) while keeping the template and the run that name it.
     */
    public static RunWithAnUploadedTable storeIn(Path dataDir, boolean withTheTable) {
        Settlement settlement = settle(Json.readFacts(Path.of("examples/valley-ipa.json")));
        JdbcClient jdbc = publishIn(dataDir, withTheTable);
        assertThat(settlement.contract().templateHash()).isEqualTo(ContentHash.of(read(TEMPLATE)));
        String request = new String(read(Path.of("examples/valley-ipa-request.json")), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"templateId\"\\s*:\\s*\"mssp-basic\"", "\"templateId\": \"" + TEMPLATE_ID + "\"");
        assertThat(request).contains("\"templateId\": \"" + TEMPLATE_ID + "\"");
        String runId = new RunStore(jdbc, TransactionOperations.withoutTransaction(), Clock.systemUTC())
                .save(new NewRun("evaluation", "negotiator", TEMPLATE_ID, settlement.ipaId(), settlement.performanceYear(),
                        settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                        settlement.contract().templateHash(), request, Replay.answer(settlement).toString()))
                .id();
        return new RunWithAnUploadedTable(runId, settlement);
    }

    /** A migrated data directory holding the uploaded table (unless left out) and the template that names it. */
    public static JdbcClient publishIn(Path dataDir, boolean withTheTable) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ContentStore content = new ContentStore(jdbc, Clock.systemUTC());
        if (withTheTable) {
            content.put(ContentKind.DECISION_TABLE, read(TABLE));
        }
        content.put(ContentKind.TEMPLATE, read(TEMPLATE));
        return jdbc;
    }

    /** The facts settled in this process under the published template, answered by the uploaded table. */
    public static Settlement settle(org.accord.facts.PerformanceFacts facts) {
        EvaluationService service = EvaluationService.load();
        service.customTables().add(CustomDecisionTable.check(read(TABLE)));
        service.publish(TemplateCatalog.readUpload(read(TEMPLATE)));
        return service.evaluate(ContractChoice.of(TEMPLATE_ID), facts);
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
