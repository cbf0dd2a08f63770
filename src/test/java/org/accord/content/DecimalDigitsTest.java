package org.accord.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalDigitsTest {

    @Test
    void theDigitsAreThoseOfToStringAtEveryLength() {
        Random random = new Random(17);
        for (int bits = 0; bits <= 140; bits++) {
            for (int i = 0; i < 200; i++) {
                BigInteger value = new BigInteger(bits, random);
                assertThat(DecimalDigits.of(value)).as("%s", value).isEqualTo(value.toString());
            }
            // the largest value of that many bits, and a power of ten near it, carry into every group
            BigInteger largest = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            assertThat(DecimalDigits.of(largest)).isEqualTo(largest.toString());
        }
        for (int power = 0; power <= 40; power++) {
            BigInteger ten = BigInteger.TEN.pow(power);
            assertThat(DecimalDigits.of(ten)).isEqualTo(ten.toString());
            assertThat(DecimalDigits.of(ten.subtract(BigInteger.ONE))).isEqualTo(ten.subtract(BigInteger.ONE).toString());
        }
    }
}
