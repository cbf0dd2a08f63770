package org.accord.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.evaluation.EvaluationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.validation.SimpleErrors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates the bundled example through the evaluation request's own path (JSON read, transport
 * constraints, facts and contract mapped, evaluated, the answer written as JSON) a configured
 * number of times before the service reports ready, so that the first callers do not pay the
 * interpreter and the JIT (issue 15: about 1,500 requests and 80 s to reach speed without it).
 *
 * <p>An {@link ApplicationRunner} because Spring Boot publishes readiness (ACCEPTING_TRAFFIC) only
 * after every runner has returned; liveness and {@code /actuator/health} answer UP meanwhile.
 * Nothing is stored and nothing audited: the store and the audit log sit outside this path, and
 * the evaluation metrics are left alone so that they count callers' requests only.
 */
@Component
class WarmUp implements ApplicationRunner {

    /** The bundled example (examples/valley-ipa-request.json, copied by the pom). */
    static final String REQUEST = "warm-up/valley-ipa-request.json";

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private final int evaluations;
    private final EvaluationService service;
    private final StoredFacts facts;
    private final StoredContracts contracts;
    private final JsonMapper json;
    private final TransportConstraints constraints = new TransportConstraints();
    private final ThreadJsonBuffer answers = new ThreadJsonBuffer();
    private final AtomicInteger done = new AtomicInteger();

    WarmUp(@Value("${accord.warm-up.evaluations:0}") int evaluations, EvaluationService service, StoredFacts facts,
            StoredContracts contracts, JsonMapper json) {
        if (evaluations < 0) {
            throw new IllegalArgumentException("accord.warm-up.evaluations must be 0 or more, not " + evaluations);
        }
        this.evaluations = evaluations;
        this.service = service;
        this.facts = facts;
        this.contracts = contracts;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (evaluations == 0) {
            return;
        }
        byte[] body = bundledRequest();
        long start = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            evaluateOnce(body);
            done.incrementAndGet();
        }
        LOG.info("Warm-up: {} evaluations of {} in {} ms", evaluations, REQUEST, (System.nanoTime() - start) / 1_000_000);
    }

    /** How many warm-up evaluations have finished. */
    int evaluationsDone() {
        return done.get();
    }

    private void evaluateOnce(byte[] body) {
        EvaluationRequest request = json.readValue(body, EvaluationRequest.class);
        SimpleErrors errors = new SimpleErrors(request, "request");
        constraints.validate(request, errors);
        if (errors.hasErrors()) {
            throw new IllegalStateException(REQUEST + " breaks the API document: " + errors.getAllErrors());
        }
        org.accord.facts.PerformanceFacts performance = facts.of(request.getFacts(), request.getFactsId());
        org.accord.evaluation.ContractChoice contract = contracts.choice(request.getContract(), "/contract", performance);
        // Into a thread's buffer, as the controller writes its answers, so that this path is the one compiled.
        answers.write(json, Transport.settlement(service.evaluate(contract, performance)));
    }

    private static byte[] bundledRequest() {
        try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(REQUEST)) {
            if (in == null) {
                throw new IllegalStateException(REQUEST + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
