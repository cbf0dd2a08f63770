package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored run whose request, facts or answer the store holds damaged cannot be replayed: a 409 saying which text and what
 * its reading found, as for a lost or damaged template (44b8a0a), not a 500 or a 422 that blames the replay's caller. The
 * rows are damaged as a store damages them, past the service (the tests' H2 database); each test's run and facts are its own.
 */
class ReplayOfDamagedInputsTest extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    /** The small example under an IPA id of its own, so that its facts hash is no other test's. */
    private static ObjectNode request() {
        ObjectNode request = Requests.small();
        request.withObject("/facts/ipa").put("id", "damaged-" + UUID.randomUUID());
        return request;
    }

    /** Stores the run of this request; its id. */
    private String run(ObjectNode request) {
        Reply run = postJson("/api/v1/evaluations", JSON.writeValueAsString(request));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        String location = run.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Replaces the stored request's text (kept compressed since V5) with this one. */
    private void storeRequestAs(String runId, String text) {
        assertThat(jdbc.sql("UPDATE run SET request = ?, request_compressed = NULL WHERE id = ?").params(text, runId).update()).isEqualTo(1);
    }

    /** A run whose stored request is the one sent with its first practice changed so; the run's id. */
    private String runWhoseFirstPracticeIsStoredWith(java.util.function.Consumer<ObjectNode> damage) {
        ObjectNode request = request();
        String runId = run(request);
        damage.accept(request.withObject("/facts/practices/0"));
        storeRequestAs(runId, JSON.writeValueAsString(request));
        return runId;
    }

    /** Replays the run: refused as a conflict, as a problem. */
    private Reply replay(String runId) {
        Reply replay = postJson("/api/v1/evaluations/" + runId + "/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        return replay;
    }

    private static String detail(Reply replay) {
        return replay.json().get("detail").asString();
    }

    @Test
    void aRunWhoseStoredRequestIsNoLongerJsonIsAConflictSayingSo() {
        String runId = run(request());
        storeRequestAs(runId, "{\"contract\": {\"templateId\": \"mssp-basic\"}, \"facts\": ");

        assertThat(detail(replay(runId))).startsWith("run " + runId + "'s stored request no longer reads as an evaluation's request: ")
                .contains(": not valid JSON: Unexpected end-of-input").endsWith(": it cannot be replayed");
    }

    @Test
    void aRunWhoseStoredRequestHoldsAFactNoLongerOfItsTypeIsAConflictNamingTheField() {
        String runId = runWhoseFirstPracticeIsStoredWith(practice -> practice.put("memberMonths", "lots"));

        assertThat(detail(replay(runId))).isEqualTo("run " + runId + "'s stored request no longer reads as an evaluation's request: "
                + "/facts/practices/0/memberMonths: expected a whole number, got \"lots\": it cannot be replayed");
    }

    /** Read, but refused by the checks an evaluation's facts pass: a 422 said the replay's caller had sent invalid input. */
    @Test
    void aRunWhoseStoredFactsNoLongerPassTheChecksIsAConflictNamingTheField() {
        String runId = runWhoseFirstPracticeIsStoredWith(practice -> practice.put("memberMonths", -5));

        assertThat(detail(replay(runId))).isEqualTo("run " + runId + "'s stored request and facts no longer pass the checks of an"
                + " evaluation: /facts/practices/0/memberMonths: cannot be negative (was -5): it cannot be replayed");
    }

    @Test
    void aRunWhoseStoredFactsByIdAreDamagedIsAConflictNamingThem() {
        ObjectNode request = request();
        Reply stored = postJson("/api/v1/facts", JSON.writeValueAsString(request.get("facts")));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String factsId = stored.json().get("id").asString();
        ObjectNode byId = request.deepCopy();
        byId.remove("facts");
        byId.put("factsId", factsId);
        String runId = run(byId);
        assertThat(jdbc.sql("UPDATE stored_facts SET document = ? WHERE facts_hash = ?").params("{\"ipa\": {\"id\": \"cut", factsId).update())
                .isEqualTo(1);

        assertThat(detail(replay(runId))).startsWith("run " + runId + "'s facts " + factsId + " no longer read as facts: /ipa/id: ")
                .contains("not valid JSON: ").endsWith(": it cannot be replayed");
    }

    @Test
    void aRunWhoseStoredAnswerIsNoLongerJsonIsAConflictSayingSo() {
        String runId = run(request());
        assertThat(jdbc.sql("UPDATE run SET result = ?, result_compressed = NULL WHERE id = ?").params("{\"lines\": [", runId).update())
                .isEqualTo(1);

        assertThat(detail(replay(runId))).isEqualTo("run " + runId + "'s stored answer no longer reads as a settlement: /lines: not valid"
                + " JSON: Unexpected end-of-input: expected close marker for Array (line 1, column 12): it cannot be replayed");
    }

    /**
     * The compressed bytes themselves cut short (found from outside: a replay and a read answered 500, the failure
     * unexplained): the replay is a conflict naming the damage, and the read a server error that says it.
     */
    @Test
    void aRunWhoseCompressedTextIsCutShortIsAConflictToReplayAndSaidWhenRead() {
        String runId = run(request());
        byte[] compressed = jdbc.sql("SELECT request_compressed FROM run WHERE id = ?").param(runId).query(byte[].class).single();
        byte[] cut = java.util.Arrays.copyOf(compressed, compressed.length / 2);
        assertThat(jdbc.sql("UPDATE run SET request_compressed = ? WHERE id = ?").params(cut, runId).update()).isEqualTo(1);

        assertThat(detail(replay(runId))).startsWith("run " + runId + "'s stored texts no longer decompress: a stored run's text is ")
                .endsWith(": it cannot be replayed");
        Reply read = get("/api/v1/evaluations/" + runId);
        assertThat(read.status()).as(read.body()).isEqualTo(500);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(detail(read)).startsWith("run " + runId + "'s stored texts no longer decompress: ");
    }
}
