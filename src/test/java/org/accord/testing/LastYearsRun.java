package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.engine.RuleBases;
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
 * A data directory as the service leaves it after evaluating the README's request
 * (examples/valley-ipa-request.json) last year, when {@code rules/quality/measure-rates.drl}
 * worded its explanations otherwise: the run and its rule set exist only in the store, and the
 * rule file has changed since.
 *
 * @param runId      the stored run
 * @param oldRules   the rule set the run was made with (only in the store)
 * @param settlement the settlement as the run answered it
 * @param current    the same request settled by the current rules
 */
public record LastYearsRun(String runId, RuleBase oldRules, Settlement settlement, Settlement current) {

    /** What last year's rule file said before each explanation. */
    public static final String OLD_WORDING = "Last year's wording. ";

    public static LastYearsRun storeIn(Path dataDir) {
        return storeIn(dataDir, Clock.systemUTC());
    }

    /** As {@link #storeIn(Path)}, the run stored at the time the clock tells. */
    public static LastYearsRun storeIn(Path dataDir, Clock storedAt) {
        Map<String, byte[]> oldRules = new TreeMap<>(ClasspathFolder.read(RuleBase.FOLDER));
        oldRules.keySet().removeIf(path -> !path.endsWith(".drl") && !path.endsWith(".dmn"));
        String measureRates = new String(oldRules.get("quality/measure-rates.drl"), StandardCharsets.UTF_8);
        assertThat(measureRates).contains("@explanation(\"");
        oldRules.put("quality/measure-rates.drl",
                measureRates.replace("@explanation(\"", "@explanation(\"" + OLD_WORDING).getBytes(StandardCharsets.UTF_8));
        Map<String, String> oldTexts = new TreeMap<>();
        oldRules.forEach((path, bytes) -> oldTexts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        RuleBase old = RuleBases.forSources(oldTexts);

        String request = read("examples/valley-ipa-request.json");
        ContractChoice contract = ContractChoice.of("mssp-basic");
        Settlement settlement = new EvaluationService(TemplateCatalog.load(), new Evaluator(old))
                .evaluate(contract, Json.readFacts(Path.of("examples/valley-ipa.json")));
        Settlement current = EvaluationService.load().evaluate(contract, Json.readFacts(Path.of("examples/valley-ipa.json")));

        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ContentStore content = new ContentStore(jdbc, Clock.systemUTC());
        Map<String, byte[]> stored = new TreeMap<>();
        oldRules.forEach((path, bytes) -> stored.put(RuleBase.FOLDER + "/" + path, bytes));
        assertThat(content.putRuleSet(stored)).isEqualTo(old.hash()).isNotEqualTo(current.rulesHash());
        TemplateCatalog.shippedTexts().values().forEach(text -> content.put(ContentKind.TEMPLATE, text));
        String runId = new RunStore(jdbc, TransactionOperations.withoutTransaction(), storedAt)
                .save(new NewRun("evaluation", "reviewer", "mssp-basic", settlement.ipaId(), settlement.performanceYear(),
                        settlement.factsHash(), settlement.contract().termsHash(), old.hash(),
                        settlement.contract().templateHash(), request, Replay.answer(settlement).toString()))
                .id();
        return new LastYearsRun(runId, old, settlement, current);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
