package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 * A data directory holding a run the service made before a rule file changed: the shipped rules with the files of
 * {@code earlierFolder} (test resources, each an earlier text of a shipped rule file) as they were then. The run and
 * its rule set exist only in the store.
 *
 * @param runId      the stored run
 * @param oldRules   the rule set the run was made with
 * @param settlement the settlement as the run answered it
 * @param current    the same request settled by the current rules
 */
public record RunStoredWithEarlierRules(String runId, RuleBase oldRules, Settlement settlement, Settlement current) {

    /**
     * @param overridesJson the request's overrides as the client sent them (a JSON object)
     */
    public static RunStoredWithEarlierRules storeIn(Path dataDir, String earlierFolder, String templateId, String overridesJson,
            Path factsFile) {
        Map<String, byte[]> rules = shippedRuleFiles();
        ClasspathFolder.read(earlierFolder).forEach((path, bytes) ->
                assertThat(rules.put(path, bytes)).as("%s replaces a shipped file", path).isNotNull().isNotEqualTo(bytes));
        return store(dataDir, rules, templateId, overridesJson, factsFile);
    }

    /**
     * As {@link #storeIn}, made before a rule file was added: the shipped rules without {@code addedSince} (its path under
     * rules/).
     */
    public static RunStoredWithEarlierRules storeWithout(Path dataDir, String addedSince, String templateId, String overridesJson,
            Path factsFile) {
        Map<String, byte[]> rules = shippedRuleFiles();
        assertThat(rules.remove(addedSince)).as("%s is a shipped rule file", addedSince).isNotNull();
        return store(dataDir, rules, templateId, overridesJson, factsFile);
    }

    /** Replays the run with {@code accord replay} and its stored rules, and checks that it is identical. */
    public void replaysIdenticalWithItsStoredRules(Path dataDir) {
        CommandLineRun replay = CommandLineRun.run("replay", runId, "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        List<String> lines = replay.out().lines().toList();
        assertThat(lines.get(1)).startsWith("rules     stored, " + oldRules.hash());
        assertThat(lines.get(2)).isEqualTo("outcome   identical");
    }

    /** What {@code accord replay --rules current} prints of the run, which it finds different (exit code 1). */
    public List<String> replayedWithTheCurrentRules(Path dataDir) {
        CommandLineRun replay = CommandLineRun.run("replay", runId, "--rules", "current", "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isEqualTo(1);
        return replay.out().lines().toList();
    }

    private static Map<String, byte[]> shippedRuleFiles() {
        Map<String, byte[]> rules = new TreeMap<>(ClasspathFolder.read(RuleBase.FOLDER));
        rules.keySet().removeIf(path -> !path.endsWith(".drl") && !path.endsWith(".dmn"));
        return rules;
    }

    private static RunStoredWithEarlierRules store(Path dataDir, Map<String, byte[]> rules, String templateId, String overridesJson,
            Path factsFile) {
        Map<String, String> texts = new TreeMap<>();
        rules.forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        RuleBase old = RuleBases.forSources(texts);

        @SuppressWarnings("unchecked")
        Map<String, Object> overrides = Json.MAPPER.readValue(overridesJson, Map.class);
        ContractChoice contract = new ContractChoice(templateId, overrides);
        Settlement settlement = new EvaluationService(TemplateCatalog.load(), new Evaluator(old)).evaluate(contract, Json.readFacts(factsFile));
        Settlement current = EvaluationService.load().evaluate(contract, Json.readFacts(factsFile));
        String request = "{\"contract\":{\"templateId\":\"" + templateId + "\",\"overrides\":" + overridesJson + "},\"facts\":"
                + read(factsFile) + "}";

        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ContentStore content = new ContentStore(jdbc, Clock.systemUTC());
        Map<String, byte[]> stored = new TreeMap<>();
        rules.forEach((path, bytes) -> stored.put(RuleBase.FOLDER + "/" + path, bytes));
        assertThat(content.putRuleSet(stored)).isEqualTo(old.hash()).isNotEqualTo(current.rulesHash());
        TemplateCatalog.shippedTexts().values().forEach(text -> content.put(ContentKind.TEMPLATE, text));
        String runId = new RunStore(jdbc, TransactionOperations.withoutTransaction(), Clock.systemUTC())
                .save(new NewRun("evaluation", "reviewer", templateId, settlement.ipaId(), settlement.performanceYear(),
                        settlement.factsHash(), settlement.contract().termsHash(), old.hash(),
                        settlement.contract().templateHash(), request, Replay.answer(settlement).toString()))
                .id();
        return new RunStoredWithEarlierRules(runId, old, settlement, current);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
