package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule set stored before quality gates were scored by rules (the rule files as they were at
 * 014effd, in src/test/resources/rulesets/before-gate-scoring-rules) still replays: compiled the way
 * replay compiles a stored rule set, it settles the valley example exactly as the shipped rules do.
 * Those rules call {@code Clause.gatesReached} and have no "points" phase.
 */
class StoredRuleSetReplayTest {

    private static final String FIXTURE = "rulesets/before-gate-scoring-rules";
    private static final PerformanceFacts VALLEY = Json.readFacts(Path.of("examples/valley-ipa.json"));

    private static Map<String, String> storedRuleSet() {
        Map<String, String> texts = new TreeMap<>();
        ClasspathFolder.read(FIXTURE).forEach((path, bytes) -> texts.put(RuleBase.FOLDER + "/" + path, new String(bytes, StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void theFixtureIsTheOldRuleSetThatScoresGatesInJava() {
        Map<String, String> stored = storedRuleSet();

        assertThat(stored.get("rules/quality/quality-composite.drl")).contains("gatesReached(");
        assertThat(stored.get("rules/quality/measure-rates.drl")).contains("gatesReached(").doesNotContain("MeasurePoints");
        assertThat(RuleBases.forSources(stored).hash()).isNotEqualTo(RuleBases.builtIn().hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mssp-basic", "mssp-enhanced", "ma-capitation"})
    void aStoredRuleSetFromBeforeSettlesTheValleyExampleAsTheShippedRulesDo(String template) {
        RuleBase old = RuleBases.forSources(storedRuleSet());
        ContractChoice contract = ContractChoice.of(template);

        Settlement replayed = new EvaluationService(TemplateCatalog.load(), new Evaluator(old)).evaluate(contract, VALLEY);
        Settlement current = EvaluationService.load().evaluate(contract, VALLEY);

        assertThat(replayed.rulesHash()).isEqualTo(old.hash()).isNotEqualTo(current.rulesHash());
        // Compared as a settlement is stored and answered (JSON): the old rules state points as int,
        // the new as long, the same numbers.
        assertThat(replayed.findings()).isNotEmpty();
        assertThat(replayed.lines()).isNotEmpty();
        assertThat(Json.write(replayed.findings())).isEqualTo(Json.write(current.findings()));
        assertThat(Json.write(replayed.lines())).isEqualTo(Json.write(current.lines()));
        assertThat(Json.write(replayed.totals())).isEqualTo(Json.write(current.totals()));
        assertThat(Json.write(replayed.contract())).isEqualTo(Json.write(current.contract()));
    }
}
