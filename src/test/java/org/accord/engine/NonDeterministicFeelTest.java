package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * An uploaded table's answer depends on its inputs alone: FEEL that reads the clock, or evaluates
 * another model, is refused at upload, naming the cell (found from outside: a minimum savings rate
 * cell switching from 1% to 5% at a set moment paid $194,427.11 before it and $0.00 after, under
 * the same hashes).
 */
class NonDeterministicFeelTest {

    private static final String CLOCK_AT_A_MOMENT = "if Assigned beneficiaries >= 0 and now() > date and time(\"2026-12-05T15:19:18Z\")"
            + " then 0.05 else 0.01";

    private static InvalidInputException refusal(String dmn) {
        try {
            CustomDecisionTable.check(dmn.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the model was accepted");
    }

    private static String flatMsrWithRateCells(String cell) throws IOException {
        String flat = Files.readString(CustomDecisionTableTest.FLAT_MSR);
        return flat.replace("<outputEntry id=\"flat_r1_o2\"><text>0.01</text>", "<outputEntry id=\"flat_r1_o2\"><text>" + cell + "</text>")
                .replace("<outputEntry id=\"flat_r1_o3\"><text>0.01</text>", "<outputEntry id=\"flat_r1_o3\"><text>" + cell + "</text>");
    }

    @Test
    void aRateCellThatReadsTheClockIsRefusedNamingItsRowAndColumn() throws IOException {
        InvalidInputException e = refusal(flatMsrWithRateCells(CLOCK_AT_A_MOMENT));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0).pointer()).contains("rule 1 (id flat_rule_1)", "output 3 ('rate at range start')");
        assertThat(e.problems().get(1).pointer()).contains("rule 1 (id flat_rule_1)", "output 4 ('rate at range end')");
        assertThat(e.problems().get(0).reason()).contains("the output entry '" + CLOCK_AT_A_MOMENT + "' reads the clock (now()",
                "a table's answer must depend on its inputs alone");
    }

    @Test
    void todayInAnOutputEntryIsRefused() {
        String ladder = CustomDecisionTableTest.ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.5",
                "[0.8..1] -> if today() &gt; date(\"2026-12-05\") then 0 else 1");
        InvalidInputException e = refusal(ladder);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).contains("rule 3 (id r2)", "output");
            assertThat(p.reason()).contains("reads the clock (today()", "time zone");
        });
    }

    @Test
    void theClockReadInAnInputEntryWithoutCallingItByNameIsRefused() {
        String ladder = CustomDecisionTableTest.ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.5",
                "? &gt;= 0.8 and {clock: now}.clock() &lt; date and time(\"2026-12-05T15:19:18Z\") -> 1");
        InvalidInputException e = refusal(ladder);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).contains("rule 3 (id r2)", "input");
            // The context that hides the clock's name is refused first, as FEEL without bound (BoundedFeel); were contexts
            // allowed, the clock read through one would still be refused for reading the clock.
            assertThat(p.reason()).contains("the input entry").containsAnyOf("reads the clock (now()", "builds a context");
        });
    }

    @Test
    void invokingAnotherModelIsRefused() {
        String ladder = CustomDecisionTableTest.ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.5",
                "[0.8..1] -> invoke(\"https://accord.example/other\", \"Other\", \"Rate\", null)");
        InvalidInputException e = refusal(ladder);

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("evaluates another model by name"));
    }

    @Test
    void aFixedMomentIsAnAnswerOfTheTableAlone() {
        String ladder = CustomDecisionTableTest.ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.5",
                "[0.8..1] -> if date and time(\"2026-12-05T15:19:18Z\") &gt; date and time(\"2026-01-01T00:00:00Z\") then 1 else 0");

        CustomDecisionTable table = CustomDecisionTable.check(ladder.getBytes(StandardCharsets.UTF_8));

        assertThat(table.modelName()).isEqualTo("Quality ladder");
    }
}
