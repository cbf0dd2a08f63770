package org.accord.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run stored before the settlement's order changed replays identical: its answer listed a corridor's band lines [0],
 * [2], [1], as the assembler ordered them by rule name then, and the same rules settle them [0], [1], [2] now; and one
 * that listed an all-or-nothing withhold return before its withhold, which the same rules settle after it now.
 */
class ReplayedInSettlementOrderTest {

    private static JsonNode replayed() {
        GoldenCases.GoldenCase golden = GoldenCases.read(GoldenCases.GOLDEN.resolve("risk-corridor")
                .resolve("the-corridor-pays-the-sum-over-its-bands-rounded-once.yaml"));
        Settlement settlement = Engine.service().evaluate(golden.choice(), golden.facts());
        return Replay.answer(settlement);
    }

    /** The answer as stored before: band [2]'s line before band [1]'s. */
    private static ObjectNode storedBefore(JsonNode replayed) {
        ObjectNode stored = (ObjectNode) replayed.deepCopy();
        ArrayNode lines = (ArrayNode) stored.get("lines");
        int one = position(lines, "corridorBands[1]");
        int two = position(lines, "corridorBands[2]");
        assertThat(two).isEqualTo(one + 1);
        JsonNode band1 = lines.get(one);
        lines.set(one, lines.get(two));
        lines.set(two, band1);
        return stored;
    }

    private static int position(JsonNode lines, String detail) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).path("detail").asString().equals(detail)) {
                return i;
            }
        }
        throw new AssertionError(detail);
    }

    @Test
    void anAnswerStoredInTheEarlierOrderIsIdentical() {
        JsonNode replayed = replayed();
        ObjectNode stored = storedBefore(replayed);
        assertThat(stored).isNotEqualTo(replayed);
        assertThat(Replay.compared(stored, replayed)).isEmpty();
    }

    @Test
    void aDifferenceBesideTheOrderIsStillNamedAtTheReplayedPlace() {
        JsonNode replayed = replayed();
        ObjectNode stored = storedBefore(replayed);
        int one = position(replayed.get("lines"), "corridorBands[1]");
        ((ObjectNode) stored.get("lines").get(one + 1)).put("amount", "1.00");
        List<Replay.Difference> differences = Replay.compared(stored, replayed);
        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/lines/" + one + "/amount");
            assertThat(d.stored()).isEqualTo("\"1.00\"");
        });
    }

    /**
     * A run stored before 07ec646 listed an all-or-nothing withhold return before its withhold, as the assembler ordered a
     * clause's lines by rule name then ("All of the withhold is returned ..." before "The withhold is held back ..."); the
     * same rules settle the withhold first now, and the stored answer replays identical.
     */
    @Test
    void anAllOrNothingReturnStoredBeforeItsWithholdIsIdentical() {
        JsonNode replayed = allOrNothingReplayed();
        ObjectNode stored = returnStoredBeforeItsWithhold(replayed);
        assertThat(stored).isNotEqualTo(replayed);
        assertThat(Replay.compared(stored, replayed)).isEmpty();
    }

    /** An amount changed on the return stored before its withhold is still named, at the return's replayed place. */
    @Test
    void aDifferenceOnAReturnStoredBeforeItsWithholdIsNamedAtTheReplayedPlace() {
        JsonNode replayed = allOrNothingReplayed();
        ObjectNode stored = returnStoredBeforeItsWithhold(replayed);
        int returned = position(replayed.get("lines"), "returned");
        ((ObjectNode) stored.get("lines").get(returned - 1)).put("amount", "1.00");
        assertThat(Replay.compared(stored, replayed)).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/lines/" + returned + "/amount");
            assertThat(d.stored()).isEqualTo("\"1.00\"");
        });
    }

    private static JsonNode allOrNothingReplayed() {
        GoldenCases.GoldenCase golden = GoldenCases.read(GoldenCases.GOLDEN.resolve("capitation")
                .resolve("all-of-the-withhold-returned-follows-the-withhold-it-returns.yaml"));
        return Replay.answer(Engine.service().evaluate(golden.choice(), golden.facts()));
    }

    /** The answer as stored before 07ec646: P1's withhold returned (all of it) before the withhold held back. */
    private static ObjectNode returnStoredBeforeItsWithhold(JsonNode replayed) {
        ObjectNode stored = (ObjectNode) replayed.deepCopy();
        ArrayNode lines = (ArrayNode) stored.get("lines");
        int heldBack = position(lines, "held back");
        int returned = position(lines, "returned");
        assertThat(returned).isEqualTo(heldBack + 1);
        assertThat(lines.get(returned).path("rule").asString()).isEqualTo("All of the withhold is returned when the quality gate is met");
        JsonNode withhold = lines.get(heldBack);
        lines.set(heldBack, lines.get(returned));
        lines.set(returned, withhold);
        return stored;
    }

    @Test
    void linesThatAreNotTheSameAreComparedWhereTheyStand() {
        JsonNode replayed = replayed();
        ObjectNode stored = storedBefore(replayed);
        int one = position(replayed.get("lines"), "corridorBands[1]");
        ((ObjectNode) stored.get("lines").get(one)).put("rule", "Another rule");
        assertThat(Replay.compared(stored, replayed)).extracting(Replay.Difference::pointer)
                .contains("/lines/" + one + "/rule", "/lines/" + one + "/detail");
    }
}
