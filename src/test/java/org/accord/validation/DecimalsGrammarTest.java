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
        for (String text : new String[] {"-12.50", "5.253755E+8", "0E-8", "+1", "1.", ".5", "1e", "1e+", "--1", "", "1.5e3.2", "١٢"}) {
            assertThat(Decimals.inGrammar(text)).as("'%s'", text).isEqualTo(Decimals.GRAMMAR.matcher(text).matches());
        }
    }
}
