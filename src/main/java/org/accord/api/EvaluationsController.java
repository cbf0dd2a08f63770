package org.accord.api;

import org.accord.api.generated.EvaluationsApi;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.ResolvedTerms;
import org.accord.api.generated.model.Settlement;
import org.accord.evaluation.EvaluationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluations and their checks. The body has been read strictly and validated against the API
 * document before these methods run; the domain's own checks (InvalidInputException) follow.
 */
@RestController
class EvaluationsController implements EvaluationsApi {

    private final EvaluationService evaluations;
    private final EvaluationMetrics metrics;

    EvaluationsController(EvaluationService evaluations, EvaluationMetrics metrics) {
        this.evaluations = evaluations;
        this.metrics = metrics;
    }

    @Override
    public ResponseEntity<Settlement> evaluate(EvaluationRequest request) {
        return ResponseEntity.ok(Transport.settlement(metrics.timed(
                () -> evaluations.evaluate(Transport.contract(request.getContract()), Transport.facts(request.getFacts())))));
    }

    @Override
    public ResponseEntity<ResolvedTerms> validateEvaluation(EvaluationRequest request) {
        return ResponseEntity.ok(Transport.resolvedTerms(
                evaluations.check(Transport.contract(request.getContract()), Transport.facts(request.getFacts()))));
    }
}
