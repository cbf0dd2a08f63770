package org.accord.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsGrammarTest {

    @Test
    void theScannerAcceptsExactlyWhatTheGrammarsExpressionMatches() {
        String alphabet = "0123456789+-.eE x٣";
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(Decimals.inGrammar(candidate)).as("'%s'", candidate).isEqualTo(Decimals.GRAMMAR.matcher(candidate).matches());
        }
        for (String text : new String[] {"-12.50", "5.253755E+8", "0E-8", "+1", "1.", ".5", "-.5", "+.5", ".5e1", ".", "-.", ".e1",
            "1e", "1e+", "--1", "", "1.5e3.2", "١٢"}) {
            assertThat(Decimals.inGrammar(text)).as("'%s'", text).isEqualTo(Decimals.GRAMMAR.matcher(text).matches());
        }
    }

    /** What an HTML number input sends for a tenth typed ".1" is that tenth; a point with no digit after it is no decimal. */
    @Test
    void aFractionAloneIsADecimalAndAPointAloneIsNot() {
        for (String tenth : new String[] {".1", "-.1", "+.1", "0.1", "+0.1", "1e-1", ".01e1"}) {
            assertThat(Decimals.parse(tenth)).as(tenth).hasValueSatisfying(value ->
                    assertThat(value.abs()).isEqualByComparingTo(new java.math.BigDecimal("0.1")));
        }
        for (String refused : new String[] {"1.", ".", "-.", ".e1", "0x1", "1,5", " .1"}) {
            assertThat(Decimals.parse(refused)).as(refused).isEmpty();
        }
    }
}
