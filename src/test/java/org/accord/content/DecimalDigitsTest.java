package org.accord.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalDigitsTest {

    @Test
    void theDigitsAreThoseOfToStringAtEveryLength() {
        Random random = new Random(17);
        for (int bits = 0; bits <= 1100; bits += bits < 300 ? 1 : 37) {
            for (int i = 0; i < 200; i++) {
                BigInteger value = new BigInteger(bits, random);
                assertThat(DecimalDigits.of(value)).as("%s", value).isEqualTo(value.toString());
            }
            // the largest value of that many bits, and a power of ten near it, carry into every group
            BigInteger largest = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            assertThat(DecimalDigits.of(largest)).isEqualTo(largest.toString());
        }
        for (int power = 0; power <= 90; power++) {
            BigInteger ten = BigInteger.TEN.pow(power);
            assertThat(DecimalDigits.of(ten)).isEqualTo(ten.toString());
            assertThat(DecimalDigits.of(ten.subtract(BigInteger.ONE))).isEqualTo(ten.subtract(BigInteger.ONE).toString());
        }
    }

    @Test
    void theMagnitudeIsWrittenIntoTheArrayGivenWhateverTheSign() {
        Random random = new Random(19);
        char[] into = new char[400];
        long[] scratch = new long[DecimalDigits.WORDS];
        java.util.Arrays.fill(scratch, 0xFFFFFFFFL);
        for (int bits = 0; bits <= 1100; bits += bits < 300 ? 1 : 37) {
            for (int i = 0; i < 50; i++) {
                BigInteger value = new BigInteger(bits, random);
                for (BigInteger signed : new BigInteger[] {value, value.negate()}) {
                    java.util.Arrays.fill(into, 'x');
                    int end = DecimalDigits.writeMagnitude(signed, into, 7);
                    assertThat(new String(into, 7, end - 7)).as("%s", signed).isEqualTo(value.toString());
                    // in scratch words that still hold the previous value's
                    int again = DecimalDigits.writeMagnitude(signed, into, 7, scratch);
                    assertThat(new String(into, 7, again - 7)).as("%s in scratch", signed).isEqualTo(value.toString());
                    assertThat(end - 7).isLessThanOrEqualTo(DecimalDigits.atMost(signed));
                    assertThat(new String(into, 0, 7)).isEqualTo("xxxxxxx");
                }
            }
            // -2^bits: its two's complement bytes are a one then zeros, the one case of a magnitude one byte longer
            BigInteger power = BigInteger.ONE.shiftLeft(bits);
            int end = DecimalDigits.writeMagnitude(power.negate(), into, 0);
            assertThat(new String(into, 0, end)).isEqualTo(power.toString());
        }
    }
}
