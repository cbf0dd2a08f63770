package org.accord.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.settlement.VersionStanding;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A settlement stored before findings of the contract as a whole had a place of their own filed them under a clause:
 * the contract's first for a version's standing, the term's for a value in another year of the period. It replays
 * identical, the stored clause left aside; any other difference is still named.
 */
class FindingsOfTheContractStoredUnderAClauseTest {

    /** A commercial-global-budget version never published, settled on a July-to-June year: four findings of the contract. */
    private static JsonNode replayed() throws Exception {
        PerformanceFacts fiscalYear = Json.MAPPER.readValue(
                FindingsOfTheContractStoredUnderAClauseTest.class.getResourceAsStream("/facts/across-years/fiscal-year-global-budget.json"),
                PerformanceFacts.class);
        Settlement settled = Engine.service().evaluate(ContractChoice.of("commercial-global-budget"), fiscalYear)
                .from(new Settlement.StoredVersion("v1", "sha256:v1", new VersionStanding(1, VersionStanding.UNPUBLISHED, List.of())));
        return Replay.answer(settled);
    }

    /** The answer as stored before: each finding of the contract under the clause global-budget, as the code filed them then. */
    private static ObjectNode storedBefore(JsonNode replayed) {
        ObjectNode stored = (ObjectNode) replayed.deepCopy();
        int filed = 0;
        for (JsonNode finding : stored.get("findings")) {
            if (!finding.has("clause")) {
                ((ObjectNode) finding).put("clause", "global-budget");
                filed++;
            }
        }
        assertThat(filed).as("the standing and three terms' other years").isGreaterThanOrEqualTo(4);
        return stored;
    }

    @Test
    void theReplayFilesThemUnderNoClause() throws Exception {
        JsonNode findings = replayed().get("findings");
        assertThat(findings.get(0).path("rule").asString()).isEqualTo(VersionStanding.RULE);
        assertThat(findings.get(0).has("clause")).isFalse();
    }

    @Test
    void anAnswerStoredWithThemUnderAClauseReplaysIdentical() throws Exception {
        JsonNode replayed = replayed();
        ObjectNode stored = storedBefore(replayed);
        assertThat(stored).isNotEqualTo(replayed);

        assertThat(Replay.compared(stored, replayed)).isEmpty();
    }

    @Test
    void aChangedSentenceOfOneIsStillADifference() throws Exception {
        JsonNode replayed = replayed();
        ObjectNode stored = storedBefore(replayed);
        ((ObjectNode) stored.get("findings").get(0)).put("explanation", "Another sentence.");

        assertThat(Replay.compared(stored, replayed)).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/findings/0/explanation");
            assertThat(d.stored()).isEqualTo("\"Another sentence.\"");
        });
    }

    @Test
    void aClauseOnAFindingTheReplayFilesUnderAClauseIsStillCompared() throws Exception {
        JsonNode replayed = replayed();
        ObjectNode stored = (ObjectNode) replayed.deepCopy();
        int last = stored.get("findings").size() - 1;
        assertThat(stored.get("findings").get(last).has("clause")).isTrue();
        ((ObjectNode) stored.get("findings").get(last)).put("clause", "another-clause");

        assertThat(Replay.compared(stored, replayed)).extracting(Replay.Difference::pointer)
                .containsExactly("/findings/" + last + "/clause");
    }
}
