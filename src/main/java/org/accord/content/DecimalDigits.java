package org.accord.content;

import java.math.BigInteger;

/**
 * The decimal digits of a non-negative integer, for the full-precision decimals that settlements
 * carry (34 significant digits, beyond a long): {@link BigInteger#toString()} divides big integers
 * once per 18 digits, this divides 32-bit words by 10^9 in long arithmetic. Equal to
 * {@code toString()} for every value (DecimalDigitsTest); values of 127 bits or more take it.
 */
public final class DecimalDigits {

    private static final long BILLION = 1_000_000_000L;

    private DecimalDigits() {
    }

    public static String of(BigInteger magnitude) {
        if (magnitude.signum() < 0) {
            throw new IllegalArgumentException("a magnitude is not negative: " + magnitude);
        }
        if (magnitude.bitLength() < 63) {
            return Long.toString(magnitude.longValue());
        }
        if (magnitude.bitLength() > 126) {
            return magnitude.toString();
        }
        long low = magnitude.longValue();
        long high = magnitude.shiftRight(64).longValue();
        // four 32-bit words, most significant first
        long[] words = {high >>> 32, high & 0xFFFFFFFFL, low >>> 32, low & 0xFFFFFFFFL};
        // groups of nine digits, least significant first: 127 bits have at most 39 digits
        int[] groups = new int[5];
        int count = 0;
        boolean zero;
        do {
            long remainder = 0;
            zero = true;
            for (int i = 0; i < words.length; i++) {
                long current = (remainder << 32) | words[i];
                words[i] = current / BILLION;
                remainder = current % BILLION;
                zero &= words[i] == 0;
            }
            groups[count++] = (int) remainder;
        } while (!zero);
        StringBuilder text = new StringBuilder(count * 9);
        text.append(groups[count - 1]);
        for (int i = count - 2; i >= 0; i--) {
            String group = Integer.toString(groups[i]);
            for (int pad = group.length(); pad < 9; pad++) {
                text.append('0');
            }
            text.append(group);
        }
        return text.toString();
    }
}
