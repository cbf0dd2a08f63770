package org.accord.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.ExportedContent;
import org.accord.api.generated.model.RunExport;
import org.accord.api.generated.model.Settlement;
import org.accord.api.generated.model.StoredEvaluation;
import org.accord.api.generated.model.StoredEvaluationPage;
import org.accord.api.generated.model.StoredEvaluationSummary;
import org.accord.content.Canonical;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.terms.ContractTemplate;
import org.accord.engine.RuleBase;
import org.accord.evaluation.EvaluationService;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.NewRun;
import org.accord.store.RunFilter;
import org.accord.store.RunStore;
import org.accord.store.RunSummary;
import org.accord.store.StoredRun;
import org.accord.security.CallAudit;
import org.accord.terms.TemplateCatalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Evaluations answered through the API, stored and read back. The rule files and templates the
 * service runs with are stored once at start-up, so a run only adds its facts (once per distinct
 * facts) and itself.
 */
@Component
class StoredRuns {

    static final String EVALUATION = "evaluation";

    /** Each request thread's request written again for its run, until the store has compressed it. */
    private static final ThreadJsonBuffer REQUESTS = new ThreadJsonBuffer();

    private final EvaluationService evaluations;
    private final ContentStore content;
    private final RunStore runs;
    private final Caller caller;
    private final JsonMapper json;
    /** Reads stored documents: a field a later version of the API dropped is no reason to refuse an old run. */
    private final JsonMapper storedJson;

