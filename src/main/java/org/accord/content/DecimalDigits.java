package org.accord.content;

import java.math.BigInteger;

/**
 * The decimal digits of an integer, for the full-precision decimals that settlements carry (34
 * significant digits and more, beyond a long): {@link BigInteger#toString()} divides big integers
 * once per 18 digits, and makes a string for each part; this divides 32-bit words by 10^9 in long
 * arithmetic, from the integer's bytes, and writes the digits into the caller's array. Equal to
 * {@code toString()} for every value (DecimalDigitsTest).
 */
public final class DecimalDigits {

    private static final long BILLION = 1_000_000_000L;
    /** log10(2): an integer of n bits has at most floor(n * this) + 1 digits. */
    private static final double DIGITS_PER_BIT = 0.30102999566398120;
    /** Past this, BigInteger's own recursive conversion is the faster one. */
    private static final int WORDS_AT_MOST = 32;
    /** The words a value of up to {@code WORDS_AT_MOST * 32 - 1} bits takes, with its two's complement's sign byte. */
    public static final int WORDS = WORDS_AT_MOST + 1;

    private DecimalDigits() {
    }

    public static String of(BigInteger magnitude) {
        if (magnitude.signum() < 0) {
            throw new IllegalArgumentException("a magnitude is not negative: " + magnitude);
        }
        if (magnitude.bitLength() < 63) {
            return Long.toString(magnitude.longValue());
        }
        if (magnitude.bitLength() > WORDS_AT_MOST * 32 - 1) {
            return magnitude.toString();
        }
        char[] digits = new char[atMost(magnitude)];
        return new String(digits, 0, writeMagnitude(magnitude, digits, 0));
    }

    /** How many digits {@link #writeMagnitude} may write for this value, at most. */
    public static int atMost(BigInteger value) {
        return (int) (value.bitLength() * DIGITS_PER_BIT) + 1;
    }

    /**
     * Writes the digits of {@code value}'s magnitude (no sign) into {@code into} from {@code at},
     * which has room for {@link #atMost} of them, and returns where they end. Allocates the value's
     * bytes and their words only: it writes the decimals of every answer.
     */
    public static int writeMagnitude(BigInteger value, char[] into, int at) {
        return writeMagnitude(value, into, at, null);
    }

    /**
     * As {@link #writeMagnitude(BigInteger, char[], int)}, dividing in {@code scratch} (at least
     * {@link #WORDS} long) rather than in an array of its own, when it is given.
     */
    public static int writeMagnitude(BigInteger value, char[] into, int at, long[] scratch) {
        if (value.bitLength() < 63) {
            return writeLong(Math.abs(value.longValue()), into, at);
        }
        if (value.bitLength() > WORDS_AT_MOST * 32 - 1) {
            String digits = value.abs().toString();
            digits.getChars(0, digits.length(), into, at);
            return at + digits.length();
        }
        // as many words as the two's complement bytes fill: bitLength / 8 + 1 bytes
        long[] words = scratch != null ? scratch : new long[(value.bitLength() / 8 + 4) / 4];
        int count = words(value, words);
        // Groups of nine digits come least significant first: written from the end of the room, then moved to at.
        int end = at + atMost(value);
        int position = end;
        int first = 0;
        while (true) {
            long remainder = 0;
            for (int i = first; i < count; i++) {
                long current = (remainder << 32) | words[i];
                words[i] = current / BILLION;
                remainder = current % BILLION;
            }
            while (first < count && words[first] == 0) {
                first++;
            }
            if (first == count) {
                // the most significant group: no leading zeros
                do {
                    into[--position] = (char) ('0' + remainder % 10);
                    remainder /= 10;
                } while (remainder != 0);
                break;
            }
            for (int digit = 0; digit < 9; digit++) {
                into[--position] = (char) ('0' + remainder % 10);
                remainder /= 10;
            }
        }
        int length = end - position;
        System.arraycopy(into, position, into, at, length);
        return at + length;
    }

    /** The magnitude's 32-bit words into {@code words}, most significant first, from its two's complement bytes; returns how many. */
    private static int words(BigInteger value, long[] words) {
        byte[] bytes = value.toByteArray();
        boolean negative = value.signum() < 0;
        int count = (bytes.length + 3) / 4;
        java.util.Arrays.fill(words, 0, count, 0L);
        int word = count - 1;
        int shift = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            words[word] |= (bytes[i] & 0xFFL) << shift;
            shift += 8;
            if (shift == 32) {
                shift = 0;
                word--;
            }
        }
        if (negative) {
            // two's complement of the sign-extended words: invert, then add one
            for (int i = 0; i < count; i++) {
                long extended = i == 0 && (bytes.length % 4) != 0 ? words[i] | (0xFFFFFFFFL << (8 * (bytes.length % 4))) : words[i];
                words[i] = ~extended & 0xFFFFFFFFL;
            }
            for (int i = count - 1; i >= 0; i--) {
                words[i] = (words[i] + 1) & 0xFFFFFFFFL;
                if (words[i] != 0) {
                    break;
                }
            }
        }
        return count;
    }

    private static int writeLong(long magnitude, char[] into, int at) {
        int digits = 1;
        for (long rest = magnitude / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int position = at + digits;
        do {
            into[--position] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        return at + digits;
    }
}
