package org.accord.api;

import java.io.IOException;
import java.util.Map;
import org.accord.io.DecimalProblems;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of request bodies (and answers), reading a body with several fields that hold no decimal to its end
 * and refusing it naming every one of them, a 422 as for one ({@link DecimalProblems}), where Jackson stopped at the first.
 * A body whose reading stops at a field that does not match the API document after such fields is refused for them, as
 * it was for the first of them; one that stops before any is the 400 it was.
 */
final class EveryDecimalNamed extends JacksonJsonHttpMessageConverter {

    /**
     * The fields noted while this thread reads one body: Spring asks {@link #customizeReader} for the body's reader within
     * the read, and hands nothing of the read to it.
     */
    private static final ThreadLocal<DecimalProblems> READING = new ThreadLocal<>();

    EveryDecimalNamed(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        return namingEveryDecimal(() -> super.read(type, input, hints));
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return namingEveryDecimal(() -> super.readInternal(type, input));
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType type) {
        DecimalProblems notDecimals = READING.get();
        return notDecimals == null ? reader : notDecimals.recording(reader);
    }

    /** The converter's own reading of one body. */
    private interface Reading {
        Object body() throws IOException;
    }

    /**
     * @throws org.accord.validation.InvalidInputException naming each field of the body that holds no decimal, when any does
     */
    private static Object namingEveryDecimal(Reading reading) throws IOException {
        DecimalProblems notDecimals = new DecimalProblems();
        READING.set(notDecimals);
        try {
            Object body = reading.body();
            notDecimals.throwIfAny();
            return body;
        } catch (HttpMessageNotReadableException stopped) {
            notDecimals.throwIfAny();
            throw stopped;
        } finally {
            READING.remove();
        }
    }
}
