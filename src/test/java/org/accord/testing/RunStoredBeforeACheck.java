package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBases;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.FactsValidator;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.DataDirectory;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A data directory holding a run the service made, with the current rules, before a check of the facts was
 * added that refuses them now: its facts pass only the checks stored runs passed ({@link FactsValidator.Checks#AS_STORED}).
 *
 * @param runId      the stored run
 * @param settlement the settlement as the run answered it
 */
public record RunStoredBeforeACheck(String runId, Settlement settlement) {

    public static RunStoredBeforeACheck storeIn(Path dataDir, String templateId, Path factsFile) {
        String factsJson = read(factsFile);
        assertThatThrownBy(() -> EvaluationService.withBuiltInRules(TemplateCatalog.load()).check(ContractChoice.of(templateId),
                Json.readFacts(factsFile))).as("the facts a check added later refuses").isInstanceOf(InvalidInputException.class);
        // As the service answers, with its findings on the terms' values in other performance years of the period.
        Settlement settlement = EvaluationService.forReplay(TemplateCatalog.load(), new Evaluator(RuleBases.builtIn()))
                .evaluateAsStored(ContractChoice.of(templateId), Json.readFacts(factsFile), true);
        String request = "{\"contract\":{\"templateId\":\"" + templateId + "\"},\"facts\":" + factsJson + "}";

        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ContentStore content = new ContentStore(jdbc, Clock.systemUTC());
        TemplateCatalog.shippedTexts().values().forEach(text -> content.put(ContentKind.TEMPLATE, text));
        String runId = new RunStore(jdbc, TransactionOperations.withoutTransaction(), Clock.systemUTC())
                .save(new NewRun("evaluation", "reviewer", templateId, settlement.ipaId(), settlement.performanceYear(),
                        settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                        settlement.contract().templateHash(), request, Replay.answer(settlement).toString()))
                .id();
        return new RunStoredBeforeACheck(runId, settlement);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