    StoredRuns(EvaluationService evaluations, ContentStore content, RunStore runs, Caller caller, JsonMapper json) {
        this.evaluations = evaluations;
        this.content = content;
        this.runs = runs;
        this.caller = caller;
        this.json = json;
        // A request stored before dates were read strictly may hold a date-time where a day belongs: read it as then.
        this.storedJson = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("dates as stored").addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE))
                .build();
        storeShippedContent(evaluations.rules());
    }

    private void storeShippedContent(RuleBase rules) {
        Map<String, byte[]> ruleFiles = new TreeMap<>();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            if (rules.fileHashes().containsKey(RuleBase.FOLDER + "/" + path)) {
                ruleFiles.put(RuleBase.FOLDER + "/" + path, bytes);
            }
        });
        String rulesHash = content.putRuleSet(ruleFiles);
        if (!rulesHash.equals(rules.hash())) {
            throw new IllegalStateException("the rule files on the classpath hash to " + rulesHash
                    + ", not to the compiled rules' " + rules.hash());
        }
        // Each template as the catalog read and hashed it (composed when it extends or includes), so replay needs no other file.
        TemplateCatalog.shippedTexts().values().forEach(bytes -> content.put(ContentKind.TEMPLATE, bytes));
    }

    /**
     * Stores an evaluation as answered; when this returns, the run is committed, and with it the
     * call's audit row (one transaction per evaluation: the run and its row together or neither).
     *
     * @param answer the answer's JSON, as the response sends it (200, the run's address as {@code Location})
     */
    RunSummary evaluation(EvaluationRequest request, org.accord.settlement.Settlement settlement, ThreadJsonBuffer.Written answer) {
        // The settlement hashed the facts' canonical text already: it is written again only when not yet stored.
        String factsHash = content.put(ContentKind.FACTS, settlement.factsHash(),
                () -> Canonical.json(settlement.facts().inIdOrder()).getBytes(StandardCharsets.UTF_8));
        // The body as the client sent it where it was kept (UTF-8 JSON), else the request written again.
        ThreadJsonBuffer.Written requestJson = RequestBodyAsSent.of(request).orElseGet(() -> requestJson(json, request));
        // Both texts are in the thread's buffers: the store compresses them before save returns.
        NewRun run = new NewRun(EVALUATION, caller.current(), settlement.contract().templateId(), settlement.ipaId(),
                settlement.performanceYear(), factsHash, settlement.contract().termsHash(), settlement.rulesHash(),
                settlement.contract().templateHash(), requestJson.bytes(), answer.bytes(), requestJson.length(), answer.length());
        return CallAudit.rowFor(200)
                .map(row -> runs.save(run, new RunStore.RowAlongside(row.insert(), saved -> row.values().apply(evaluationLocation(saved.id())))))
                .orElseGet(() -> runs.save(run));
    }

    /**
     * The request as the server read it, written again as the UTF-8 bytes of its JSON text, for a
     * body not kept as sent (another charset, or not read by {@link RequestBodyAsSent}); in the
     * thread's buffer until the thread writes its next request. Written to bytes at once rather than
     * to a string encoded afterwards; the two differ only where a string holds a lone surrogate (a
     * {@code \\uD800} escape read from the body): the text's encoding stores it as {@code ?}, the
     * byte generator as an escape. Such a request is written as text, as rewritten runs always were.
     * A body kept as sent stores its escape as sent.
     */
    static ThreadJsonBuffer.Written requestJson(JsonMapper json, Object request) {
        ThreadJsonBuffer.Written written = REQUESTS.write(json, request);
        if (!escapesSurrogate(written.bytes(), written.length())) {
            return written;
        }
        byte[] asText = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
        return ThreadJsonBuffer.Written.of(asText);
    }

    /**
     * Whether the first {@code length} bytes of JSON text hold a {@code \\uD800}-{@code \\uDFFF} escape
     * (and not an escaped backslash followed by "uD8").
     */
    static boolean escapesSurrogate(byte[] json, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (json[i] == '\\') {
                if (json[i + 1] == 'u' && (json[i + 2] == 'D' || json[i + 2] == 'd')
                        && "89ABCDEFabcdef".indexOf(json[i + 3]) >= 0) {
                    return true;
                }
                i++; // the escaped character, a backslash among them, is not the start of another escape
            }
        }
        return false;
    }

    /** Where a stored evaluation is read: the answer's {@code Location}, and what its audit row names. */
    static String evaluationLocation(String id) {
        return "/api/v1/evaluations/" + id;
    }

    /**
     * Stores a scenario as answered (its JSON form, whatever the format sent): the facts it was
     * given, the rules the service runs and the template of its first contract name it.
     */
    RunSummary scenario(String kind, Object request, PerformanceFacts facts, ContractChoice contract, Object answer) {
        return scenario(kind, request, facts, contract, answer, caller.current());
    }

    /** As {@link #scenario(String, Object, PerformanceFacts, ContractChoice, Object)}, for a caller named (a job's). */
    RunSummary scenario(String kind, Object request, PerformanceFacts facts, ContractChoice contract, Object answer, String callerName) {
        String factsHash = content.put(ContentKind.FACTS, Canonical.json(facts.inIdOrder()).getBytes(StandardCharsets.UTF_8));
        String templateHash = evaluations.template(contract).map(ContractTemplate::contentHash).orElse(null);
        return runs.save(new NewRun(kind, callerName, contract.templateId(), facts.ipa().id(),
                facts.period().performanceYear(), factsHash, null, evaluations.rules().hash(), templateHash,
                json.writeValueAsString(request), json.writeValueAsString(answer)));
    }

    /**
     * A backtest run as a job answered it: the file and its layout's id, and the comparison of every
     * row; the layout's file is stored under the hash the answer names ({@code layoutHash}).
     */
    RunSummary backtest(Object request, Object answer, byte[] layoutFile, String callerName) {
        content.put(ContentKind.LAYOUT, layoutFile);
        return runs.save(new NewRun("backtest", callerName, null, null, null, null, null, evaluations.rules().hash(), null,
                json.writeValueAsString(request), json.writeValueAsString(answer)));
    }

    /** A run with the text of every piece of content its hashes name: rule files by path, template, facts, a backtest's layout. */
    RunExport export(String id) {
        StoredRun run = visible(id);
        RunSummary summary = run.summary();
        List<ExportedContent> exported = new ArrayList<>();
        if (summary.rulesHash() != null) {
            content.ruleSet(summary.rulesHash()).forEach((path, bytes) -> exported.add(
                    new ExportedContent(ContentHash.of(bytes),
                            ExportedContent.KindEnum.RULE_FILE, text(bytes)).path(path)));
        }
        stored(summary.templateHash(), ExportedContent.KindEnum.TEMPLATE, exported);
        stored(summary.factsHash(), ExportedContent.KindEnum.FACTS, exported);
        Map<String, Object> result = storedJson.readValue(run.result(), MAP);
        // A backtest names the layout its file was read with by hash (runs stored before it did name none).
        if (result.get("layoutHash") instanceof String layoutHash) {
            stored(layoutHash, ExportedContent.KindEnum.LAYOUT, exported);
        }
        return new RunExport(summary(summary), storedJson.readValue(run.request(), MAP), result, exported);
    }

    private void stored(String hash, ExportedContent.KindEnum kind, List<ExportedContent> into) {
        if (hash != null) {
            content.get(hash).ifPresent(bytes -> into.add(new ExportedContent(hash, kind, text(bytes))));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
    };

    /** One evaluation, when the caller may read it: another caller's run is not found for an integrator. */
    StoredEvaluation read(String id) {
        StoredRun run = evaluationRun(id);
        return new StoredEvaluation(summary(run.summary()), request(run), storedJson.readValue(run.result(), Settlement.class));
    }

    /** A stored run as stored, its request and answer as JSON text. */
    StoredRun raw(String id) {
        return runs.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no stored evaluation '" + id + "'");
    }

    /** A stored run the caller may read: an integrator reads only its own, others' are not found. */
    private StoredRun visible(String id) {
        StoredRun run;
        try {
            run = raw(id);
        } catch (RunStore.DamagedRun damaged) {
            // Said only to a caller who may read the run: to others it is not found, as when it reads.
            throw mayRead(damaged.summary()) ? damaged : notFound(id);
        }
        if (!mayRead(run.summary())) {
            throw notFound(id);
        }
        return run;
    }

    private boolean mayRead(RunSummary run) {
        return caller.readsEveryRun() || run.caller().equals(caller.current());
    }

    /** A stored evaluation; a scenario run is read whole by its export only, and is not replayed. */
    StoredRun evaluationRun(String id) {
        StoredRun run = visible(id);
        if (!EVALUATION.equals(run.summary().kind())) {
            throw new NotFoundException("stored run '" + id + "' is a " + run.summary().kind()
                    + " scenario, not an evaluation: GET /api/v1/evaluations/" + id + "/export reads it whole");
        }
        return run;
    }

    EvaluationRequest request(StoredRun run) {
        return storedJson.readValue(run.request(), EvaluationRequest.class);
    }

    /** A page of the matching runs; a caller who reads only its own runs sees no other's. */
    StoredEvaluationPage list(RunFilter filter, int limit, int offset) {
        if (!caller.readsEveryRun()) {
            String self = caller.current();
            if (filter.caller() != null && !filter.caller().equals(self)) {
                return new StoredEvaluationPage(java.util.List.of(), 0L, limit, offset);
            }
            filter = new RunFilter(filter.templateId(), filter.ipaId(), filter.performanceYear(), self, filter.storedFrom(),
                    filter.storedBefore());
        }
        return new StoredEvaluationPage(runs.list(filter, limit, offset).stream().map(StoredRuns::summary).toList(),
                runs.count(filter), limit, offset);
    }

    private static StoredEvaluationSummary summary(RunSummary run) {
        return new StoredEvaluationSummary(run.id(), run.kind(), run.storedAt().atOffset(ZoneOffset.UTC), run.caller())
                .templateId(run.templateId())
                .ipaId(run.ipaId())
                .performanceYear(run.performanceYear())
                .factsHash(run.factsHash())
                .termsHash(run.termsHash())
                .rulesHash(run.rulesHash())
                .templateHash(run.templateHash());
    }
}
