package org.accord.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.evaluation.EvaluationService;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.store.NewRun;
import org.accord.store.RunsPrepared;
import org.springframework.validation.SimpleErrors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work {@link org.accord.bench.ClassesAbCpu} times with {@code -Dab.work=org.accord.api.RequestPathWork}:
 * POST /api/v1/evaluations without HTTP and the database, as {@link RequestPathCpu} runs it (the 25-practice
 * example read, checked, mapped, evaluated, hashed, explained, written, and its run's texts compressed).
 * With {@code -Dab.unit=outside} the evaluation is done once and reused, so only the work around it is
 * timed (the facts' hash and the explanations, kept by the settlement, are then not timed either). Each
 * side writes and stores the way its classes do: a side without {@code ThreadJsonBuffer} writes with
 * {@code writeValueAsBytes}, as the controller did before it.
 */
public final class RequestPathWork {

    private static final boolean OUTSIDE = "outside".equals(System.getProperty("ab.unit"));

    private RequestPathWork() {
    }

    public static IntSupplier trials() throws Exception {
        Path request = Path.of(System.getProperty("ab.request", "examples/valley-ipa-request.json"));
        Side side = side(Files.readAllBytes(request));
        return () -> side.once(false).length() > 0 ? 1 : 0;
    }

    public static Supplier<String> json() throws Exception {
        Side side = side(Files.readAllBytes(Path.of(System.getProperty("ab.request", "examples/valley-ipa-request.json"))));
        return () -> side.once(true).toString();
    }

    private static Side side(byte[] body) {
        boolean buffered;
        try {
            Class.forName("org.accord.api.ThreadJsonBuffer");
            buffered = true;
        } catch (ClassNotFoundException e) {
            buffered = false;
        }
        return buffered ? new Buffered(body) : new Before(body);
    }

    /** One request's work. */
    private abstract static class Side {
        final EvaluationService service = EvaluationService.load();
        final JsonMapper json = WebJson.mapper();
        final TransportConstraints constraints = new TransportConstraints();
        final byte[] body;
        Settlement kept;

        Side(byte[] body) {
            this.body = body;
        }

        /** With {@code text}, answers the answer's and the stored request's text and the compressed sizes. */
        StringBuilder once(boolean text) {
            EvaluationRequest request = json.readValue(body, EvaluationRequest.class);
            SimpleErrors errors = new SimpleErrors(request, "evaluationRequest");
            constraints.validate(request, errors);
            if (errors.hasErrors()) {
                throw new IllegalStateException(errors.toString());
            }
            var facts = Transport.facts(request.getFacts());
            var contract = Transport.contract(request.getContract());
            Settlement settlement = OUTSIDE && kept != null ? kept : service.evaluate(contract, facts);
            kept = settlement;
            settlement.factsHash();
            for (SettlementLine line : settlement.findings()) {
                line.explanation();
            }
            for (SettlementLine line : settlement.lines()) {
                line.explanation();
            }
            return writeAndStore(request, settlement, Transport.settlement(settlement), text);
        }

        abstract StringBuilder writeAndStore(EvaluationRequest request, Settlement settlement, Object answer, boolean text);

        static NewRun run(Settlement settlement, byte[] request, byte[] answer, int requestLength, int answerLength) {
            return new NewRun(StoredRuns.EVALUATION, "bench", settlement.contract().templateId(), settlement.ipaId(),
                    settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                    settlement.contract().templateHash(), request, answer, requestLength, answerLength);
        }

        static StringBuilder text(byte[] answer, int answerLength, byte[] request, int requestLength, int compressed) {
            return new StringBuilder(answerLength + requestLength + 16).append(new String(answer, 0, answerLength, StandardCharsets.UTF_8))
                    .append('\n').append(new String(request, 0, requestLength, StandardCharsets.UTF_8)).append('\n').append(compressed);
        }
    }

    /** This build's: both texts in the thread's buffers. */
    private static final class Buffered extends Side {
        private final ThreadJsonBuffer answers = new ThreadJsonBuffer();

        Buffered(byte[] body) {
            super(body);
        }

        @Override
        StringBuilder writeAndStore(EvaluationRequest request, Settlement settlement, Object answer, boolean text) {
            ThreadJsonBuffer.Written written = answers.write(json, answer);
            ThreadJsonBuffer.Written requestJson = StoredRuns.requestJson(json, request);
            int compressed = RunsPrepared.prepare(run(settlement, requestJson.bytes(), written.bytes(), requestJson.length(), written.length()));
            return !text ? new StringBuilder("x")
                    : text(written.bytes(), written.length(), requestJson.bytes(), requestJson.length(), compressed);
        }
    }

    /** The build before: arrays of their own (the surrogate check, allocation-free, is left out on this side). */
    private static final class Before extends Side {
        Before(byte[] body) {
            super(body);
        }

        @Override
        StringBuilder writeAndStore(EvaluationRequest request, Settlement settlement, Object answer, boolean text) {
            byte[] written = json.writeValueAsBytes(answer);
            byte[] requestJson = json.writeValueAsBytes(request);
            int compressed = RunsPrepared.prepare(new NewRun(StoredRuns.EVALUATION, "bench", settlement.contract().templateId(),
                    settlement.ipaId(), settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(),
                    settlement.rulesHash(), settlement.contract().templateHash(), requestJson, written));
            return !text ? new StringBuilder("x") : text(written, written.length, requestJson, requestJson.length, compressed);
        }
    }
}
