package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.content.ClasspathFolder;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.accord.store.ContentStore;
import org.accord.store.NewRun;
import org.accord.store.ContractStore;
import org.accord.store.FactsStore;
import org.accord.store.RunStore;
import org.accord.store.RunSummary;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored run replayed: identical with the rules it was stored with, even when they are no
 * longer the service's; the exact differences with the current rules.
 */
class ReplayApiTest extends ServerTest {

    @Autowired
    ContentStore content;
    @Autowired
    RunStore runs;
    @Autowired
    ContractStore contracts;
    @Autowired
    FactsStore factsStore;
    @Autowired
    JsonMapper webJson;

    @Test
    void aRunReplayedWithItsOwnRulesIsIdentical() {
        Reply answer = postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"));
        String location = answer.headers().firstValue("Location").orElseThrow();

        JsonNode replay = postJson(location + "/replay", "").json();

        assertThat(replay.get("outcome").asString()).isEqualTo("identical");
        assertThat(replay.get("differences")).isEmpty();
        assertThat(replay.get("rules").asString()).isEqualTo("stored");
        assertThat(replay.get("rulesHash")).isEqualTo(answer.json().get("rulesHash"));
        assertThat(replay.get("compiledRules").asBoolean()).isFalse();
        assertThat(replay.get("settlement")).isEqualTo(answer.json());
    }

    /**
     * The run is stored as if made last year, with a rule file whose explanations were worded
     * otherwise: its rule set exists only in the store.
     */
    @Test
    void aRunMadeWithOlderRulesReplaysIdenticallyWithThemAndShowsEachDifferenceWithTheCurrentOnes() {
        Map<String, byte[]> oldRules = new TreeMap<>(ClasspathFolder.read(RuleBase.FOLDER));
        oldRules.keySet().removeIf(path -> !path.endsWith(".drl") && !path.endsWith(".dmn"));
        String measureRates = new String(oldRules.get("quality/measure-rates.drl"), StandardCharsets.UTF_8);
        assertThat(measureRates).contains("@explanation(\"");
        oldRules.put("quality/measure-rates.drl",
                measureRates.replace("@explanation(\"", "@explanation(\"Last year's wording. ").getBytes(StandardCharsets.UTF_8));
        RuleBase old = RuleBase.compile(oldRules);
        EvaluationRequest request = webJson.readValue(read("examples/valley-ipa-request.json"), EvaluationRequest.class);
        Settlement settlement = new EvaluationService(TemplateCatalog.load(), new Evaluator(old))
                .evaluate(ContractChoice.of("mssp-basic"), Transport.facts(request.getFacts()));
        Map<String, byte[]> stored = new TreeMap<>();
        oldRules.forEach((path, bytes) -> stored.put(RuleBase.FOLDER + "/" + path, bytes));
        assertThat(content.putRuleSet(stored)).isEqualTo(old.hash()).isNotEqualTo(evaluations.rules().hash());
        RunSummary run = runs.save(new NewRun("evaluation", "reviewer", "mssp-basic", settlement.ipaId(),
                settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(), old.hash(),
                settlement.contract().templateHash(), webJson.writeValueAsString(request),
                webJson.writeValueAsString(Transport.settlement(settlement))));

        JsonNode withStored = postJson("/api/v1/evaluations/" + run.id() + "/replay?rules=stored", "").json();
        JsonNode withCurrent = postJson("/api/v1/evaluations/" + run.id() + "/replay?rules=current", "").json();

        assertThat(withStored.get("outcome").asString()).isEqualTo("identical");
        assertThat(withStored.get("rulesHash").asString()).isEqualTo(old.hash());
        assertThat(withStored.get("compiledRules").asBoolean()).isTrue();
        assertThat(withStored.get("compileMillis").asLong()).isPositive();

        assertThat(withCurrent.get("outcome").asString()).isEqualTo("different");
        assertThat(withCurrent.get("rulesHash").asString()).isEqualTo(evaluations.rules().hash());
        JsonNode differences = withCurrent.get("differences");
        // The rule set's hash, and the sentence of every measure's finding, nothing else.
        assertThat(differences.get(0).get("pointer").asString()).isEqualTo("/rulesHash");
        assertThat(differences.get(0).get("stored").asString()).isEqualTo("\"" + old.hash() + "\"");
        assertThat(differences.size()).isGreaterThan(1);
        // `accord replay --json` prints the library's answer: the same document as the API's.
        JsonNode library = JSON.readTree(Replay.ANSWER_JSON.writeValueAsString(
                new Replay(evaluations, content, contracts, factsStore).replay(runs.find(run.id()).orElseThrow(), Replay.Rules.CURRENT)));
        assertThat(library).isEqualTo(withCurrent);
        for (int i = 1; i < differences.size(); i++) {
            JsonNode difference = differences.get(i);
            assertThat(difference.get("pointer").asString()).matches("/findings/\\d+/explanation");
            String replayed = difference.get("replayed").asString();
            assertThat(difference.get("stored").asString())
                    .isEqualTo("\"Last year's wording. " + replayed.substring(1));
        }
    }

    @Test
    void anUnknownRulesChoiceIsA400NamingTheParameter() {
        String location = postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"))
                .headers().firstValue("Location").orElseThrow();

        Reply refused = postJson(location + "/replay?rules=newest", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/parameter").asString()).isEqualTo("rules");
    }

    @Test
    void replayingAnUnknownRunIsA404() {
        assertThat(postJson("/api/v1/evaluations/00000000-0000-0000-0000-000000000000/replay", "").status()).isEqualTo(404);
    }
}
