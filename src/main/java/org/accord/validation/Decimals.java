package org.accord.validation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one grammar every decimal input follows, in a JSON body, a CSV cell, an override or a
 * command-line value (api-spec/accord.yaml, "Decimals"): an optional sign, digits with an optional
 * fraction or a fraction alone, an optional exponent ({@code -12.50}, {@code .5}, {@code 5.253755E+8},
 * {@code 0E-8}): an HTML number input's grammar (which writes 0.1 as {@code .1} when typed so) with a
 * {@code +} allowed too, as JSON numbers and published files write exponents. After
 * normalisation (a negative scale written out as whole digits) a value has at most
 * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS} after,
 * so {@code 1E+2147483647} is refused before anything tries to write it out in full.
 */
public final class Decimals {

    public static final int MAX_INTEGER_DIGITS = 30;
    public static final int MAX_FRACTION_DIGITS = 40;
    /** Longer text is refused unread: any in-bounds value can be written in fewer characters. */
    public static final int MAX_TEXT_LENGTH = 100;

    /** The grammar, as the API document states it. */
    static final Pattern GRAMMAR = Pattern.compile("[+-]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** The reason given for any decimal that breaks the grammar or the bounds. */
    public static final String EXPECTED = "expected a decimal such as \"0.50\", \".5\", \"-12.50\" or \"5.253755E+8\" (a string"
            + " or a JSON number) with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
            + MAX_FRACTION_DIGITS + " after";

    private Decimals() {
    }

    /** The value of a decimal's text, normalised, or empty when the text breaks the grammar or the bounds. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH || !inGrammar(text)) {
            return Optional.empty();
        }
        try {
            return check(new BigDecimal(text));
        } catch (NumberFormatException exponentBeyondInt) {
            return Optional.empty();
        }
    }

    /**
     * Whether the text follows {@link #GRAMMAR}, scanned by hand: every decimal of every request
     * is read through here, and the regular expression cost more than the BigDecimal it guards.
     * DecimalsTest compares the two.
     */
    static boolean inGrammar(String text) {
        int at = 0;
        int length = text.length();
        if (at < length && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            at++;
        }
        int digitsFrom = at;
        at = afterDigits(text, at);
        boolean whole = at > digitsFrom;
        if (at < length && text.charAt(at) == '.') {
            digitsFrom = ++at;
            at = afterDigits(text, at);
            if (at == digitsFrom) {
                return false;
            }
        } else if (!whole) {
            return false;
        }
        if (at < length && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < length && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            digitsFrom = at;
            at = afterDigits(text, at);
            if (at == digitsFrom) {
                return false;
            }
        }
        return at == length;
    }

    private static int afterDigits(String text, int at) {
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    /** The value normalised (no negative scale: 5.25E+2 is 525), or empty when it is out of bounds. */
    public static Optional<BigDecimal> check(BigDecimal value) {
        if (value == null || !bounded(value)) {
            return Optional.empty();
        }
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** Whether the value's plain text keeps within the bounds; counted in long, so no exponent wraps. */
    public static boolean bounded(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        return value.scale() <= MAX_FRACTION_DIGITS && integerDigits <= MAX_INTEGER_DIGITS;
    }

    /** Parses or fails with {@link #EXPECTED} and the text, for callers that report exceptions. */
    public static BigDecimal parseOrThrow(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(notADecimal(text)));
    }

    /**
     * Why a value is refused where a decimal belongs, in the same words wherever it was sent (a body's field, an override,
     * a CSV cell, an option): one grammar, one reason.
     */
    public static String notADecimal(String text) {
        return "'" + abbreviate(text) + "' is not a decimal in bounds: " + EXPECTED;
    }

    /** A value quoted back in a message: long text cut, so a refused megabyte is not echoed whole. */
    public static String abbreviate(String text) {
        return text == null || text.length() <= 40 ? String.valueOf(text) : text.substring(0, 37) + "...";
    }
}
