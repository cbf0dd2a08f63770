package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.accord.content.ContentHash;
import org.accord.jobs.JobRecord;
import org.accord.jobs.JobState;
import org.accord.store.JobStore;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario runs are stored whole like evaluations, and any run exports as one document that
 * carries the text of every rule file, template and facts it names, each hashing to its name.
 */
class StoredScenariosApiTest extends ServerTest {

    @ParameterizedTest
    @CsvSource({
            "compare, compare-sharing-rate",
            "sweep, sweep-sharing-rate",
            "simulate, simulate-small-panel",
            "cash-flow, cashflow-ma-capitation"})
    void aScenarioIsStoredWholeAndExportedWithTheContentItNames(String path, String example) {
        String sent = read("examples/scenarios/" + example + ".json");
        Reply answer = postJson("/api/v1/scenarios/" + path, sent);
        assertThat(answer.status()).isEqualTo(200);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/evaluations/[0-9a-f-]{36}/export");

        JsonNode export = get(location).json();

        JsonNode run = export.get("run");
        assertThat(run.get("kind").asString()).isEqualTo(path);
        // The tests call with the every-role key from src/test/resources/config (name "tests, every role").
        assertThat(run.get("caller").asString()).isEqualTo("key:tests, every role");
        assertThat(export.get("result")).isEqualTo(answer.json());
        assertThat(export.at("/request/facts/ipa/id")).isEqualTo(JSON.readTree(sent).at("/facts/ipa/id"));
        assertEveryHashNamesItsText(export);
        List<String> kinds = new ArrayList<>();
        export.get("content").forEach(c -> kinds.add(c.get("kind").asString()));
        assertThat(kinds).contains("rule-file", "template", "facts");
        assertThat(export.get("content").findValuesAsString("hash"))
                .contains(run.get("templateHash").asString(), run.get("factsHash").asString());
    }

    @Test
    void aScenarioAnsweredAsCsvIsStoredAsItsJsonForm() {
        Reply answer = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/scenarios/compare")))
                .header("Content-Type", "application/json")
                .header("Accept", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(read("examples/scenarios/compare-sharing-rate.json"))));
        assertThat(answer.contentType()).startsWith("text/csv");

        JsonNode export = get(answer.headers().firstValue("Location").orElseThrow()).json();

        JsonNode asJson = postJson("/api/v1/scenarios/compare", read("examples/scenarios/compare-sharing-rate.json")).json();
        assertThat(export.get("result")).isEqualTo(asJson);
    }

    @Test
    void aScenarioRunIsNeitherReadNorReplayedAsAnEvaluation() {
        String location = postJson("/api/v1/scenarios/compare", read("examples/scenarios/compare-sharing-rate.json"))
                .headers().firstValue("Location").orElseThrow();
        String run = location.substring(0, location.length() - "/export".length());

        assertThat(get(run).status()).isEqualTo(404);
        assertThat(post(run + "/replay", "application/json", new byte[0]).status()).isEqualTo(404);
    }

    @Autowired
    RunStore runs;

    @Autowired
    JobStore jobRecords;

    /**
     * A simulation job stored before a practice's listed high-cost members were held (its trials drew the practice's
     * whole cost: P01's expected standard deviation sqrt(420) x 2.5 x 13,793.11 = 706,686.73, and its model ended
     * before the list) reads as it ran: a scenario run is answered from the store, never run again, and is not
     * replayed; the same request made now is drawn under the current model.
     */
    @Test
    void aSimulationJobStoredUnderAnEarlierModelReadsAsItRan() {
        ObjectNode request = (ObjectNode) JSON.readTree(read("examples/scenarios/simulate-small-panel.json"));
        request.put("trials", 100).put("expectedCost", "observed");
        ObjectNode p01 = (ObjectNode) request.at("/facts/practices/0");
        ArrayNode listed = p01.putObject("extra").putArray("highCostMemberCosts");
        listed.add("1500000.00").add("1200000.00").add("775864.36");
        JsonNode now = postJson("/api/v1/scenarios/simulate", request.toString()).json();
        assertThat(now.get("model").asString()).contains("listed high-cost members");
        assertThat(now.at("/practices/0/cost/expectedStandardDeviation").asString()).isNotEqualTo("706686.73");

        ObjectNode earlier = (ObjectNode) now.deepCopy();
        earlier.put("model", now.get("model").asString().substring(0, now.get("model").asString().indexOf(" A practice's listed")));
        ((ObjectNode) earlier.at("/practices/0/cost")).put("expectedStandardDeviation", "706686.73");
        assertThat(earlier).isNotEqualTo(now);
        String caller = "key:an earlier release";
        String runId = runs.save(new NewRun("simulate", caller, "mssp-basic", "hilltown-ipa", 2025, null, null, null, null,
                request.toString(), earlier.toString())).id();
        String jobId = UUID.randomUUID().toString();
        Instant ranAt = Instant.parse("2026-12-01T09:00:00Z");
        jobRecords.created(new JobRecord(jobId, "simulate", caller, JobState.SUCCEEDED, 100, 100, ranAt, ranAt, ranAt, null,
                List.of(), runId));

        assertThat(get("/api/v1/jobs/" + jobId + "/result").json()).isEqualTo(earlier);
        assertThat(get("/api/v1/evaluations/" + runId + "/export").json().get("result")).isEqualTo(earlier);
        assertThat(post("/api/v1/evaluations/" + runId + "/replay", "application/json", new byte[0]).status()).isEqualTo(404);
    }

    @Test
    void anEvaluationExportsWithTheRuleFilesTemplateAndFactsOfItsHashes() {
        Reply answer = postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"));

        JsonNode export = get(answer.headers().firstValue("Location").orElseThrow() + "/export").json();

        assertThat(export.get("result")).isEqualTo(answer.json());
        assertEveryHashNamesItsText(export);
        JsonNode rules = get("/api/v1/rules").json().get("files");
        long ruleFiles = 0;
        for (JsonNode content : export.get("content")) {
            if (content.get("kind").asString().equals("rule-file")) {
                ruleFiles++;
            }
        }
        assertThat(ruleFiles).isEqualTo(rules.size());
        assertThat(export.get("content").findValuesAsString("hash")).contains(
                answer.json().at("/contract/templateHash").asString(), answer.json().get("factsHash").asString());
    }

    private static void assertEveryHashNamesItsText(JsonNode export) {
        export.get("content").forEach(content -> assertThat(ContentHash.of(content.get("text").asString()))
                .as(content.has("path") ? content.get("path").asString() : content.get("kind").asString())
                .isEqualTo(content.get("hash").asString()));
    }
}
