package org.accord.replay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import org.accord.engine.CustomDecisionTable;
import org.accord.engine.CustomTables;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.engine.RuleBases;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.evaluation.ValuesOfOtherYears;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.io.JsonProblems;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.settlement.VersionStanding;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.ContractStore;
import org.accord.store.ContractVersion;
import org.accord.store.FactsStore;
import org.accord.store.StoredRun;
import org.accord.store.StoredTemplates;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored evaluation evaluated again: with the stored template (the terms as they were) and the
 * uploaded decision tables it names, the stored facts and overrides of its request, and either the stored rule files (compiled from the
 * store when they are not the current ones) or the current rules; the settlement is compared
 * with the stored answer field by field. The service and {@code accord replay} both answer with
 * {@link Result}, so a reviewer gets the same verdict from either. A replay stores nothing.
 */
public final class Replay {

    /** Which rule files a replay evaluates with. */
    public enum Rules {
        /** The rule set the run names by its hash, read back from the store. */
        STORED,
        /** The rules this process runs now. */
        CURRENT;

        /** The word the API and the command line use: {@code stored}, {@code current}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Rules> of(String word) {
            for (Rules rules : values()) {
                if (rules.word().equals(word)) {
                    return Optional.of(rules);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One field that differs.
     *
     * @param pointer  the field as a JSON pointer into the settlement ({@code /lines/3/amount})
     * @param stored   the stored value as JSON text; absent when the replay added the field
     * @param replayed the replayed value as JSON text; absent when the replay no longer has it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(String pointer, String stored, String replayed) {
    }

    /**
     * A replay's answer (the API's {@code ReplayResult}).
     *
     * @param outcome       {@code identical} or {@code different}
     * @param differences   every field that differs, in settlement order; empty when identical
     * @param compiledRules whether this replay had to compile its rule set
     * @param compileMillis how long compiling took, when it did; absent otherwise
     * @param settlement    the replayed settlement in the answer's JSON form
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String evaluationId, String rules, String rulesHash, String outcome, List<Difference> differences,
            boolean compiledRules, Long compileMillis, JsonNode settlement) {

        public boolean identical() {
            return differences.isEmpty();
        }
    }

    /**
     * The JSON form of a settlement as the service answers it and stores it: Accord's own JSON
     * (decimals as strings) without absent values and without each line's derived
     * {@code payable} flag (its amount is present), which the API document does not carry.
     */
    public static final JsonMapper ANSWER_JSON = Json.MAPPER.rebuild()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addMixIn(SettlementLine.class, AnswerLine.class)
            .build();

    @JsonIgnoreProperties("payable")
    private abstract static class AnswerLine {
    }

    /**
     * A settlement in the answer's form, read back from its text: both sides of a comparison are
     * read so, and {@code "0.50"} and {@code "0.5"} differ as they would to an auditor.
     */
    public static JsonNode answer(Settlement settlement) {
        return ANSWER_JSON.readTree(ANSWER_JSON.writeValueAsString(settlement));
    }

    /** Reads stored requests: a field a later version dropped is no reason to refuse an old run. */
    private static final JsonMapper STORED_JSON = Json.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final EvaluationService current;
    private final ContentStore content;
    private final ContractStore contracts;
    private final FactsStore facts;
    /**
     * The rule bases this replayer has used already (by identity, held weakly): one the engine's
     * cache answers that is not among them was compiled for this replay.
     */
    private final Set<RuleBase> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** The template files runs settled with, by hash, as contract versions find theirs. */
    private final StoredTemplates templates;
    /**
     * The uploaded decision tables the replayed templates name: those the current service holds,
     * else read back from the store and checked as the service checks them when it starts.
     */
    private final CustomTables uploadedTables = new CustomTables();

    /**
     * @param current the evaluation this process runs now (its rules are the {@code current} ones)
     * @param content the store the run's template, rule files and facts are read from
     * @param contracts the stored contract versions a request may name instead of a template
     * @param facts the facts imported once, which a request may name by id
     */
    public Replay(EvaluationService current, ContentStore content, ContractStore contracts, FactsStore facts) {
        this.current = current;
        this.content = content;
        this.contracts = contracts;
        this.facts = facts;
        this.templates = new StoredTemplates(content);
    }

