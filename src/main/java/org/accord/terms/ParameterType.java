package org.accord.terms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.validation.Decimals;

/**
 * The kinds of value a contract parameter can hold, and how a raw value (from YAML, JSON or the
 * command line) becomes a typed one. Decimals are read from their text, never through double.
 */
public enum ParameterType {
    /** A decimal fraction: 0.50 is fifty percent. */
    RATE("rate"),
    /** US dollars. */
    AMOUNT("amount"),
    /** Any other decimal (a risk score, a multiplier). */
    NUMBER("number"),
    /** A whole number. */
    COUNT("count"),
    /** One word from the declared list of allowed values. */
    CHOICE("choice"),
    /** true or false. */
    FLAG("flag"),
    /** Per measure: direction (higher-is-better or lower-is-better) and the gates (rates) that earn points. */
    MEASURE_GATES("measure-gates"),
    /** Per measure: a dollar amount. */
    AMOUNTS_BY_MEASURE("amounts-by-measure"),
    /**
     * Rungs (or bands) in ascending order, each a {@code threshold} and one or more rates (a ladder's
     * {@code rate}; a corridor band's shares): a rung applies from its threshold up to the next one.
     * A term path names one field of one rung ({@code qualityBonusLadder[2].rate},
     * {@code corridorBands[1].threshold}, counted from 0) so that it is overridden and swept like any term.
     */
    SCALE("scale");

    private final String word;

    ParameterType(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static ParameterType fromWord(String word) {
        for (ParameterType type : values()) {
            if (type.word.equals(word)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown parameter type '" + word + "'");
    }

    /** Converts a raw value, or throws IllegalArgumentException with a reason a caller can act on. */
    Object convert(Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a value is required");
        }
        return switch (this) {
            case RATE, AMOUNT, NUMBER -> decimal(raw);
            case COUNT -> count(raw);
            case CHOICE -> {
                if (!(raw instanceof String s)) {
                    throw new IllegalArgumentException("expected one of the allowed words, got " + raw);
                }
                yield s;
            }
            case FLAG -> flag(raw);
            case MEASURE_GATES -> measureGates(raw);
            case AMOUNTS_BY_MEASURE -> amountsByMeasure(raw);
            case SCALE -> scale(raw);
        };
    }

    /** A decimal in the grammar and bounds of {@link Decimals}, whichever form the override arrived in. */
    static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return Decimals.check(d).orElseThrow(() -> new IllegalArgumentException(Decimals.EXPECTED));
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger) {
            return Decimals.parseOrThrow(raw.toString());
        }
        if (raw instanceof String s) {
            return Decimals.parseOrThrow(s);
        }
        if (raw instanceof Double || raw instanceof Float) {
            // A JSON number that reached us as binary floating point: take its shortest decimal text.
            return Decimals.parseOrThrow(raw.toString());
        }
        throw new IllegalArgumentException("expected a decimal number, got " + describe(raw));
    }

