package org.accord.io;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.accord.content.DecimalDigits;
import org.accord.facts.PerformanceFacts;
import org.accord.validation.Decimals;
import org.accord.validation.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

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
            .addModule(new ConstructorCreators())
            .build();

    /**
     * The mapper for what a client sends, a request's body or a facts file: {@link #MAPPER} made
     * strict about the rest of the document, so that every mismatch is a precise error rather than a
     * silent guess (12.5 member months is refused, not truncated to 12; "12" is not a number; a key
     * given twice is refused).
     */
    public static final JsonMapper STRICT = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
            .addModule(new SimpleModule("calendar days").addDeserializer(LocalDate.class, new CalendarDay()))
            .build();

    private Json() {
    }

    public static PerformanceFacts readFacts(Path file) {
        return readFacts(InputFiles.read(file, "--facts"));
    }

    /**
     * @throws InvalidInputException at the pointer (relative to the facts) of what could not be
     *         read, worded as the API words the same mistake in a request ({@link JsonProblems}); at every field
     *         that holds no decimal
     */
    public static PerformanceFacts readFacts(byte[] json) {
        // Every field that holds no decimal is named, as the API names them in a body (DecimalProblems).
        DecimalProblems notDecimals = new DecimalProblems();
        PerformanceFacts facts;
        try {
            facts = notDecimals.recording(STRICT.readerFor(PerformanceFacts.class)).readValue(json);
        } catch (JacksonException e) {
            // The decimals refused before the reading stopped, as the first of them was before the others were named.
            notDecimals.throwIfAny();
            throw new InvalidInputException(JsonProblems.pointer(e), JsonProblems.reason(e));
        }
        notDecimals.throwIfAny();
        return facts;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value) + "\n";
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
                        DecimalProblems.notADecimal(parser, context, Decimals.notADecimal(parser.getDecimalValue().toString()),
                                () -> context.handleWeirdNumberValue(BigDecimal.class, parser.getDecimalValue(), Decimals.EXPECTED)));
                case VALUE_STRING -> Decimals.parse(parser.getString()).orElseGet(() ->
                        DecimalProblems.notADecimal(parser, context, Decimals.notADecimal(parser.getString()),
                                () -> context.handleWeirdStringValue(BigDecimal.class, Decimals.abbreviate(parser.getString()), Decimals.EXPECTED)));
                // true, an object or a list: said as the API document's type, as Jackson says it
                default -> DecimalProblems.notADecimal(parser, context, Decimals.EXPECTED,
                        () -> context.handleUnexpectedToken(BigDecimal.class, parser));
            };
        }
    }

    /**
     * A date is a calendar day written YYYY-MM-DD and nothing else (api-spec: no time of day, no zone):
     * Jackson's own reader took "2025-01-01T00:00:00Z" or "2025-01-01 " and kept the day.
     */
    private static final class CalendarDay extends StdScalarDeserializer<LocalDate> {

        private static final int LENGTH = "2025-12-31".length();

        CalendarDay() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            if (text.length() == LENGTH) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException notADay) {
                    // reported below, as any other text
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, Decimals.abbreviate(text), "expected a date as YYYY-MM-DD");
        }
    }

    /** Decimals as plain strings: exact for any client, and "0.50" keeps the scale the contract used. */
    static final class DecimalAsString extends ValueSerializer<BigDecimal> {

        /**
         * The text of one decimal, kept by the thread: an answer writes some 600 decimals, and the
         * strings, builders and arrays each made were a third of the answer's garbage. The generator
         * copies the characters before writeString returns, so the array is free again at once.
         */
        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

        /** A decimal's text, and the words its digits are divided out of. */
        private static final class Scratch {
            final char[] text = new char[256];
            final long[] words = new long[DecimalDigits.WORDS];
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            int scale = value.scale();
            if (scale < 0 || scale > 60) {
                generator.writeString(value.toPlainString());
                return;
            }
            Scratch scratch = SCRATCH.get();
            char[] text = scratch.text;
            // precision() reads a small decimal's digits from its long; unscaledValue() would make a BigInteger of it.
            if (scale <= 18 && value.precision() <= 18) {
                generator.writeString(text, 0, plain(value.scaleByPowerOfTen(scale).longValueExact(), scale, text));
                return;
            }
            BigInteger unscaled = value.unscaledValue();
            // the digits go after room for "-0." and the zeros of a scale above the digits' count
            int digitsAt = 3 + scale;
            if (digitsAt + DecimalDigits.atMost(unscaled) > text.length) {
                generator.writeString(plain(unscaled.signum() < 0, DecimalDigits.of(unscaled.abs()), scale));
                return;
            }
            int digitsEnd = DecimalDigits.writeMagnitude(unscaled, text, digitsAt, scratch.words);
            generator.writeString(text, 0, plain(unscaled.signum() < 0, text, digitsAt, digitsEnd - digitsAt, scale));
        }

        /**
         * What {@link BigDecimal#toPlainString} writes, made in place from {@code digits} digits at
         * {@code digitsAt} (which leaves room for "-0." and {@code scale} zeros before them), from the
         * start of {@code text}; returns its length.
         */
        static int plain(boolean negative, char[] text, int digitsAt, int digits, int scale) {
            int length = 0;
            if (negative) {
                text[length++] = '-';
            }
            int wholeDigits = digits - scale;
            if (wholeDigits > 0) {
                System.arraycopy(text, digitsAt, text, length, wholeDigits);
                length += wholeDigits;
                if (scale > 0) {
                    text[length++] = '.';
                    System.arraycopy(text, digitsAt + wholeDigits, text, length, scale);
                    length += scale;
                }
                return length;
            }
            text[length++] = '0';
            text[length++] = '.';
            for (int i = wholeDigits; i < 0; i++) {
                text[length++] = '0';
            }
            System.arraycopy(text, digitsAt, text, length, digits);
            return length + digits;
        }

        /** What {@link BigDecimal#toPlainString} writes for the digits of an unscaled value and a scale of 0 or more. */
        static String plain(boolean negative, String digits, int scale) {
            StringBuilder text = new StringBuilder(digits.length() + 4);
            if (negative) {
                text.append('-');
            }
            int wholeDigits = digits.length() - scale;
            if (scale == 0) {
                text.append(digits);
            } else if (wholeDigits > 0) {
                text.append(digits, 0, wholeDigits).append('.').append(digits, wholeDigits, digits.length());
            } else {
                text.append("0.");
                for (int i = wholeDigits; i < 0; i++) {
                    text.append('0');
                }
                text.append(digits);
            }
            return text.toString();
        }

        /**
         * What {@link BigDecimal#toPlainString} writes for an unscaled long and a scale of 0 to
         * 18, without its intermediate strings; JsonTest compares the two.
         */
        static int plain(long unscaled, int scale, char[] text) {
            int length = 0;
            if (unscaled < 0) {
                text[length++] = '-';
            }
            long magnitude = Math.abs(unscaled);
            int digits = 1;
            for (long rest = magnitude / 10; rest != 0; rest /= 10) {
                digits++;
            }
            int wholeDigits = digits - scale;
            if (wholeDigits <= 0) {
                text[length++] = '0';
                text[length++] = '.';
                for (int i = wholeDigits; i < 0; i++) {
                    text[length++] = '0';
                }
            }
            int end = length + digits + (wholeDigits > 0 && scale > 0 ? 1 : 0);
            int at = end;
            int written = 0;
            do {
                if (scale > 0 && written == scale && wholeDigits > 0) {
                    text[--at] = '.';
                }
                text[--at] = (char) ('0' + magnitude % 10);
                magnitude /= 10;
                written++;
            } while (written < digits);
            return end;
        }
    }
}
