package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.accord.content.ContentHash;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A performance year stored once under its facts hash and named by factsId afterwards: the same
 * settlement, scenario and replay as with the facts sent whole; a request naming both, neither or
 * unknown facts is refused naming the field.
 */
class StoredFactsApiTest extends ServerTest {

    private static final String FACTS = "/api/v1/facts";
    private static final String EVALUATIONS = "/api/v1/evaluations";

    private String storeValley() {
        Reply stored = postJson(FACTS, read("examples/valley-ipa.json"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().get("id").asString();
    }

    /** The request with its facts replaced by their id. */
    private static ObjectNode byId(ObjectNode request, String factsId) {
        ObjectNode copy = request.deepCopy();
        copy.remove("facts");
        copy.put("factsId", factsId);
        return copy;
    }

    @Test
    void storedFactsAreKeptOnceUnderTheFactsHashTheirSettlementNames() {
        Reply stored = postJson(FACTS, read("examples/valley-ipa.json"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String id = stored.json().get("id").asString();
        // The id is the hash an evaluation of the same facts reports: one canonical text (docs/hashes.md).
        Reply evaluated = postJson(EVALUATIONS, JSON.writeValueAsString(Requests.of("mssp-basic", "valley-ipa")));
        assertThat(id).isEqualTo(evaluated.json().get("factsHash").asString());
        assertThat(stored.header("Location")).isEqualTo(FACTS + "/" + id);
        assertThat(stored.json().get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(stored.json().get("performanceYear").asInt()).isEqualTo(2025);
        assertThat(stored.json().at("/summary/practices").asInt()).isEqualTo(25);
        assertThat(stored.json().at("/summary/attributedMembers").asLong()).isEqualTo(39_400);

        Reply read = get(stored.header("Location"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(stored.json());
        assertThat(read.json().get("facts")).isEqualTo(JSON.readTree(read("examples/valley-ipa.json")));

        // The same practices from the CSV are the same facts: the same id, nothing new stored.
        ObjectNode csv = JSON.createObjectNode();
        csv.putObject("ipa").put("id", "valley-ipa").put("name", "Valley Independent Physicians Association");
        csv.set("period", JSON.readTree(read("examples/valley-ipa.json")).get("period"));
        csv.put("practicesCsv", read("examples/valley-ipa.csv"));
        Reply fromCsv = postJson(FACTS + ":store-csv", JSON.writeValueAsString(csv));
        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(201);
        assertThat(fromCsv.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void anEvaluationByFactsIdSettlesExactlyAsWithTheFactsSent() {
        String id = storeValley();
        ObjectNode sent = Requests.of("mssp-basic", "valley-ipa");
        Reply whole = postJson(EVALUATIONS, JSON.writeValueAsString(sent));
        Reply named = postJson(EVALUATIONS, JSON.writeValueAsString(byId(sent, id)));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json()).isEqualTo(whole.json());

        // Its stored run keeps the request as sent (the id) and replays from the stored facts.
        JsonNode run = get(named.header("Location")).json();
        assertThat(run.at("/request/factsId").asString()).isEqualTo(id);
        assertThat(run.at("/request/facts").isMissingNode()).isTrue();
        JsonNode replay = postJson(named.header("Location") + "/replay", "").json();
        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");
    }

    @Test
    void aScenarioByFactsIdAnswersAsWithTheFactsSent() {
        ObjectNode compare = (ObjectNode) JSON.readTree(read("examples/scenarios/compare-sharing-rate.json"));
        Reply stored = postJson(FACTS, JSON.writeValueAsString(compare.get("facts")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        Reply whole = postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare));
        Reply named = postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(byId(compare, stored.json().get("id").asString())));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json()).isEqualTo(whole.json());
    }

    @Test
    void aRequestNamingBothNeitherOrUnknownFactsIsRefusedNamingTheField() {
        String id = storeValley();
        ObjectNode both = Requests.of("mssp-basic", "valley-ipa");
        both.put("factsId", id);
        assertOnlyError(assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(both)), 400, EVALUATIONS),
                "/factsId", "not both");

        ObjectNode neither = Requests.of("mssp-basic", "valley-ipa");
        neither.remove("facts");
        assertOnlyError(assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(neither)), 400, EVALUATIONS),
                "/facts", "required");

        String unknown = ContentHash.of("never stored");
        assertOnlyError(assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(byId(Requests.small(), unknown))), 422,
                EVALUATIONS), "/factsId", unknown);
        // A hash the store holds, but of a template: not facts.
        String templateHash = get("/api/v1/contract-templates/mssp-basic").json().get("hash").asString();
        assertOnlyError(assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(byId(Requests.small(), templateHash))),
                422, EVALUATIONS), "/factsId", "no facts");

        ObjectNode malformed = byId(Requests.small(), "sha256:not-hex");
        assertThat(postJson(EVALUATIONS, JSON.writeValueAsString(malformed)).status()).isEqualTo(400);
        assertThat(get(FACTS + "/" + unknown).status()).isEqualTo(404);
    }

    @Test
    void factsThatFailTheChecksAreNotStored() {
        ObjectNode facts = (ObjectNode) JSON.readTree(read("examples/small-panel.json"));
        ((ObjectNode) facts.at("/practices/0")).put("attributedMembers", -1);
        Reply refused = postJson(FACTS, JSON.writeValueAsString(facts));
        assertThat(refused.status()).as(refused.body()).isIn(400, 422);
        // Had they been stored, they would be under the hash of the canonical text of what was sent.
        assertThat(refused.header("Location")).isNull();
    }
}
