package org.accord.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's explanation text with the line's numbers. Placeholders are {@code {name}} or
 * {@code {name:format}} with format {@code usd} ($1,234.56), {@code pct} (12.5%) or {@code int}
 * (1,234); {@code {amount}} is the line's amount. A value that is not a number ("no limit") prints as it is. The sentence and the arithmetic share their numbers,
 * so they cannot drift.
 */
public final class Explanations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?::(usd|pct|int))?}");

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
                out.append(format(value, placeholder.format()));
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
            parts.add(new Placeholder(m.group(1).intern(), m.group(2)));
            literalFrom = m.end();
        }
        if (literalFrom < template.length()) {
            parts.add(template.substring(literalFrom));
        }
        return List.copyOf(parts);
    }

    private record Placeholder(String name, String format) {
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
            case "int" -> {
                String whole = number.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
                yield whole.startsWith("-") ? "-" + grouped(whole.substring(1)) : grouped(whole);
            }
            default -> number.toPlainString();
        };
    }
}
