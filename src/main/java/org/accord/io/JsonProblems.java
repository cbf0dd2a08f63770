package org.accord.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.accord.validation.Decimals;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Where a JSON document Jackson could not read goes wrong, and why, in plain words: the same
 * pointer and reason whether the document is an API request body or a facts file named on the
 * command line, and never Jackson's own message with its class names and source description.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The JSON pointer (RFC 6901) of the value Jackson could not read, or of the place the syntax broke. */
    public static String pointer(JacksonException e) {
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)
                && e.processor() instanceof JsonParser parser) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                out.append('/').append(token(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                out.append('/').append(reference.getIndex());
            }
        }
        return out.toString();
    }

    /** What is wrong at {@link #pointer}: the value expected and the one found, or the syntax error with its line and column. */
    public static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown field '" + unknown.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known);
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == BigDecimal.class) {
            return Decimals.notADecimal(String.valueOf(format.getValue()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // a coercion the strict reader refuses ("12" for a count) does not carry the value it refused
            String got = e instanceof InvalidFormatException format ? ", got " + describe(format.getValue()) : "";
            return expected(mismatch.getTargetType()) + got;
        }
        if (e instanceof ValueInstantiationException creation && creation.getType() != null
                && creation.getType().getRawClass().isEnum()) {
            // a generated enum's factory refuses a word it does not know
            return expected(creation.getType().getRawClass());
        }
        if (e instanceof InputCoercionException range) {
            // In the document's words, not the parser's ("out of range of `int`").
            Class<?> target = range.getTargetType();
            if (target == int.class || target == Integer.class) {
                return "out of range: a whole number here is at most " + Integer.MAX_VALUE;
            }
            if (target == long.class || target == Long.class) {
                return "out of range: a whole number here is at most " + Long.MAX_VALUE;
            }
            return "out of range";
        }
        if (e instanceof StreamReadException) {
            // Jackson names the start of an unclosed object by its source, which the mapper redacts: the line and column say more.
            String message = e.getOriginalMessage();
            int markerAt = message.indexOf(" (start marker at");
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return "not valid JSON: " + (markerAt > 0 ? message.substring(0, markerAt) : message) + where;
        }
        return e.getOriginalMessage();
    }

    /** A JSON pointer token: '~' and '/' escaped. */
    public static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** What a value of this type is written as, for a reason: "expected a whole number". */
    public static String expected(Class<?> type) {
        if (type == BigDecimal.class) {
            return Decimals.EXPECTED;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == LocalDate.class) {
            return "expected a date as YYYY-MM-DD";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "expected a date and time with its offset, as 2026-11-30T09:00:00Z";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (type.isEnum()) {
            return "expected one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "expected an array";
        }
        return "expected an object";
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
