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
 * [2], [1], as the assembler ordered them by rule name then, and the same rules settle them [0], [1], [2] now.
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