    /**
     * Replays a stored evaluation (the caller has checked that it is one and may be read).
     *
     * @throws Unreplayable when the store lacks content the run names, or no longer reads it
     */
    public Result replay(StoredRun run, Rules rules) {
        String storedRequest = "run " + run.id() + "'s stored request no longer reads as an evaluation's request";
        String storedAnswer = "run " + run.id() + "'s stored answer no longer reads as a settlement";
        JsonNode request = readStored(storedRequest, "", () -> STORED_JSON.readTree(run.request()));
        JsonNode answer = readStored(storedAnswer, "", () -> ANSWER_JSON.readTree(run.result()));
        String standingAt = "/contract/contractVersion/standing";
        VersionStanding standing = readStored(storedAnswer, standingAt, () -> standing(answer.at(standingAt)));
        ContractChoice contract = readStored(storedRequest, "/contract", () -> contract(request.path("contract"), standing));
        PerformanceFacts facts = request.hasNonNull("facts")
                ? readStored(storedRequest, "/facts", () -> STORED_JSON.treeToValue(request.get("facts"), PerformanceFacts.class))
                : factsById(run);
        // Read before the rules are compiled: a text lost or damaged stops the replay without paying for them.
        TemplateCatalog template = template(run);

        long compileStarted = System.nanoTime();
        boolean[] compiledNow = {false};
        RuleBase ruleBase = rules == Rules.CURRENT ? current.rules() : ruleBase(run.summary().rulesHash(), compiledNow);
        long compileMillis = (System.nanoTime() - compileStarted) / 1_000_000;

        template.all().forEach(this::findTablesOf);
        Settlement replayed;
        try {
            replayed = EvaluationService.forReplay(template, new Evaluator(ruleBase, uploadedTables))
                    .evaluateAsStored(contract, facts, yearsSaid(answer));
        } catch (InvalidInputException refused) {
            // Read, but not what the run was settled on: inputs refused now were damaged in the store (the checks a replay
            // makes are those of the run's day, AS_STORED). Nothing is wrong with the request that asked for the replay.
            throw new Unreplayable("run " + run.id() + "'s stored request and facts no longer pass the checks of an evaluation: "
                    + String.join("; ", refused.problems().stream().map(p -> p.pointer() + ": " + p.reason()).toList())
                    + CANNOT_BE_REPLAYED, refused);
        }
        JsonNode replayedAnswer = answer(replayed);
        List<Difference> differences = compared(answer, replayedAnswer);
        return new Result(run.id(), rules.word(), ruleBase.hash(), differences.isEmpty() ? "identical" : "different",
                List.copyOf(differences), compiledNow[0], compiledNow[0] ? compileMillis : null, replayedAnswer);
    }

