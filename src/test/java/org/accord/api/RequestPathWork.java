package org.accord.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * side reads, writes and stores the way its classes do: the body arrives as a stream, as the servlet's;
 * a side with {@code RequestBodyAsSent} reads it into the thread's buffer, parses it from there and
 * stores those bytes; a side without it parses the stream and writes the request again to store it;
 * a side without {@code ThreadJsonBuffer} writes with {@code writeValueAsBytes}, as the controller did before.
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
        return present("org.accord.api.RequestBodyAsSent") ? new KeptAsSent(body)
                : present("org.accord.api.ThreadJsonBuffer") ? new Buffered(body) : new Before(body);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
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
            EvaluationRequest request = read(new ByteArrayInputStream(body));
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

        /** The body read as the server reads it; a side that keeps the bytes keeps them for its writeAndStore. */
        EvaluationRequest read(InputStream stream) {
            return json.readValue(stream, EvaluationRequest.class);
        }

        abstract StringBuilder writeAndStore(EvaluationRequest request, Settlement settlement, Object answer, boolean text);

        static NewRun run(Settlement settlement, byte[] request, byte[] answer, int requestLength, int answerLength) {
            return new NewRun(StoredRuns.EVALUATION, "bench", settlement.contract().templateId(), settlement.ipaId(),
                    settlement.performanceYear(), settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(),
                    settlement.contract().templateHash(), request, answer, requestLength, answerLength);
        }

        /**
         * The answer, the stored request as read back (the same on every side, though a side that keeps the
         * body stores other bytes), and whether the run compressed to anything.
         */
        StringBuilder text(byte[] answer, int answerLength, byte[] request, int requestLength, int compressed) {
            return new StringBuilder(answerLength + requestLength + 16).append(new String(answer, 0, answerLength, StandardCharsets.UTF_8))
                    .append('\n')
                    .append(json.writeValueAsString(json.readValue(request, 0, requestLength, EvaluationRequest.class)))
                    .append('\n').append(compressed > 0);
        }
    }

    /** This build's: the body kept as received in one thread buffer, the answer in another. */
    private static final class KeptAsSent extends Side {
        private final ThreadJsonBuffer bodies = new ThreadJsonBuffer();
        private final ThreadJsonBuffer answers = new ThreadJsonBuffer();
        private ThreadJsonBuffer.Written received;

        KeptAsSent(byte[] body) {
            super(body);
        }

        @Override
        EvaluationRequest read(InputStream stream) {
            try {
                received = bodies.receive(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EvaluationRequest request = json.readValue(received.bytes(), 0, received.length(), EvaluationRequest.class);
            if (!RequestBodyAsSent.utf8(received.bytes(), received.length())) {
                throw new IllegalStateException("the example is UTF-8 JSON");
            }
            return request;
        }

        @Override
        StringBuilder writeAndStore(EvaluationRequest request, Settlement settlement, Object answer, boolean text) {
            ThreadJsonBuffer.Written written = answers.write(json, answer);
            int compressed = RunsPrepared.prepare(run(settlement, received.bytes(), written.bytes(), received.length(), written.length()));
            return !text ? new StringBuilder("x")
                    : text(written.bytes(), written.length(), received.bytes(), received.length(), compressed);
        }
    }

    /** The build before this one: both texts in the thread's buffers, the request written again. */
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

    /** The build before ThreadJsonBuffer: arrays of their own (the surrogate check, allocation-free, is left out on this side). */
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
