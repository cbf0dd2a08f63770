package org.accord.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.ReplayResult;
import org.accord.evaluation.EvaluationService;
import org.accord.replay.Replay;
import org.accord.store.RunSummary;
import org.accord.store.StoredRun;
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
 * Then it replays that evaluation, as the replay endpoint would had it been stored, a configured
 * number of times: a reviewer's first replays ran in the interpreter, 120-240 ms each against
 * about 5 ms warm (docs/performance.md, "Replays warmed up before readiness (issue 16)"). Each
 * replay must come out identical, so a service whose rules cannot reproduce their own answer
 * does not report ready.
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
    private final int replays;
    private final EvaluationService service;
    private final Replays replayer;
    private final StoredFacts facts;
    private final StoredContracts contracts;
    private final JsonMapper json;
    private final TransportConstraints constraints = new TransportConstraints();
    private final ThreadJsonBuffer answers = new ThreadJsonBuffer();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger replaysDone = new AtomicInteger();

    WarmUp(@Value("${accord.warm-up.evaluations:0}") int evaluations, @Value("${accord.warm-up.replays:0}") int replays,
            EvaluationService service, Replays replayer, StoredFacts facts, StoredContracts contracts, JsonMapper json) {
        if (evaluations < 0) {
            throw new IllegalArgumentException("accord.warm-up.evaluations must be 0 or more, not " + evaluations);
        }
        if (replays < 0) {
            throw new IllegalArgumentException("accord.warm-up.replays must be 0 or more, not " + replays);
        }
        this.evaluations = evaluations;
        this.replays = replays;
        this.service = service;
        this.replayer = replayer;
        this.facts = facts;
        this.contracts = contracts;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (evaluations == 0 && replays == 0) {
            return;
        }
        byte[] body = bundledRequest();
        long start = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            evaluateOnce(body);
            done.incrementAndGet();
        }
        long evaluated = System.nanoTime();
        if (replays > 0) {
            StoredRun run = asStored(body, evaluateOnce(body));
            for (int i = 0; i < replays; i++) {
                replayOnce(run);
                replaysDone.incrementAndGet();
            }
        }
        LOG.info("Warm-up: {} evaluations of {} in {} ms, {} replays of it in {} ms", evaluations, REQUEST,
                (evaluated - start) / 1_000_000, replays, (System.nanoTime() - evaluated) / 1_000_000);
    }

    /** How many warm-up evaluations have finished. */
    int evaluationsDone() {
        return done.get();
    }

    /** How many warm-up replays have finished. */
    int replaysDone() {
        return replaysDone.get();
    }

    /** Evaluates the body as the controller does; the answer as it would be stored and sent. */
    private Evaluated evaluateOnce(byte[] body) {
        EvaluationRequest request = json.readValue(body, EvaluationRequest.class);
        SimpleErrors errors = new SimpleErrors(request, "request");
        constraints.validate(request, errors);
        if (errors.hasErrors()) {
            throw new IllegalStateException(REQUEST + " breaks the API document: " + errors.getAllErrors());
        }
        org.accord.facts.PerformanceFacts performance = facts.of(request.getFacts(), request.getFactsId());
        org.accord.evaluation.ContractChoice contract = contracts.choice(request.getContract(), "/contract", performance);
        org.accord.settlement.Settlement settlement = service.evaluate(contract, performance);
        // Into a thread's buffer, as the controller writes its answers, so that this path is the one compiled.
        return new Evaluated(settlement, answers.write(json, Transport.settlement(settlement)));
    }

    private record Evaluated(org.accord.settlement.Settlement settlement, ThreadJsonBuffer.Written answer) {
    }

    /** The evaluation as a stored run would hold it, kept in memory only: the warm-up stores nothing. */
    private static StoredRun asStored(byte[] body, Evaluated evaluated) {
        org.accord.settlement.Settlement s = evaluated.settlement();
        RunSummary summary = new RunSummary("warm-up", StoredRuns.EVALUATION, Instant.now(), "warm-up", s.contract().templateId(),
                s.ipaId(), s.performanceYear(), s.factsHash(), s.contract().termsHash(), s.rulesHash(), s.contract().templateHash());
        return new StoredRun(summary, new String(body, StandardCharsets.UTF_8),
                new String(evaluated.answer().bytes(), 0, evaluated.answer().length(), StandardCharsets.UTF_8));
    }

    private void replayOnce(StoredRun run) {
        ReplayResult result = replayer.replay(run, Replay.Rules.STORED);
        if (!"identical".equals(result.getOutcome())) {
            throw new IllegalStateException("the warm-up's replay of " + REQUEST + " is not identical to its evaluation: "
                    + result.getDifferences());
        }
        // Written as the endpoint's answer is, so that this path is compiled too.
        answers.write(json, result);
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
