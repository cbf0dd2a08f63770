package org.accord.content;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON text behind every content hash (terms, facts, rule set), written down in
 * {@code docs/hashes.md} so that anyone can recompute a hash from a document: UTF-8, no
 * whitespace, object members sorted by name, a member whose value is absent (null), an empty
 * array or an empty object left out, and every number in its shortest plain decimal form ("0.40"
 * and "0.4" are both 0.4, "0.00" is 0). Equal values give equal text, and a field added to a
 * model later leaves the text of every document without it unchanged.
 *
 * <p>A hash streams the text's UTF-8 bytes straight into the digest: the facts of every request
 * are hashed, and building their text as a string first cost as much again.
 */
public final class Canonical {

    private Canonical() {
    }

    public static String json(Object value) {
        TextSink out = new TextSink();
        write(value, out);
        return out.text.toString();
    }

    public static String hash(Object value) {
        DigestSink out = new DigestSink();
        write(value, out);
        return ContentHash.ofDigest(out.digest());
    }

    private static void write(Object value, Sink out) {
        if (value == null) {
            out.ascii("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof BigDecimal d) {
            number(d, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            // A whole number's shortest plain form is its decimal digits.
            out.number(((Number) value).longValue());
        } else if (value instanceof Number n) {
            number(new BigDecimal(n.toString()), out);
        } else if (value instanceof Boolean b) {
            out.ascii(b ? "true" : "false");
        } else if (value instanceof Record record) {
            writeRecord(record, out);
        } else if (value instanceof Map<?, ?> map) {
            out.ascii('{');
            boolean first = true;
            for (Map.Entry<String, ?> e : sorted(map).entrySet()) {
                if (absent(e.getValue())) {
                    continue;
                }
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.ascii(':');
                write(e.getValue(), out);
            }
            out.ascii('}');
        } else if (value instanceof Collection<?> list) {
            out.ascii('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.ascii(',');
                }
                first = false;
                write(item, out);
            }
            out.ascii(']');
        } else {
            quote(value.toString(), out);
        }
    }

    /** A record component's quoted name and its accessor, as a method handle (reflection is slow per call). */
    private record Member(String quotedName, MethodHandle accessor) {
    }

    /** A record's components, sorted by name once per record class. */
    private static final ClassValue<Member[]> MEMBERS = new ClassValue<>() {
        @Override
        protected Member[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents().clone();
            Arrays.sort(components, Comparator.comparing(RecordComponent::getName));
            Member[] members = new Member[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    components[i].getAccessor().setAccessible(true);
                    MethodHandle accessor = MethodHandles.lookup().unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    TextSink name = new TextSink();
                    quote(components[i].getName(), name);
                    members[i] = new Member(name.text.append(':').toString(), accessor);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
                }
            }
            return members;
        }
    };

    private static void writeRecord(Record record, Sink out) {
        out.ascii('{');
        boolean first = true;
        for (Member member : MEMBERS.get(record.getClass())) {
            Object value;
            try {
                value = member.accessor().invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (absent(value)) {
                continue;
            }
            if (!first) {
                out.ascii(',');
            }
            first = false;
            out.text(member.quotedName());
            write(value, out);
        }
        out.ascii('}');
    }

    /**
     * The shortest plain decimal: no exponent, no trailing zeros after the point, zero as 0. Written
     * from the unscaled value's digits when they fit a long, as {@code stripTrailingZeros().toPlainString()}
     * would write them (CanonicalTest compares the two over many values).
     */
    private static void number(BigDecimal d, Sink out) {
        if (d.signum() == 0) {
            out.ascii('0');
            return;
        }
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() >= 63) {
            out.ascii(d.stripTrailingZeros().toPlainString());
            return;
        }
        long digits = unscaled.longValue();
        int scale = d.scale();
        while (scale > 0 && digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        if (scale <= 0) {
            out.number(digits);
            for (int i = scale; i < 0; i++) {
                out.ascii('0');
            }
            return;
        }
        if (digits < 0) {
            out.ascii('-');
            digits = -digits;
        }
        out.fraction(digits, scale);
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

    private static void quote(String s, Sink out) {
        out.ascii('"');
        if (plain(s)) {
            out.text(s);
            out.ascii('"');
            return;
        }
        StringBuilder escaped = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        out.text(escaped.toString());
        out.ascii('"');
    }

    /** Where the canonical text goes: a string, or the UTF-8 bytes into a digest. */
    private abstract static class Sink {
        /** Scratch for a number's digits, most significant last. */
        private final char[] scratch = new char[20];

        abstract void ascii(char c);

        abstract void ascii(String s);

        /** Any text: encoded as UTF-8 where bytes are written. */
        abstract void text(String s);

        void number(long value) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            if (value < 0) {
                ascii('-');
                value = -value;
            }
            int length = reversedDigits(value);
            for (int i = length - 1; i >= 0; i--) {
                ascii(scratch[i]);
            }
        }

        /** A positive unscaled value with {@code scale > 0} digits after the point. */
        void fraction(long unscaled, int scale) {
            int length = reversedDigits(unscaled);
            if (length <= scale) {
                ascii('0');
                ascii('.');
                for (int i = length; i < scale; i++) {
                    ascii('0');
                }
                for (int i = length - 1; i >= 0; i--) {
                    ascii(scratch[i]);
                }
                return;
            }
            for (int i = length - 1; i >= 0; i--) {
                if (i == scale - 1) {
                    ascii('.');
                }
                ascii(scratch[i]);
            }
        }

        private int reversedDigits(long value) {
            int length = 0;
            do {
                scratch[length++] = (char) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            return length;
        }
    }

    private static final class TextSink extends Sink {
        private final StringBuilder text = new StringBuilder(4096);

        @Override
        void ascii(char c) {
            text.append(c);
        }

        @Override
        void ascii(String s) {
            text.append(s);
        }

        @Override
        void text(String s) {
            text.append(s);
        }
    }

    /** UTF-8 bytes into SHA-256, a buffer at a time. */
    private static final class DigestSink extends Sink {
        private final MessageDigest digest = ContentHash.sha256();
        /** Small: SHA-256 takes 64 bytes at a time, and a facts hash per evaluation made 8 KB of garbage with a larger one. */
        private final byte[] buffer = new byte[512];
        private int length;

        @Override
        void ascii(char c) {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (byte) c;
        }

        @Override
        void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                ascii(s.charAt(i));
            }
        }

        @Override
        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    // Not ASCII: the JDK's encoder, so that a lone surrogate becomes what getBytes makes of it.
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    flush();
                    digest.update(bytes);
                    return;
                }
            }
            ascii(s);
        }

        private void flush() {
            digest.update(buffer, 0, length);
            length = 0;
        }

        byte[] digest() {
            flush();
            return digest.digest();
        }
    }
}
