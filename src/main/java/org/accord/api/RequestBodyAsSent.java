package org.accord.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.io.DecimalProblems;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evaluation's request body is read once into the request thread's buffer, parsed from there
 * with the mapper the JSON converter reads with, and kept for the run: the stored request is the
 * bytes the client sent (an auditor's best evidence), not the model written to JSON again (which
 * also spares the request thread about 45 us; docs/performance.md, issue 16).
 *
 * <p>The bytes are kept only for a UTF-8 body (no other charset named, no byte-order mark, valid
 * UTF-8); any other body is parsed here all the same, and its run stores the request written again.
 * A body with another charset is left to the JSON converter. What is kept is a request attribute
 * naming the parsed object and the thread that read it: another request never sees it, and a
 * handler on another thread (async dispatch) or given another object finds nothing and falls back.
 */
final class RequestBodyAsSent implements HttpMessageConverter<Object> {

    private static final String ATTRIBUTE = RequestBodyAsSent.class.getName();

    /** Each request thread's body, until the thread reads its next one. */
    private static final ThreadJsonBuffer BODIES = new ThreadJsonBuffer();

    private record Received(Object body, Thread thread, ThreadJsonBuffer.Written bytes) {
    }

    private final JsonMapper json;

    /** @param json the mapper the JSON converter reads bodies with, so that a body reads the same either way */
    RequestBodyAsSent(JsonMapper json) {
        this.json = json;
    }

    /**
     * The UTF-8 bytes this request's body arrived as, when {@code body} is what was parsed from them
     * on this thread; valid until this thread reads another body.
     */
    static Optional<ThreadJsonBuffer.Written> of(Object body) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Received received = attributes == null ? null
                : (Received) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return received != null && received.body() == body && received.thread() == Thread.currentThread()
                ? Optional.of(received.bytes()) : Optional.empty();
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return type == EvaluationRequest.class && mediaType != null && "application".equals(mediaType.getType())
                && ("json".equals(mediaType.getSubtype()) || mediaType.getSubtype().endsWith("+json"))
                && (mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset()));
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public Object read(Class<?> type, HttpInputMessage input) throws IOException {
        ThreadJsonBuffer.Written bytes = BODIES.receive(input.getBody());
        // Every field that holds no decimal is named, as the JSON converter names them (EveryDecimalNamed).
        DecimalProblems notDecimals = new DecimalProblems();
        Object body;
        try {
            body = notDecimals.recording(json.readerFor(type)).readValue(bytes.bytes(), 0, bytes.length());
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JacksonException e) {
            notDecimals.throwIfAny();
            // As the JSON converter reports it, so that the problem names the same pointer and reason.
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        }
        notDecimals.throwIfAny();
        if (utf8(bytes.bytes(), bytes.length())) {
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            if (attributes != null) {
                attributes.setAttribute(ATTRIBUTE, new Received(body, Thread.currentThread(), bytes), RequestAttributes.SCOPE_REQUEST);
            }
        }
        return body;
    }

    @Override
    public void write(Object answer, MediaType contentType, HttpOutputMessage output) {
        throw new UnsupportedOperationException("reads evaluation requests only");
    }

    /**
     * Whether JSON text is UTF-8 as stored runs hold it: the parser also reads UTF-16 and UTF-32
     * (told by their zero bytes) and skips a byte-order mark, and does not refuse every ill-formed
     * sequence (an encoded surrogate); the store would decode those to other text than was evaluated.
     */
    static boolean utf8(byte[] text, int length) {
        if (length == 0 || text[0] == 0 || (length > 1 && text[1] == 0) || text[0] == (byte) 0xEF) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[i] < 0) {
                // Beyond ASCII, rare in a request: the JDK's decoder refuses what is not well-formed.
                return wellFormed(text, length);
            }
        }
        return true;
    }

    private static boolean wellFormed(byte[] text, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(text, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
