package org.accord.api;

import java.net.URI;
import java.time.OffsetDateTime;
import org.accord.api.generated.EvaluationsApi;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.ReplayResult;
import org.accord.api.generated.model.ResolvedTerms;
import org.accord.api.generated.model.RunExport;
import org.accord.api.generated.model.Settlement;
import org.accord.api.generated.model.StoredEvaluation;
import org.accord.api.generated.model.StoredEvaluationPage;
import org.accord.evaluation.EvaluationService;
import org.accord.security.CallAudit;
import org.accord.store.RunFilter;
import org.accord.store.RunSummary;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluations and their checks. The body has been read strictly and validated against the API
 * document before these methods run; the domain's own checks (InvalidInputException) follow.
 */
@RestController
class EvaluationsController implements EvaluationsApi {

    /** Each request thread's answer, until the response has sent it. */
    private static final ThreadJsonBuffer ANSWERS = new ThreadJsonBuffer();

    private final EvaluationService evaluations;
    private final EvaluationMetrics metrics;
    private final StoredRuns stored;
    private final Replays replays;
    private final StoredFacts facts;
    private final StoredContracts contracts;
    private final JsonMapper json;
    /** False only in a benchmark measuring what storing adds (application.properties, accord.bench.store-runs). */
    private final boolean storeRuns;

    EvaluationsController(EvaluationService evaluations, EvaluationMetrics metrics, StoredRuns stored, Replays replays,
            StoredFacts facts, StoredContracts contracts, JsonMapper json,
            @Value("${accord.bench.store-runs:true}") boolean storeRuns) {
        this.json = json;
        this.storeRuns = storeRuns;
        if (!storeRuns) {
            LoggerFactory.getLogger(EvaluationsController.class)
                    .warn("accord.bench.store-runs=false: evaluations are answered and NOT stored (a benchmark setting, never for use)");
        }
        this.facts = facts;
        this.contracts = contracts;
        this.evaluations = evaluations;
        this.metrics = metrics;
        this.stored = stored;
        this.replays = replays;
    }

    @Override
    public ResponseEntity<Settlement> evaluate(EvaluationRequest request) {
        org.accord.facts.PerformanceFacts performance = facts.of(request.getFacts(), request.getFactsId());
        org.accord.evaluation.ContractChoice contract = contracts.choice(request.getContract(), "/contract", performance);
        org.accord.settlement.Settlement settlement = metrics.timed(() -> settled(contract, performance));
        Settlement answer = Transport.settlement(settlement);
        // Written once: the stored run keeps these bytes and the response sends them (AnswerWrittenOnce).
        ThreadJsonBuffer.Written written = ANSWERS.write(json, answer);
        if (!storeRuns) {
            CallAudit.notAuditedForBenchmark(200);
            AnswerWrittenOnce.remember(answer, written);
            return ResponseEntity.ok(answer);
        }
        RunSummary run = metrics.stored(() -> stored.evaluation(request, settlement, written));
        AnswerWrittenOnce.remember(answer, written);
        return ResponseEntity.ok().location(URI.create(StoredRuns.evaluationLocation(run.id()))).body(answer);
    }

    @Override
    public ResponseEntity<StoredEvaluation> getEvaluation(String evaluationId) {
        return ResponseEntity.ok(stored.read(evaluationId));
    }

    @Override
    public ResponseEntity<RunExport> exportRun(String evaluationId) {
        return ResponseEntity.ok(stored.export(evaluationId));
    }

    @Override
    public ResponseEntity<ReplayResult> replayEvaluation(String evaluationId, String rules) {
        return ResponseEntity.ok(replays.replay(evaluationId, rules));
    }

    @Override
    public ResponseEntity<StoredEvaluationPage> listEvaluations(String templateId, String ipaId, Integer performanceYear,
            String caller, OffsetDateTime storedFrom, OffsetDateTime storedBefore, Integer limit, Integer offset) {
        // The document bounds the page; the generated interface does not check query parameters.
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException(java.util.List.of(Problems.atParameter("limit", "must be between 1 and 500")));
        }
        if (offset < 0) {
            throw new InvalidRequestException(java.util.List.of(Problems.atParameter("offset", "must be 0 or more")));
        }
        RunFilter filter = new RunFilter(templateId, ipaId, performanceYear, caller,
                storedFrom == null ? null : storedFrom.toInstant(), storedBefore == null ? null : storedBefore.toInstant());
        return ResponseEntity.ok(stored.list(filter, limit, offset));
    }

    @Override
    public ResponseEntity<ResolvedTerms> validateEvaluation(EvaluationRequest request) {
        // The facts first, as evaluate reads them: a stored version is checked against their period too.
        org.accord.facts.PerformanceFacts performance = facts.of(request.getFacts(), request.getFactsId());
        org.accord.evaluation.ContractChoice contract = contracts.choice(request.getContract(), "/contract", performance);
        org.accord.terms.Terms terms = evaluations.check(contract, performance);
        // Settled and dropped: what only the rules can find (an uploaded table with no answer for these facts)
        // is refused here as the evaluation would refuse it. Nothing is stored or audited as an evaluation.
        settled(contract, performance);
        return ResponseEntity.ok(Transport.resolvedTerms(terms));
    }

    /** The request's settlement, an uploaded table's mistake in it named at the request's contract. */
    private org.accord.settlement.Settlement settled(org.accord.evaluation.ContractChoice contract,
            org.accord.facts.PerformanceFacts performance) {
        return TableMistakes.named(() -> evaluations.evaluate(contract, performance), evaluations,
                java.util.Map.of("/contract", contract));
    }
}
