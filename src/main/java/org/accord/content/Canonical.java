package org.accord.content;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text behind every content hash (terms, facts, rule set), written down in
 * {@code docs/hashes.md} so that anyone can recompute a hash from a document: UTF-8, no
 * whitespace, object members sorted by name, a member whose value is absent (null), an empty
 * array or an empty object left out, and every number in its shortest plain decimal form ("0.40"
 * and "0.4" are both 0.4, "0.00" is 0). Equal values give equal text, and a field added to a
 * model later leaves the text of every document without it unchanged.
 */
public final class Canonical {

    private Canonical() {
    }

    public static String json(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out);
        return out.toString();
    }

    public static String hash(Object value) {
        return ContentHash.of(json(value));
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof BigDecimal d) {
            out.append(number(d));
        } else if (value instanceof Number n) {
            out.append(number(new BigDecimal(n.toString())));
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Record record) {
            writeRecord(record, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, ?> e : sorted(map).entrySet()) {
                if (absent(e.getValue())) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            quote(value.toString(), out);
        }
    }

    /** A record's components, sorted by name once per record class (reflection is slow per call). */
    private static final ClassValue<java.lang.reflect.RecordComponent[]> SORTED_COMPONENTS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.RecordComponent[] computeValue(Class<?> type) {
            java.lang.reflect.RecordComponent[] components = type.getRecordComponents().clone();
            java.util.Arrays.sort(components, java.util.Comparator.comparing(java.lang.reflect.RecordComponent::getName));
            for (java.lang.reflect.RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private static void writeRecord(Record record, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (java.lang.reflect.RecordComponent component : SORTED_COMPONENTS.get(record.getClass())) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (absent(value)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(component.getName(), out);
            out.append(':');
            write(value, out);
        }
        out.append('}');
    }

    /** The shortest plain decimal: no exponent, no trailing zeros after the point, zero as 0. */
    private static String number(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** A member with no value, or an empty array or object, is left out: it says nothing. */
    private static boolean absent(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Whether a string needs no escaping (the common case: ids, names, dates). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, ?> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
