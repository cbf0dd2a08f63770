package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A replacement table's declared input values against the shipped table's: what the replacement leaves unanswered. */
class AllowedValuesTest {

    /** The values the shipped declaration admits and the replacement's does not; "" when none is left. */
    private static String unanswered(String shipped, String replacement) {
        AllowedValues left = AllowedValues.read(orEmpty(shipped)).without(AllowedValues.read(orEmpty(replacement)));
        return left.isEmpty() ? "" : left.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    @Nested
    @DisplayName("a replacement declaring equal or wider values leaves nothing unanswered")
    class Accepted {

        @ParameterizedTest(name = "shipped ''{0}'', replacement ''{1}''")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                >= 0          | >= 0
                >= 0          | >=0
                >= 0          | >= 0.0
                >= 0          | >= -10
                >= 0          | > -1
                >= 0          |
                >= 0          | -
                              |
                              | -
                [0..5000]     | >= 0
                [0..5000]     | [0..5000]
                [0..5000]     | [-1..5001)
                (0..10)       | ]0..10[
                (0..10)       | [0..10]
                ]0..10]       | (0..10]
                < 100         | <= 100
                <= 100        | <= 100
                >= -5         | >= -5.00
                >= 0          | [0..10), >= 10
                >= 0          | < 5, >= 5
                >= 0          | [0..10], (10..20], > 20
                [0..10]       | [0..3], [2..7], [6..10]
                5             | [0..10]
                5, 7          | 5, 6, 7
                >= 0          | not(< 0)
                >= 0          | =0, > 0
                """)
        void equalOrWider(String shipped, String replacement) {
            assertThat(unanswered(shipped, replacement)).isEmpty();
        }

        @Test
        void aListOfStringsContainingTheShippedOnesIsWider() {
            assertThat(unanswered("\"gold\", \"silver\"", "\"bronze\", \"gold\", \"silver\"")).isEmpty();
            assertThat(unanswered("\"gold\"", "")).isEmpty();
        }
    }

    @Nested
    @DisplayName("a replacement declaring narrower values leaves the difference unanswered")
    class Narrower {

        @ParameterizedTest(name = "shipped ''{0}'', replacement ''{1}'' leaves {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                >= 0          | [0..5000]       | > 5000
                >= 0          | >= 10           | [0..10)
                >= 0          | > 0             | 0
                >= 0          | [1..5000)       | [0..1), >= 5000
                [0..10]       | [0..10)         | 10
                [0..10]       | (0..10]         | 0
                [0..10]       | ]0..10[         | 0, 10
                [0..10]       | [0..5]          | (5..10]
                <= 100        | < 100           | 100
                < 100         | [0..100)        | < 0
                              | >= 0            | < 0
                              | [0..5000]       | < 0, > 5000
                              | not(0)          | 0
                >= 0          | [0..10), > 10   | 10
                >= 0          | [0..10), (10..20), > 20 | 10, 20
                5, 7          | 5, 6            | 7
                >= 0          | < 0             | >= 0
                """)
        void narrowerAtEitherEnd(String shipped, String replacement, String left) {
            assertThat(unanswered(shipped, replacement)).isEqualTo(left);
        }

        @Test
        void aListOfStringsMissingAShippedOneLeavesIt() {
            assertThat(unanswered("\"gold\", \"silver\"", "\"gold\"")).isEqualTo("\"silver\"");
            assertThat(unanswered("", "\"gold\"")).isEqualTo("any value");
        }

        @Test
        void theDifferenceReadsAsAConditionOnTheInput() {
            assertThat(AllowedValues.read(">= 0").without(AllowedValues.read("[0..5000]")).asConditionOn("Assigned beneficiaries"))
                    .isEqualTo("Assigned beneficiaries > 5000");
            assertThat(AllowedValues.read(">= 0").without(AllowedValues.read("> 0")).asConditionOn("Assigned beneficiaries"))
                    .isEqualTo("Assigned beneficiaries = 0");
            assertThat(AllowedValues.read("").without(AllowedValues.read("[0..5000]")).asConditionOn("Assigned beneficiaries"))
                    .isEqualTo("Assigned beneficiaries in < 0, > 5000");
        }
    }

    @Test
    void aDeclarationReadsBackAsAnAuthorWritesIt() {
        assertThat(AllowedValues.read("]0..5[")).hasToString("(0..5)");
        assertThat(AllowedValues.read(">=0")).hasToString(">= 0");
        assertThat(AllowedValues.read("[0..10), [10..20]")).hasToString("[0..20]");
        assertThat(AllowedValues.read("  ")).hasToString("any value");
        assertThat(AllowedValues.read("[0..5000]").and(AllowedValues.read(">= 100"))).hasToString("[100..5000]");
    }

    @Nested
    @DisplayName("what cannot be read as numbers or strings is not compared")
    class NotComparable {

        @ParameterizedTest(name = "''{0}''")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                >= limit                        | '>= limit' is not a number, a range of numbers or a string
                [date("2024-01-01")..date("2024-12-31")] | '[date("2024-01-01")..date("2024-12-31")]' is not a number, a range of numbers or a string
                null                            | 'null' is not a number, a range of numbers or a string
                >= 0, abs(?) < 3                | 'abs(?) < 3' in '>= 0, abs(?) < 3' is not a number, a range of numbers or a string
                [5..0]                          | '[5..0]' starts above its end
                0, "gold"                       | '0, "gold"' mixes numbers and strings
                not("gold")                     | 'not("gold")' excludes strings rather than listing them
                [0..                            | '[0..' is not valid FEEL
                """)
        void isRefusedNamingWhatCouldNotBeRead(String text, String reason) {
            assertThatThrownBy(() -> AllowedValues.read(text)).isInstanceOf(AllowedValues.NotComparable.class).hasMessage(reason);
        }

        @Test
        void numbersAreNotComparedWithStrings() {
            assertThatThrownBy(() -> AllowedValues.read(">= 0").without(AllowedValues.read("\"gold\"")))
                    .isInstanceOf(AllowedValues.NotComparable.class)
                    .hasMessage("numbers (>= 0) cannot be compared with strings (\"gold\")");
        }
    }
}
