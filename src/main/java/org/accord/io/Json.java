package org.accord.io;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.accord.facts.PerformanceFacts;
import org.accord.validation.Decimals;
import org.accord.validation.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Reads facts and writes settlements as JSON, deterministically. */
public final class Json {

    /** The mapper every adapter uses for Accord's own JSON. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("decimals").addSerializer(BigDecimal.class, new DecimalAsString())
                    .addDeserializer(BigDecimal.class, new BoundedDecimal()))
            .build();

    private Json() {
    }

    public static PerformanceFacts readFacts(Path file) {
        return readFacts(InputFiles.read(file, "--facts"));
    }

    public static PerformanceFacts readFacts(byte[] json) {
        try {
            return MAPPER.readValue(json, PerformanceFacts.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(pointer(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw new InvalidInputException(pointer(e), "wrong type or missing value: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidInputException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value) + "\n";
    }

    private static String pointer(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            out.append('/').append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()));
        }
        return out.toString();
    }

    /** Reads a decimal exactly, from a string or a JSON number's text, in the grammar and bounds of {@link Decimals}. */
    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Decimals.check(parser.getDecimalValue()).orElseGet(() ->
                        (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, parser.getDecimalValue(), Decimals.EXPECTED));
                case VALUE_STRING -> Decimals.parse(parser.getString()).orElseGet(() ->
                        (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, Decimals.abbreviate(parser.getString()), Decimals.EXPECTED));
                default -> (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            };
        }
    }

    /** Decimals as plain strings: exact for any client, and "0.50" keeps the scale the contract used. */
    private static final class DecimalAsString extends ValueSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toPlainString());
        }
    }
}
