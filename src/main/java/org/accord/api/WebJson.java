package org.accord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.accord.io.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapper of the HTTP layer: Accord's own mapper ({@link Json#MAPPER}: decimals written
 * as plain strings, read without double, unknown fields rejected), made strict about the rest of
 * the request document so that every mismatch is a precise 400 rather than a silent guess.
 */
final class WebJson {

    /** What a decimal sent as a string looks like: the spec's plain form, no exponent. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Bounds that keep a decimal's plain text short (1E+999999999 is a valid BigDecimal). */
    static final int MAX_INTEGER_DIGITS = 30;
    static final int MAX_FRACTION_DIGITS = 40;

    static final String DECIMAL_EXPECTED = "expected a decimal: a string such as \"0.50\" (or a JSON number), with at most "
            + MAX_INTEGER_DIGITS + " digits before the point and " + MAX_FRACTION_DIGITS + " after";

    private WebJson() {
    }

    static JsonMapper mapper() {
        return Json.MAPPER.rebuild()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                // [null] in a list or {"x": null} in a map is an error, not an element to trip over later
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimal()))
                .build();
    }

    /** Whether a decimal's plain text stays within the bounds above. */
    static boolean bounded(BigDecimal value) {
        return value.scale() <= MAX_FRACTION_DIGITS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }

    /** Reads a decimal exactly from a plain-decimal string or from a JSON number's text. */
    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = switch (parser.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                case VALUE_STRING -> {
                    String text = parser.getString();
                    if (!PLAIN_DECIMAL.matcher(text).matches()) {
                        yield (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, DECIMAL_EXPECTED);
                    }
                    yield new BigDecimal(text);
                }
                default -> (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            };
            if (value != null && !bounded(value)) {
                return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value, DECIMAL_EXPECTED);
            }
            return value;
        }
    }
}
