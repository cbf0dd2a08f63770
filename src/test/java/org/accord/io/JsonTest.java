package org.accord.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void truncatedFactsArePlacedWhereTheyEndWithTheLineAndColumnAndNoSourceDescription() throws Exception {
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(Path.of("examples/valley-ipa.json")), 300);

        assertThatThrownBy(() -> Json.readFacts(truncated)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new InputProblem("/practices/0/name",
                        "not valid JSON: Unexpected end-of-input in VALUE_STRING (line 15, column 18)")));
    }

    @Test
    void aWordWhereAWholeNumberBelongsIsRefusedInTheApisWordsAndNotJacksons() {
        byte[] facts = "{\"practices\": [{\"id\": \"P01\", \"memberMonths\": \"lots\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Json.readFacts(facts)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new InputProblem("/practices/0/memberMonths",
                        "expected a whole number")));
    }

    @Test
    void decimalsAreWrittenAsTheirPlainStringAtEveryPrecisionAndScale() {
        Random random = new Random(7);
        for (int i = 0; i < 30_000; i++) {
            BigDecimal number = new BigDecimal(new BigInteger(random.nextInt(140), random), random.nextInt(80) - 10);
            number = random.nextBoolean() ? number.negate() : number;
            assertThat(Json.MAPPER.writeValueAsString(number)).as("%s", number).isEqualTo("\"" + number.toPlainString() + "\"");
        }
        // Digits past what the thread's array holds, at every scale, are written the slower way, and the same.
        for (int i = 0; i < 3_000; i++) {
            BigDecimal number = new BigDecimal(new BigInteger(100 + random.nextInt(800), random), random.nextInt(70));
            number = random.nextBoolean() ? number.negate() : number;
            assertThat(Json.MAPPER.writeValueAsString(number)).as("%s", number).isEqualTo("\"" + number.toPlainString() + "\"");
        }
        for (String text : new String[] {"0", "0.00", "-0.05", "12.50", "-12.50", "0.5", "1E+3", "9223372036854775807",
                "-9223372036854775808", "0.000000000000000001", "123456789012345678.9", "999999999999999999",
                "-0.999999999999999999", "1000000000000000000", "0.1234567890123456789012345678901234",
                "-1234567890123456789012345678901234.5", "0." + "0".repeat(59) + "1", "-0." + "0".repeat(20) + "9".repeat(40)}) {
            BigDecimal number = new BigDecimal(text);
            assertThat(Json.MAPPER.writeValueAsString(number)).isEqualTo("\"" + number.toPlainString() + "\"");
        }
    }
}