    /**
     * Whether the run said what its terms' values are in other performance years of the period, which the replay then
     * finds again from the stored template and facts and compares: an answer that has such a finding, or any finding of
     * the contract as a whole naming no clause (stored since they were said). An answer stored before such findings named
     * no clause that has none may have been stored before they were said, and replays without them, as it ran.
     */
    private static boolean yearsSaid(JsonNode storedAnswer) {
        for (JsonNode finding : storedAnswer.path("findings")) {
            if (!finding.has("clause") || ValuesOfOtherYears.RULE.equals(finding.path("rule").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes the uploaded tables the template answers with available to the replay: the current
     * service's when it holds them (the API's replay), else the stored ones (the command line's,
     * which has none of its own), checked again as the service does when it restores them.
     */
    private void findTablesOf(ContractTemplate template) {
        for (String hash : template.decisionTables().values()) {
            if (uploadedTables.find(hash).isPresent()) {
                continue;
            }
            uploadedTables.add(current.customTables().find(hash).orElseGet(() -> {
                byte[] bytes = content.get(hash, ContentKind.DECISION_TABLE).orElseThrow(() -> missing("decision table " + hash));
                try {
                    return CustomDecisionTable.check(bytes);
                } catch (InvalidInputException e) {
                    // Accepted when it was uploaded; refused now if it fails a check added since (a table that reads the
                    // clock cannot replay as it ran) or could not be compiled in time here.
                    throw new Unreplayable("the stored decision table " + hash + " could not be used now: " + e.getMessage(), e);
                }
            }));
        }
    }

    /**
     * Facts a request named by id: the document as imported (decimals keep their scale), else the
     * canonical text a run stored under the same hash, which the run names as its facts' hash.
     */
    private PerformanceFacts factsById(StoredRun run) {
        String hash = run.summary().factsHash();
        String text = facts.document(hash)
                .or(() -> content.get(hash).map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .orElseThrow(() -> missing("facts " + hash));
        return readStored("run " + run.id() + "'s facts " + hash + " no longer read as facts", "",
                () -> STORED_JSON.readValue(text, PerformanceFacts.class));
    }

    /**
     * A stored text read, else the run cannot be replayed: {@code unreadable} names the text, and the refusal says where
     * the reading stopped (a JSON pointer into the text, under {@code at}) and why, in the words the API uses for a body.
     */
    private static <T> T readStored(String unreadable, String at, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (JacksonException damaged) {
            String pointer = at + JsonProblems.pointer(damaged);
            throw new Unreplayable(unreadable + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + JsonProblems.reason(damaged)
                    + CANNOT_BE_REPLAYED, damaged);
        }
    }

    /**
     * The stored request's contract: a stored contract version, or the template and the overrides as the server read them.
     * A version's standing is the one stored with the run (absent from runs stored before it was said): it was read from
     * the publications when the run was made, and a version published since changes what was settled then in nothing.
     */
    private ContractChoice contract(JsonNode contract, VersionStanding standing) {
        if (contract.hasNonNull("contractVersionId")) {
            String versionId = contract.get("contractVersionId").asString();
            ContractVersion version = contracts.version(versionId).orElseThrow(() -> missing("contract version " + versionId));
            return new ContractChoice(version.templateId(), STORED_JSON.readValue(version.overrides(), STORED_MAP),
                    new Settlement.StoredVersion(version.id(), version.versionHash(), standing));
        }
        Map<String, Object> overrides = contract.hasNonNull("overrides")
                ? STORED_JSON.convertValue(contract.get("overrides"), STORED_MAP) : Map.of();
        return new ContractChoice(contract.path("templateId").asString(), overrides);
    }

    /** The standing of the stored version the answer names, as stored with the run; null when it names none. */
    private static VersionStanding standing(JsonNode stored) {
        return stored.isObject() ? STORED_JSON.treeToValue(stored, VersionStanding.class) : null;
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> STORED_MAP =
            new tools.jackson.core.type.TypeReference<>() {
            };

    /**
     * The rule set a run used: the current one, or the stored files compiled by the engine's
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

    /**
     * The template file the run settled with, read back from the store by its hash. Without it the terms are not the run's,
     * so a text the store has lost, or whose bytes no longer read as a template, stops the replay naming the template and
     * the hash, as the contract document of a version made on it does.
     */
    private TemplateCatalog template(StoredRun run) {
        String hash = run.summary().templateHash();
        String settledOn = "run " + run.id() + " was settled on template " + run.summary().templateId() + " " + hash;
        Optional<TemplateCatalog> stored;
        try {
            stored = templates.file(hash);
        } catch (InvalidInputException | IllegalStateException unreadable) {
            // The reading says why as an IllegalStateException (YAML, schema) or an InvalidInputException (terms).
            throw new Unreplayable(settledOn + ", whose stored text no longer reads as a template: " + unreadable.getMessage()
                    + CANNOT_BE_REPLAYED);
        }
        return stored.orElseThrow(() -> new Unreplayable(settledOn + ", whose text the store no longer holds" + CANNOT_BE_REPLAYED));
    }

    private static final String CANNOT_BE_REPLAYED = ": it cannot be replayed";

    private static Unreplayable missing(String what) {
        return new Unreplayable("the store has lost the " + what + " a stored run names");
    }

    /**
     * The store lacks content a run names, or no longer reads it: the run cannot be replayed, and nothing is wrong with
     * the request that asked (the API's 409, the command line's error without a verdict). The message names the content
     * and its hash.
     */
    public static final class Unreplayable extends IllegalStateException {

        Unreplayable(String message) {
            super(message);
        }

        Unreplayable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Every field in which the stored answer and the replayed one differ. A settlement's lines and findings are ordered
     * by their own fields (scope, clause, rule, detail: SettlementAssembler), so their order says nothing the lines do
     * not: stored lines that are the replayed ones in another order (an answer stored before the order changed, as
     * when a corridor's band lines came [0], [2], [1]) are compared in the replayed order, and the pointers name
     * the replayed positions. Lines that are not the same ones are compared where they stand.
     */
    static List<Difference> compared(JsonNode stored, JsonNode replayed) {
        JsonNode inReplayedOrder = stored;
        if (stored.isObject() && replayed.isObject()) {
            JsonNode filed = withoutTheClausesOfContractFindings(stored.get("findings"), replayed.get("findings"));
            if (filed != stored.get("findings")) {
                inReplayedOrder = stored.deepCopy();
                ((ObjectNode) inReplayedOrder).set("findings", filed);
            }
            for (String list : List.of("lines", "findings")) {
                JsonNode reordered = inOrderOf(inReplayedOrder.get(list), replayed.get(list));
                if (reordered != inReplayedOrder.get(list)) {
                    if (inReplayedOrder == stored) {
                        inReplayedOrder = stored.deepCopy();
                    }
                    ((ObjectNode) inReplayedOrder).set(list, reordered);
                }
            }
        }
        List<Difference> differences = new ArrayList<>();
        differences("", inReplayedOrder, replayed, differences);
        return differences;
    }

    /**
     * The stored findings with no clause where the replay has the same finding (scope, rule and detail) of the contract as a
     * whole, which names none: a settlement stored before such findings had a place of their own filed them under a clause
     * (the contract's first, or the clause of the term they were about), and that clause says nothing the finding does not.
     * As stored when there is none such.
     */
    private static JsonNode withoutTheClausesOfContractFindings(JsonNode stored, JsonNode replayed) {
        if (stored == null || replayed == null || !stored.isArray() || !replayed.isArray()) {
            return stored;
        }
        Set<String> ofTheContract = new HashSet<>();
        for (JsonNode finding : replayed) {
            if (!finding.has("clause")) {
                ofTheContract.add(identity(finding));
            }
        }
        ArrayNode filed = null;
        for (int i = 0; i < stored.size(); i++) {
            JsonNode finding = stored.get(i);
            if (finding.isObject() && finding.has("clause")
                    && ofTheContract.contains(identity(((ObjectNode) finding.deepCopy()).without("clause")))) {
                if (filed == null) {
                    filed = (ArrayNode) stored.deepCopy();
                }
                ((ObjectNode) filed.get(i)).remove("clause");
            }
        }
        return filed == null ? stored : filed;
    }

    /** The stored lines in the order of the replayed ones when they are the same lines by scope, clause, rule and detail, else as stored. */
    private static JsonNode inOrderOf(JsonNode stored, JsonNode replayed) {
        if (stored == null || replayed == null || !stored.isArray() || !replayed.isArray() || stored.size() != replayed.size()
                || stored.equals(replayed)) {
            return stored;
        }
        Map<String, ArrayDeque<JsonNode>> byIdentity = new HashMap<>();
        for (JsonNode line : stored) {
            byIdentity.computeIfAbsent(identity(line), k -> new ArrayDeque<>()).add(line);
        }
        ArrayNode ordered = ANSWER_JSON.createArrayNode();
        for (JsonNode line : replayed) {
            ArrayDeque<JsonNode> same = byIdentity.get(identity(line));
            if (same == null || same.isEmpty()) {
                return stored;
            }
            ordered.add(same.poll());
        }
        return ordered;
    }

    private static String identity(JsonNode line) {
        return line.path("scope").toString() + line.path("clause") + line.path("rule") + line.path("detail");
    }

    /** Every field that differs, as JSON pointers, objects' fields in the stored order then the replay's new ones. */
    static void differences(String pointer, JsonNode storedValue, JsonNode replayedValue, List<Difference> out) {
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
            out.add(new Difference(pointer.isEmpty() ? "/" : pointer, storedValue == null ? null : storedValue.toString(),
                    replayedValue == null ? null : replayedValue.toString()));
        }
    }
}