    private static Integer count(Object raw) {
        BigDecimal d = decimal(raw);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a whole number, got " + d.toPlainString());
        }
    }

    private static Boolean flag(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.valueOf((String) raw);
        }
        throw new IllegalArgumentException("expected true or false, got " + describe(raw));
    }

    private static Map<String, Object> measureGates(Object raw) {
        Map<String, Object> gates = new TreeMap<>();
        for (Map.Entry<String, Object> measure : asMap(raw).entrySet()) {
            Map<String, Object> spec = asMap(measure.getValue());
            Object direction = spec.get("direction");
            if (!"higher-is-better".equals(direction) && !"lower-is-better".equals(direction)) {
                throw new IllegalArgumentException("measure " + measure.getKey()
                        + ": direction must be higher-is-better or lower-is-better");
            }
            if (!(spec.get("gates") instanceof List<?> rawGates) || rawGates.isEmpty()) {
                throw new IllegalArgumentException("measure " + measure.getKey() + ": gates must be a non-empty list of rates");
            }
            List<BigDecimal> thresholds = new ArrayList<>();
            for (Object gate : rawGates) {
                BigDecimal rate = decimal(gate);
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("measure " + measure.getKey() + ": gate " + rate + " is not a rate between 0 and 1");
                }
                thresholds.add(rate);
            }
            Map<String, Object> normalised = new LinkedHashMap<>();
            normalised.put("direction", direction);
            normalised.put("gates", Collections.unmodifiableList(thresholds));
            gates.put(measure.getKey(), Collections.unmodifiableMap(normalised));
        }
        return Collections.unmodifiableMap(gates);
    }

    private static Map<String, Object> amountsByMeasure(Object raw) {
        Map<String, Object> amounts = new TreeMap<>();
        for (Map.Entry<String, Object> measure : asMap(raw).entrySet()) {
            BigDecimal amount = decimal(measure.getValue());
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("measure " + measure.getKey() + ": amount cannot be negative");
            }
            amounts.put(measure.getKey(), amount);
        }
        return Collections.unmodifiableMap(amounts);
    }

    /** The field every rung of a scale has: where the rung (or band) starts. */
    public static final String THRESHOLD = "threshold";
    /** The rate field of a ladder whose rungs carry one rate. */
    public static final String RATE_FIELD = "rate";

    /**
     * Rungs of a threshold (at least 0, ascending) and one or more named rates, every rung with the
     * same fields: a ladder's {@code rate}, or a corridor band's {@code ipaShareOfGains} and
     * {@code ipaShareOfLosses}.
     */
    private static List<Map<String, BigDecimal>> scale(Object raw) {
        if (!(raw instanceof List<?> rawRungs) || rawRungs.isEmpty()) {
            throw new IllegalArgumentException("expected a non-empty list of rungs, each a threshold and its rates, got " + describe(raw));
        }
        List<Map<String, BigDecimal>> rungs = new ArrayList<>();
        for (int i = 0; i < rawRungs.size(); i++) {
            Map<String, Object> rung;
            try {
                rung = asMap(rawRungs.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rung " + i + ": expected a threshold and its rates, got " + describe(rawRungs.get(i)));
            }
            if (!rung.containsKey(THRESHOLD) || rung.size() < 2) {
                throw new IllegalArgumentException("rung " + i + ": needs a threshold and at least one rate, got " + rung.keySet());
            }
            if (i > 0 && !rung.keySet().equals(rungs.get(0).keySet())) {
                throw new IllegalArgumentException("rung " + i + " has the fields " + new java.util.TreeSet<>(rung.keySet())
                        + " but rung 0 has " + new java.util.TreeSet<>(rungs.get(0).keySet()) + ": every rung of a scale has the same fields");
            }
            Map<String, BigDecimal> normalised = new LinkedHashMap<>();
            for (String field : rung.keySet().stream().sorted((a, b) -> THRESHOLD.equals(a) ? -1 : THRESHOLD.equals(b) ? 1 : 0).toList()) {
                try {
                    normalised.put(field, decimal(rung.get(field)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rung " + i + " " + field + ": " + e.getMessage());
                }
            }
            if (normalised.get(THRESHOLD).signum() < 0) {
                throw new IllegalArgumentException("rung " + i + "'s threshold " + normalised.get(THRESHOLD).toPlainString()
                        + " is below 0: a scale starts at 0 or above");
            }
            if (i > 0 && normalised.get(THRESHOLD).compareTo(rungs.get(i - 1).get(THRESHOLD)) <= 0) {
                throw new IllegalArgumentException("rung " + i + "'s threshold " + normalised.get(THRESHOLD).toPlainString()
                        + " is not above rung " + (i - 1) + "'s " + rungs.get(i - 1).get(THRESHOLD).toPlainString()
                        + ": the rungs of a scale are in ascending order");
            }
            rungs.add(Collections.unmodifiableMap(normalised));
        }
        return Collections.unmodifiableList(rungs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected an object keyed by measure id, got " + describe(raw));
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }
}
