package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    // The definition is Explanations.formatted: BigDecimal arithmetic, the path numbers beyond a long still take.

    @Test
    void everyFormatWritesWhatBigDecimalArithmeticWrites() {
        Random random = new Random(42);
        for (String format : Arrays.asList(null, "usd", "pct", "dec", "int")) {
            for (int i = 0; i < 30_000; i++) {
                BigDecimal number = new BigDecimal(new BigInteger(random.nextInt(128), random), random.nextInt(46) - 8);
                number = random.nextBoolean() ? number.negate() : number;
                assertThat(Explanations.format(number, format)).as("%s %s", format, number).isEqualTo(Explanations.formatted(number, format));
            }
        }
    }

    @Test
    void tiesRoundToEvenAndSmallValuesRoundToZero() {
        for (String text : new String[] {"0.125", "0.135", "-0.125", "2.5", "3.5", "-2.5", "0.0000005", "0.0000015", "-0.0000025",
                "0.005000000000000000000000000000001", "0.004999999999999999999999999999999", "1.5E+3", "12345678901234567.5",
                "0.00", "-0.001", "0.0000000000000000000000000000000000000001"}) {
            BigDecimal number = new BigDecimal(text);
            for (String format : Arrays.asList(null, "usd", "pct", "dec", "int")) {
                assertThat(Explanations.format(number, format)).as("%s %s", format, text).isEqualTo(Explanations.formatted(number, format));
            }
        }
        assertThat(Explanations.format(new BigDecimal("1234567.125"), "usd")).isEqualTo("$1,234,567.12");
        assertThat(Explanations.format(new BigDecimal("-0.0125"), "pct")).isEqualTo("-1.25%");
        assertThat(Explanations.format(12_345, "int")).isEqualTo("12,345");
        // a sum of quality composites, a 34-digit quotient's worth of digits, to four places
        assertThat(Explanations.format(new BigDecimal("15.0555555555555555555555555555555555"), "dec")).isEqualTo("15.0556");
        assertThat(Explanations.format(new BigDecimal("2.50000"), "dec")).isEqualTo("2.5");
        assertThat(Explanations.format(new BigDecimal("0.00005"), "dec")).isEqualTo("0");
        assertThat(Explanations.format(new BigDecimal("512561.52"), "dec")).isEqualTo("512,561.52");
        assertThat(Explanations.format(new BigDecimal("-1234567.00015"), "dec")).isEqualTo("-1,234,567.0002");
        assertThat(Explanations.format(new BigDecimal("1000.0500"), "dec")).isEqualTo("1,000.05");
        assertThat(Explanations.format("no limit", "usd")).isEqualTo("no limit");
    }

    @Test
    void aSentenceIsFilledWithTheLinesNumbers() {
        assertThat(Explanations.render("Paid {amount:usd}: {rate:pct} of {members:int} members ({note}).",
                Map.of("rate", new BigDecimal("0.0525000"), "members", 1234, "note", "no limit"), new BigDecimal("-1500.5")))
                .isEqualTo("Paid -$1,500.50: 5.25% of 1,234 members (no limit).");
    }

    /**
     * A figure the payment goes on with unrounded is never shown rounded: "= $17,109,094.83" of 37,681,081 x 0.45405 =
     * 17,109,094.82805 read as the figure the payment used, which it was not. It is written in all its digits where they
     * end within six places, else cut and followed by "...".
     */
    @Test
    void anExactFigureIsWrittenInAllItsDigitsOrCutAndSaidToGoOn() {
        String sentence = "x {rate:pct exact} = {product:usd exact}, {weight:dec exact}; paid {amount:usd}.";
        assertThat(Explanations.render(sentence, Map.of("rate", new BigDecimal("0.45405"), "product", new BigDecimal("17109094.82805"),
                "weight", new BigDecimal("15.05000")), new BigDecimal("16766912.93")))
                .isEqualTo("x 45.405% = $17,109,094.82805, 15.05; paid $16,766,912.93.");
        // a quotient: its 34 digits cut at the format's places, never rounded up
        BigDecimal quotient = new BigDecimal("624000.00").divide(new BigDecimal("1.15"), java.math.MathContext.DECIMAL128);
        assertThat(Explanations.exactly(quotient, "usd")).isEqualTo("$542,608.69...");
        assertThat(Explanations.exactly(new BigDecimal("0.5359605911330049261083743842364532"), "pct")).isEqualTo("53.5960...%");
        assertThat(Explanations.exactly(new BigDecimal("15.0555555555555555555555555555555555"), "dec")).isEqualTo("15.0555...");
        assertThat(Explanations.exactly(new BigDecimal("-1065897.1525000001"), "usd")).isEqualTo("-$1,065,897.15...");
        // whole cents, and figures that end within six places, read as the plain formats write them, or with their digits
        assertThat(Explanations.exactly(new BigDecimal("102.0400"), "usd")).isEqualTo("$102.04");
        assertThat(Explanations.exactly(new BigDecimal("400.004"), "usd")).isEqualTo("$400.004");
        assertThat(Explanations.exactly(new BigDecimal("0.000001"), "usd")).isEqualTo("$0.000001");
        assertThat(Explanations.exactly(new BigDecimal("-0.0000001"), "usd")).isEqualTo("-$0.00...");
        assertThat(Explanations.exactly(BigDecimal.ZERO, "usd")).isEqualTo("$0.00");
        assertThat(Explanations.exactly(new BigDecimal("0E+4"), "pct")).isEqualTo("0%");
        assertThat(Explanations.exactly(new BigDecimal("0.60"), "pct")).isEqualTo("60%");
        assertThat(Explanations.exactly(new BigDecimal("1.5E+3"), "dec")).isEqualTo("1,500");
        assertThat(Explanations.exactly(12_345, "usd")).isEqualTo("$12,345.00");
        assertThat(Explanations.exactly("no limit", "usd")).isEqualTo("no limit");
    }

    @Test
    void aCountWithItsNounSaysOneOfAThingAsOne() {
        String sentence = "Over the {practices:int practice|practices}, {members:int eligible member|eligible members} is below {limit}.";
        assertThat(Explanations.render(sentence, Map.of("practices", 1, "members", new BigDecimal("1.000"), "limit", "no limit"), null))
                .isEqualTo("Over the 1 practice, 1 eligible member is below no limit.");
        assertThat(Explanations.render(sentence, Map.of("practices", 0, "members", 1000, "limit", "no limit"), null))
                .isEqualTo("Over the 0 practices, 1,000 eligible members is below no limit.");
        assertThat(Explanations.render(sentence, Map.of("practices", 21, "members", -1, "limit", "no limit"), null))
                .isEqualTo("Over the 21 practices, -1 eligible members is below no limit.");
    }
}
