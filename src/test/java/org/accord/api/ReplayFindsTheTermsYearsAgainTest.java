package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.evaluation.ValuesOfOtherYears;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.accord.store.RunSummary;
import org.accord.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A replay finds the findings on the terms' values in other performance years of the period again, from the run's stored
 * template text and facts, and compares them as it compares any line: a finding the stored answer says otherwise, or
 * lacks, is a difference. A commercial-global-budget run on a July-to-June year, 2025-07-01 to 2026-06-30, says budgetPmpm
 * is 1020.00 in 2025, the year settled, and 1055.00 in 2026 (EvaluationServiceTest).
 */
class ReplayFindsTheTermsYearsAgainTest extends ServerTest {

    @Autowired
    RunStore runs;

    /** The run evaluated now, and its stored answer. */
    private StoredRun evaluated() {
        String request = "{\"contract\": {\"templateId\": \"commercial-global-budget\"}, \"facts\": "
                + read("src/test/resources/facts/across-years/fiscal-year-global-budget.json") + "}";
        Reply answer = postJson("/api/v1/evaluations", request);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return runs.find(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
    }

    /** The same run stored again with another answer. */
    private String storedWith(StoredRun run, JsonNode answer) {
        RunSummary s = run.summary();
        return runs.save(new NewRun(s.kind(), s.caller(), s.templateId(), s.ipaId(), s.performanceYear(), s.factsHash(),
                s.termsHash(), s.rulesHash(), s.templateHash(), run.request(), answer.toString())).id();
    }

    private static int position(JsonNode findings, String detail) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).path("detail").asString().equals(detail)) {
                return i;
            }
        }
        throw new AssertionError(detail);
    }

    @Test
    void aRunReplaysIdenticalAndAValueOfAnotherYearStoredOtherwiseIsADifference() {
        StoredRun run = evaluated();
        assertThat(postJson("/api/v1/evaluations/" + run.summary().id() + "/replay", "").json().get("outcome").asString())
                .isEqualTo("identical");
        ObjectNode answer = (ObjectNode) JSON.readTree(run.result());
        int budget = position(answer.get("findings"), "budgetPmpm in 2026");
        assertThat(answer.get("findings").get(budget).get("basis").get("otherValue").asString()).isEqualTo("1055.00");
        ((ObjectNode) answer.get("findings").get(budget).get("basis")).put("otherValue", "1000.00");

        JsonNode replay = postJson("/api/v1/evaluations/" + storedWith(run, answer) + "/replay", "").json();

        assertThat(replay.get("outcome").asString()).isEqualTo("different");
        assertThat(replay.get("differences")).hasSize(1);
        assertThat(replay.get("differences").get(0).get("pointer").asString()).isEqualTo("/findings/" + budget + "/basis/otherValue");
        assertThat(replay.get("differences").get(0).get("stored").asString()).isEqualTo("\"1000.00\"");
        assertThat(replay.get("differences").get(0).get("replayed").asString()).isEqualTo("\"1055.00\"");
    }

    @Test
    void anAnswerThatLostThemIsADifference() {
        StoredRun run = evaluated();
        ObjectNode answer = (ObjectNode) JSON.readTree(run.result());
        ArrayNode findings = (ArrayNode) answer.get("findings");
        int before = findings.size();
        for (int i = findings.size() - 1; i >= 0; i--) {
            if (ValuesOfOtherYears.RULE.equals(findings.get(i).path("rule").asString())) {
                findings.remove(i);
            }
        }
        assertThat(findings.size()).isEqualTo(before - 3);

        JsonNode replay = postJson("/api/v1/evaluations/" + storedWith(run, answer) + "/replay", "").json();

        assertThat(replay.get("outcome").asString()).isEqualTo("different");
    }

    /**
     * An answer stored before findings of the contract named no clause, and before a term's other years were said:
     * every finding under a clause, none of the years. It replays identical, without them, as it ran.
     */
    @Test
    void anAnswerStoredBeforeTheyWereSaidReplaysIdentical() {
        StoredRun run = evaluated();
        ObjectNode answer = (ObjectNode) JSON.readTree(run.result());
        ArrayNode findings = (ArrayNode) answer.get("findings");
        for (int i = findings.size() - 1; i >= 0; i--) {
            if (ValuesOfOtherYears.RULE.equals(findings.get(i).path("rule").asString())) {
                findings.remove(i);
            } else if (!findings.get(i).has("clause")) {
                ((ObjectNode) findings.get(i)).put("clause", "global-budget");
            }
        }

        JsonNode replay = postJson("/api/v1/evaluations/" + storedWith(run, answer) + "/replay", "").json();

        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");
    }
}
