package org.accord.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSV formula injection (OWASP): a text cell a spreadsheet would run as a formula is written with
 * a leading quote; numbers, negative ones included, stay numbers.
 */
class CsvTest {

    @Test
    void textCellsThatStartAFormulaAreNeutralised() {
        String csv = Csv.write(List.of("id", "name"), List.of(
                List.of("=cmd|' /C calc'!A0", "@SUM(A1:A2)"),
                List.of("+SUM(A1)", "-2+3"),
                List.of("\t=1+1", "\rP02")));

        assertThat(csv).isEqualTo("""
                id,name
                '=cmd|' /C calc'!A0,'@SUM(A1:A2)
                '+SUM(A1),'-2+3
                '=1+1,P02
                """);
    }

    @Test
    void controlAndBidirectionalCharactersAreLeftOutOfTextCells() {
        // "P01\u202Ecod" shows in a spreadsheet as "P01doc"; the override goes, the letters stay
        String csv = Csv.write(List.of("id", "name"), List.of(List.of("P01\u202Ecod", "Line\none\u0007")));

        assertThat(csv).isEqualTo("""
                id,name
                P01cod,Lineone
                """);
    }

    @Test
    void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
        String csv = Csv.write(List.of("scope", "amount", "rate"), List.of(
                List.of("P01", "-12.50", "5.253755E+8"),
                List.of("IPA", "+3", "0"),
                List.of("", "1200.00", "-0.02")));

        assertThat(csv).isEqualTo("""
                scope,amount,rate
                P01,-12.50,5.253755E+8
                IPA,+3,0
                "",1200.00,-0.02
                """);
    }

    @Test
    void aHeaderCellIsNeutralisedToo() {
        assertThat(Csv.write(List.of("=HYPERLINK(\"x\")"), List.of())).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"\n");
    }
}
