package org.accord.facts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accord.validation.Decimals;

/**
 * The kinds of value a practice's fact can hold (declared in {@code rules/facts.yaml}), and how a
 * raw value (JSON, YAML, a CSV cell) becomes a typed one. Decimals are read from their text, never
 * through double. A list of amounts is written in a CSV cell separated by {@code ;}.
 */
public enum FactType {
    /** Free text (an id, a name). */
    TEXT("text"),
    /** A whole number (members, visits). */
    COUNT("count"),
    /** Any decimal (a risk score). */
    DECIMAL("decimal"),
    /** US dollars. */
    MONEY("money"),
    /** true or false. */
    FLAG("flag"),
    /** A list of US dollar amounts (one for each member of a kind, in no particular order). */
    MONEY_LIST("money-list");

    /** How a list's items are separated in a CSV cell. */
    public static final String CSV_LIST_SEPARATOR = ";";

    private final String word;

    FactType(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static FactType fromWord(String word) {
        for (FactType type : values()) {
            if (type.word.equals(word)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown fact type '" + word + "' (known: text, count, decimal, money, flag, money-list)");
    }

    /** What a value of this type is, as a problem's reason says it is expected. */
    public String expected() {
        return switch (this) {
            case TEXT -> "expected text";
            case COUNT -> "expected a whole number";
            case DECIMAL, MONEY -> Decimals.EXPECTED;
            case FLAG -> "expected true or false";
            case MONEY_LIST -> "expected a list of amounts, each " + Decimals.EXPECTED;
        };
    }

    /**
     * The typed value of a raw one (a String, a Number, a Boolean or a List as JSON and YAML give them),
     * or empty when it is not one of this type: text a String; a count a whole number that fits a
     * long; decimals and money a {@code BigDecimal}; a flag a Boolean; a money list a list of {@code BigDecimal}.
     */
    public Optional<Object> read(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (this) {
            case TEXT -> raw instanceof String ? Optional.of(raw) : Optional.empty();
            case COUNT -> decimal(raw).filter(d -> d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)
                    .map(d -> (Object) d.longValueExact());
            case DECIMAL, MONEY -> decimal(raw).map(Object.class::cast);
            case FLAG -> raw instanceof Boolean ? Optional.of(raw) : Optional.empty();
            case MONEY_LIST -> list(raw);
        };
    }

    /** The typed value of a CSV cell that is not empty, or empty when it is not one of this type. */
    public Optional<Object> readCell(String cell) {
        return switch (this) {
            case TEXT, COUNT, DECIMAL, MONEY -> read(cell);
            case FLAG -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(Boolean.TRUE);
                case "false" -> Optional.of(Boolean.FALSE);
                default -> Optional.empty();
            };
            case MONEY_LIST -> read(List.of(cell.split(CSV_LIST_SEPARATOR, -1)).stream().map(String::strip).toList());
        };
    }

    /** A typed value as a CSV cell (the inverse of {@link #readCell}). */
    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(CSV_LIST_SEPARATOR, list.stream().map(FactType::plain).toList());
        }
        return plain(value);
    }

    /** The numeric value of a typed or raw fact value, for comparison with a declared bound (a list: each item). */
    static List<BigDecimal> numbers(Object value) {
        List<BigDecimal> numbers = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> numbers.addAll(numbers(item)));
        } else if (value instanceof BigDecimal d) {
            numbers.add(d);
        } else if (value instanceof Long l) {
            numbers.add(BigDecimal.valueOf(l));
        }
        return numbers;
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    private static Optional<BigDecimal> decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return Decimals.check(d);
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof BigInteger) {
            return Decimals.check(new BigDecimal(raw.toString()));
        }
        if (raw instanceof String text) {
            return Decimals.parse(text);
        }
        // A double has already lost the exact decimal the sender wrote: refused, not guessed.
        return Optional.empty();
    }

    private static Optional<Object> list(Object raw) {
        if (!(raw instanceof List<?> items)) {
            return Optional.empty();
        }
        List<BigDecimal> amounts = new ArrayList<>(items.size());
        for (Object item : items) {
            Optional<BigDecimal> amount = decimal(item);
            if (amount.isEmpty()) {
                return Optional.empty();
            }
            amounts.add(amount.get());
        }
        return Optional.of(List.copyOf(amounts));
    }
}
