package org.accord.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.content.DecimalDigits;

/**
 * Fills a rule's explanation text with the line's numbers. Placeholders are {@code {name}} or
 * {@code {name:format}} with format {@code usd} ($1,234.56), {@code pct} (12.5%), {@code dec} (a
 * decimal to four places, 512,561.52 or 15.0556) or {@code int} (1,234); {@code {amount}} is the line's amount.
 * A count with its noun is {@code {name:int singular|plural}}: {@code {practices:int practice|practices}} reads
 * "1 practice" and "3 practices", so that a sentence says one of a thing as one (the noun may be words, "eligible
 * member|eligible members"). A value that is not a number ("no limit") prints as it is. The sentence and the
 * arithmetic share their numbers, so they cannot drift.
 *
 * <p>A figure the arithmetic goes on with unrounded (a product or a quotient the payment is taken from) is written
 * {@code {name:usd exact}} ({@code pct exact}, {@code dec exact}): never rounded, in all its digits when they end
 * within {@value #EXACT_PLACES} places ($17,109,094.82805, 45.405%, and $20.00 as usd writes it), else cut at the
 * format's places and followed by "..." ($542,608.69... of 542,608.695652..., 53.5960...%), so that a reader never
 * takes a rounded figure for the one the payment used.
 */
public final class Explanations {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?::(usd|pct|dec|int))?(?:(?<=:usd|:pct|:dec) (exact))?"
                    + "(?:(?<=:int) ([^{}|]+)\\|([^{}|]+))?}");

    /** The most places past the point an exact figure is written in: one with more is cut at its format's places. */
    static final int EXACT_PLACES = 6;

    private Explanations() {
    }

    // Templates are rule metadata, a few dozen sentences: each is parsed once (the bound only
    // guards against a caller passing ever-new text).
    private static final Map<String, List<Object>> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 10_000;

    public static String render(String template, Map<String, Object> basis, BigDecimal amount) {
        List<Object> parts = parsed(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                String name = placeholder.name();
                Object value = "amount".equals(name) ? amount : basis.get(name);
                if (value == null && !basis.containsKey(name) && !"amount".equals(name)) {
                    throw new IllegalStateException("explanation names {" + name + "} but the line has no such number: " + template);
                }
                int from = out.length();
                if (placeholder.exact()) {
                    out.append(exactly(value, placeholder.format()));
                } else {
                    format(value, placeholder.format(), out);
                }
                if (placeholder.singular() != null) {
                    // The count as written decides the noun: "1" alone is one of a thing, "1,000" and "-1" are not.
                    boolean one = out.length() - from == 1 && out.charAt(from) == '1';
                    out.append(' ').append(one ? placeholder.singular() : placeholder.plural());
                }
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /**
     * Fails as {@link #render} would for a template naming a number the basis lacks, without
     * formatting anything: a line whose sentence is rendered later is checked when it is written.
     */
    public static void check(String template, Map<String, Object> basis) {
        for (Object part : parsed(template)) {
            if (part instanceof Placeholder placeholder && !"amount".equals(placeholder.name())
                    && basis.get(placeholder.name()) == null && !basis.containsKey(placeholder.name())) {
                throw new IllegalStateException("explanation names {" + placeholder.name() + "} but the line has no such number: " + template);
            }
        }
    }

    private static List<Object> parsed(String template) {
        List<Object> parts = PARSED.get(template);
        if (parts == null) {
            parts = parse(template);
            if (PARSED.size() < MAX_PARSED) {
                PARSED.put(template, parts);
            }
        }
        return parts;
    }

    /** A template as its literal text and placeholders, in order. */
    private static List<Object> parse(String template) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int literalFrom = 0;
        while (m.find()) {
            if (m.start() > literalFrom) {
                parts.add(template.substring(literalFrom, m.start()));
            }
            // Names interned: the basis keys are the rules' literals, so looking one up compares references.
            parts.add(new Placeholder(m.group(1).intern(), m.group(2), m.group(3) != null, m.group(4), m.group(5)));
            literalFrom = m.end();
        }
        if (literalFrom < template.length()) {
            parts.add(template.substring(literalFrom));
        }
        return List.copyOf(parts);
    }

    /**
     * A number to fill in, with its format and whether it is written exactly; with the nouns of a counted thing
     * ({@code :int} only), else null.
     */
    private record Placeholder(String name, String format, boolean exact, String singular, String plural) {
    }

    /**
     * A figure never rounded ({@code {name:usd exact}}): its digits, when they end within {@link #EXACT_PLACES} places,
     * at least a dollar amount's cents; else the format's places (usd 2, pct and dec 4), cut, and "...".
     */
    static String exactly(Object value, String format) {
        if (!(value instanceof BigDecimal) && !(value instanceof Number)) {
            return String.valueOf(value);
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        BigDecimal written = "pct".equals(format) ? number.movePointRight(2) : number;
        int digits = Math.max(written.stripTrailingZeros().scale(), 0);
        boolean cut = digits > EXACT_PLACES;
        int places = cut ? ("usd".equals(format) ? 2 : 4) : "usd".equals(format) ? Math.max(digits, 2) : digits;
        BigDecimal shown = written.setScale(places, RoundingMode.DOWN);
        String plain = shown.abs().toPlainString();
        String sign = shown.signum() < 0 || (cut && written.signum() < 0) ? "-" : "";
        String text = switch (format) {
            case "usd" -> sign + "$" + grouped(plain);
            case "pct" -> sign + plain;
            default -> sign + grouped(plain);
        };
        return text + (cut ? "..." : "") + ("pct".equals(format) ? "%" : "");
    }

    /** Thousands separators on a non-negative plain decimal ("1234567.89" to "1,234,567.89"). */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + end / 3);
        for (int i = 0; i < end; i++) {
            if (i > 0 && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, end, plain.length()).toString();
    }

    static String format(Object value, String format) {
        StringBuilder out = new StringBuilder(24);
        format(value, format, out);
        return out.toString();
    }

    /**
     * Writes a number as {@link #formatted} does, in long arithmetic when its digits fit a long
     * (nearly every basis number and amount): rounding a full-precision decimal with BigDecimal
     * costs a division of big integers per number. ExplanationsTest compares the two.
     */
    static void format(Object value, String format, StringBuilder out) {
        BigDecimal number = value instanceof BigDecimal d ? d
                : value instanceof Integer || value instanceof Long ? BigDecimal.valueOf(((Number) value).longValue()) : null;
        if (number == null) {
            out.append(formatted(value, format));
        } else if (fitsLong(number)) {
            if (!formattedAsLong(number.unscaledValue().longValue(), number.scale(), format, out)) {
                out.append(formatted(value, format));
            }
        } else if (!formattedFromDigits(number, format, out)) {
            out.append(formatted(value, format));
        }
    }

    /**
     * A value beyond a long (a full-precision quotient): rounded on its decimal digits to the
     * format's places, then written as a long; false, having written nothing, when it cannot be.
     */
    private static boolean formattedFromDigits(BigDecimal number, String format, StringBuilder out) {
        int scale = number.scale();
        int places = format == null ? -1 : switch (format) {
            case "usd" -> 2;
            case "pct" -> 6;
            case "dec" -> 4;
            case "int" -> 0;
            default -> -2;
        };
        if (places == -2 || number.signum() == 0 || scale < 0 || scale > 60 || number.unscaledValue().bitLength() > 126) {
            return false;
        }
        boolean negative = number.signum() < 0;
        String digits = DecimalDigits.of(number.unscaledValue().abs());
        if (places == -1) {
            int end = digits.length();
            int fraction = scale;
            while (fraction > 0 && digits.charAt(end - 1) == '0') {
                end--;
                fraction--;
            }
            if (negative) {
                out.append('-');
            }
            int whole = end - fraction;
            if (fraction == 0) {
                out.append(digits, 0, end);
            } else if (whole > 0) {
                out.append(digits, 0, whole).append('.').append(digits, whole, end);
            } else {
                out.append("0.");
                for (int i = whole; i < 0; i++) {
                    out.append('0');
                }
                out.append(digits, 0, end);
            }
            return true;
        }
        if (scale <= places) {
            return false;
        }
        // keep the digits down to the format's places; the first one dropped and any beyond decide the rounding
        int kept = digits.length() - (scale - places);
        if (kept > 18) {
            return false;
        }
        long rounded = kept <= 0 ? 0 : Long.parseLong(digits, 0, kept, 10);
        int firstDropped = kept < 0 ? 0 : digits.charAt(kept) - '0';
        boolean moreDropped = false;
        for (int i = Math.max(kept + 1, 0); i < digits.length() && !moreDropped; i++) {
            moreDropped = digits.charAt(i) != '0';
        }
        if (firstDropped > 5 || firstDropped == 5 && (moreDropped || (rounded & 1) != 0)) {
            rounded++;
        }
        return formattedAsLong(negative ? -rounded : rounded, places, format, out);
    }

    private static boolean fitsLong(BigDecimal number) {
        return number.unscaledValue().bitLength() < 63 && number.scale() >= -18 && number.scale() <= 36;
    }

    /** False, having written nothing, when the value cannot be worked in a long. */
    private static boolean formattedAsLong(long unscaled, int scale, String format, StringBuilder out) {
        if (format == null) {
            return plain(unscaled, scale, out);
        }
        switch (format) {
            case "usd" -> {
                long cents = rescaled(unscaled, scale, 2);
                if (cents == Long.MIN_VALUE) {
                    return false;
                }
                out.append(cents < 0 ? "-$" : "$");
                long abs = Math.abs(cents);
                grouped(Long.toString(abs / 100), out);
                long fraction = abs % 100;
                out.append('.').append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10));
                return true;
            }
            case "pct" -> {
                // a percent to 4 places is the fraction to 6 places, read with the point 2 places on
                long millionths = rescaled(unscaled, scale, 6);
                if (millionths == Long.MIN_VALUE || !plain(millionths, 4, out)) {
                    return false;
                }
                out.append('%');
                return true;
            }
            case "dec" -> {
                long tenThousandths = rescaled(unscaled, scale, 4);
                if (tenThousandths == Long.MIN_VALUE) {
                    return false;
                }
                long abs = Math.abs(tenThousandths);
                if (tenThousandths < 0) {
                    out.append('-');
                }
                grouped(Long.toString(abs / 10_000), out);
                // the fraction's four places, less the zeros that end them
                int fraction = (int) (abs % 10_000);
                int places = 4;
                while (places > 0 && fraction % 10 == 0) {
                    fraction /= 10;
                    places--;
                }
                if (places > 0) {
                    String digits = Integer.toString(fraction);
                    out.append('.').append("000", 0, places - digits.length()).append(digits);
                }
                return true;
            }
            case "int" -> {
                long whole = rescaled(unscaled, scale, 0);
                if (whole == Long.MIN_VALUE) {
                    return false;
                }
                if (whole < 0) {
                    out.append('-');
                }
                grouped(Long.toString(Math.abs(whole)), out);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The value {@code unscaled x 10^-scale} in units of {@code 10^-target}, rounded half even; Long.MIN_VALUE on overflow. */
    private static long rescaled(long unscaled, int scale, int target) {
        if (scale <= target) {
            int up = target - scale;
            if (up >= POWERS.length) {
                return unscaled == 0 ? 0 : Long.MIN_VALUE;
            }
            long power = POWERS[up];
            long high = Math.multiplyHigh(unscaled, power);
            long product = unscaled * power;
            return (high == 0 && product >= 0) || (high == -1 && product < 0) ? product : Long.MIN_VALUE;
        }
        int down = scale - target;
        if (down >= POWERS.length) {
            // |unscaled| < 2^62 < 10^19 / 2: less than half a unit
            return 0;
        }
        long power = POWERS[down];
        long quotient = unscaled / power;
        long twiceRemainder = Math.abs(unscaled % power) * 2;
        if (twiceRemainder > power || (twiceRemainder == power && (quotient & 1) != 0)) {
            quotient += unscaled < 0 ? -1 : 1;
        }
        return quotient;
    }

    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    /** The shortest plain decimal of {@code unscaled x 10^-scale}, as {@code stripTrailingZeros().toPlainString()} writes it. */
    private static boolean plain(long unscaled, int scale, StringBuilder out) {
        if (unscaled == 0) {
            out.append('0');
            return true;
        }
        if (unscaled == Long.MIN_VALUE) {
            return false;
        }
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (unscaled < 0) {
            out.append('-');
        }
        String digits = Long.toString(Math.abs(unscaled));
        if (scale <= 0) {
            out.append(digits);
            for (int i = scale; i < 0; i++) {
                out.append('0');
            }
        } else if (digits.length() > scale) {
            out.append(digits, 0, digits.length() - scale).append('.').append(digits, digits.length() - scale, digits.length());
        } else {
            out.append("0.");
            for (int i = digits.length(); i < scale; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return true;
    }

    /** Thousands separators on whole digits ("1234567" to "1,234,567"). */
    private static void grouped(String digits, StringBuilder out) {
        int end = digits.length();
        for (int i = 0; i < end; i++) {
            if (i > 0 && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
    }

    /** The definition the long arithmetic above follows, and the path of numbers beyond a long. */
    static String formatted(Object value, String format) {
        if (!(value instanceof BigDecimal) && !(value instanceof Number)) {
            return String.valueOf(value);
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        if (format == null) {
            return number.stripTrailingZeros().toPlainString();
        }
        return switch (format) {
            case "usd" -> {
                BigDecimal cents = number.setScale(2, RoundingMode.HALF_EVEN);
                yield (cents.signum() < 0 ? "-$" : "$") + grouped(cents.abs().toPlainString());
            }
            case "pct" -> {
                BigDecimal percent = number.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
                yield percent.toPlainString() + "%";
            }
            case "dec" -> {
                String plain = number.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
                yield plain.startsWith("-") ? "-" + grouped(plain.substring(1)) : grouped(plain);
            }
            case "int" -> {
                String whole = number.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
                yield whole.startsWith("-") ? "-" + grouped(whole.substring(1)) : grouped(whole);
            }
            default -> number.toPlainString();
        };
    }
}
