package org.accord.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.ReplayResult;
import org.accord.api.generated.model.SettlementDifference;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.engine.RuleBases;
import org.accord.evaluation.EvaluationService;
import org.accord.store.ContentStore;
import org.accord.store.StoredRun;
import org.accord.terms.TemplateCatalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored runs evaluated again: with the stored template (the terms as they were) and the stored
 * rule files, compiled from the store when they are not the service's own, or with the current
 * rules; the settlement compared with the stored one field by field.
 */
@Component
class Replays {

    static final String STORED = "stored";
    static final String CURRENT = "current";

    private final EvaluationService current;
    private final StoredRuns stored;
    private final ContentStore content;
    private final JsonMapper json;
    /**
     * The rule bases this service has replayed with already (by identity, held weakly): one the
     * engine's cache answers that is not among them was compiled for this replay.
     */
    private final Set<RuleBase> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Map<String, TemplateCatalog> templates = new ConcurrentHashMap<>();

    private final StoredFacts facts;
    private final StoredContracts contracts;

    Replays(EvaluationService current, StoredRuns stored, ContentStore content, JsonMapper json, StoredFacts facts,
            StoredContracts contracts) {
        this.facts = facts;
        this.contracts = contracts;
        this.current = current;
        this.stored = stored;
        this.content = content;
        this.json = json;
    }

    ReplayResult replay(String evaluationId, String rules) {
        if (!STORED.equals(rules) && !CURRENT.equals(rules)) {
            throw new InvalidRequestException(List.of(Problems.atPointer("rules", "expected 'stored' or 'current'")));
        }
        StoredRun run = stored.evaluationRun(evaluationId);
        EvaluationRequest request = stored.request(run);

        long compileStarted = System.nanoTime();
        boolean[] compiledNow = {false};
        RuleBase ruleBase = CURRENT.equals(rules) ? current.rules() : ruleBase(run.summary().rulesHash(), compiledNow);
        long compileMillis = (System.nanoTime() - compileStarted) / 1_000_000;
        TemplateCatalog template = templates.computeIfAbsent(run.summary().templateHash(), hash -> TemplateCatalog.ofFile(
                "stored template " + hash, content.get(hash).orElseThrow(() -> missing("template " + hash))));

        org.accord.api.generated.model.Settlement replayed = Transport.settlement(new EvaluationService(template,
                new Evaluator(ruleBase, current.customTables())).evaluate(contracts.storedChoice(request.getContract(), "/contract"),
                facts.of(request.getFacts(), request.getFactsId())));

        List<SettlementDifference> differences = new ArrayList<>();
        // Both sides as the answer's text reads back: decimals are strings there, so "0.50" and 0.5 differ.
        differences("", json.readTree(run.result()), json.readTree(json.writeValueAsString(replayed)), differences);
        ReplayResult result = new ReplayResult(evaluationId, rules, ruleBase.hash(),
                differences.isEmpty() ? "identical" : "different",
                differences, compiledNow[0], replayed);
        return compiledNow[0] ? result.compileMillis(compileMillis) : result;
    }

    /**
     * The rule set a run used: the service's own, or the stored files compiled by the engine's
     * cache keyed by their hash (compiled once, kept while recently used).
     */
    private RuleBase ruleBase(String rulesHash, boolean[] compiledNow) {
        if (current.rules().hash().equals(rulesHash)) {
            return current.rules();
        }
        Map<String, byte[]> files = content.ruleSet(rulesHash);
        if (files.isEmpty()) {
            throw missing("rule set " + rulesHash);
        }
        Map<String, String> texts = new TreeMap<>();
        files.forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        RuleBase ruleBase = RuleBases.forSources(texts);
        compiledNow[0] = seen.add(ruleBase);
        return ruleBase;
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("the store has lost the " + what + " a stored run names");
    }

    /** Every field that differs, as JSON pointers, objects' fields in the stored order then the replay's new ones. */
    static void differences(String pointer, JsonNode storedValue, JsonNode replayedValue, List<SettlementDifference> out) {
        if (storedValue != null && storedValue.equals(replayedValue)) {
            return;
        }
        if (storedValue != null && replayedValue != null && storedValue.isObject() && replayedValue.isObject()) {
            Set<String> names = new LinkedHashSet<>(storedValue.propertyNames());
            names.addAll(replayedValue.propertyNames());
            for (String name : names) {
                differences(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), storedValue.get(name),
                        replayedValue.get(name), out);
            }
        } else if (storedValue != null && replayedValue != null && storedValue.isArray() && replayedValue.isArray()) {
            for (int i = 0; i < Math.max(storedValue.size(), replayedValue.size()); i++) {
                differences(pointer + "/" + i, storedValue.get(i), replayedValue.get(i), out);
            }
        } else {
            SettlementDifference difference = new SettlementDifference(pointer.isEmpty() ? "/" : pointer);
            out.add(difference.stored(storedValue == null ? null : storedValue.toString())
                    .replayed(replayedValue == null ? null : replayedValue.toString()));
        }
    }
}
