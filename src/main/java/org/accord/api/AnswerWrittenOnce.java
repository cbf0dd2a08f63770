package org.accord.api;

import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An answer already written to JSON for its stored run goes out as those same bytes: a 76 KB
 * settlement was otherwise serialized twice per request, once to store it and once to answer.
 * The bytes come from the same mapper the JSON converter uses, so the answer is unchanged; any
 * other body, or another media type, is left to the JSON converter.
 */
final class AnswerWrittenOnce implements HttpMessageConverter<Object> {

    private static final String ATTRIBUTE = AnswerWrittenOnce.class.getName();

    private record Written(Object answer, ThreadJsonBuffer.Written json) {
    }

    /**
     * Keeps the JSON of this request's answer; the answer object itself is what the controller returns.
     * The JSON is in the request thread's buffer, which the response is written from on the same thread.
     */
    static void remember(Object answer, ThreadJsonBuffer.Written json) {
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, new Written(answer, json),
                RequestAttributes.SCOPE_REQUEST);
    }

    private static Written written() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : (Written) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        Written written = written();
        return written != null && written.answer().getClass() == type
                && (mediaType == null || mediaType.isWildcardType() || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType));
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(MediaType.APPLICATION_JSON);
    }

    @Override
    public Object read(Class<?> type, HttpInputMessage input) {
        throw new UnsupportedOperationException("writes answers only");
    }

    @Override
    public void write(Object answer, MediaType contentType, HttpOutputMessage output) throws IOException {
        Written written = written();
        if (written == null || written.answer() != answer) {
            throw new IllegalStateException("no JSON was kept for this answer");
        }
        output.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        output.getHeaders().setContentLength(written.json().length());
        output.getBody().write(written.json().bytes(), 0, written.json().length());
    }
}
