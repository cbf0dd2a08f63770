package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ContentHash;
import org.accord.store.ContentStore;
import org.accord.store.RunStore;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every evaluation answered is stored whole and read back as answered; a refused request stores
 * nothing. The server's database is the in-memory H2 a test context gets (StoreTest covers
 * PostgreSQL), shared by every API test class, so each test finds its own runs by id or filter.
 */
class StoredEvaluationsApiTest extends ServerTest {

    @Autowired
    ContentStore content;

    @Autowired
    RunStore runs;

    private Reply evaluateValleyIpa() {
        return postJson("/api/v1/evaluations", read("examples/valley-ipa-request.json"));
    }

    private String location(Reply reply) {
        return reply.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void anEvaluationIsStoredWholeAndReadBackAsAnswered() {
        Reply answer = evaluateValleyIpa();
        assertThat(answer.status()).isEqualTo(200);
        String location = location(answer);
        assertThat(location).matches("/api/v1/evaluations/[0-9a-f-]{36}");

        Reply stored = get(location);

        assertThat(stored.status()).isEqualTo(200);
        JsonNode run = stored.json().get("run");
        JsonNode settlement = answer.json();
        assertThat(location).endsWith(run.get("id").asString());
        assertThat(run.get("kind").asString()).isEqualTo("evaluation");
        assertThat(run.get("caller").asString()).isEqualTo("key:tests, every role");
        assertThat(run.get("templateId").asString()).isEqualTo("mssp-basic");
        assertThat(run.get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(run.get("performanceYear").asInt()).isEqualTo(2025);
        assertThat(run.get("factsHash")).isEqualTo(settlement.get("factsHash"));
        assertThat(run.get("rulesHash")).isEqualTo(settlement.get("rulesHash"));
        assertThat(run.get("termsHash")).isEqualTo(settlement.at("/contract/termsHash"));
        assertThat(run.get("templateHash")).isEqualTo(settlement.at("/contract/templateHash"));
        // The settlement as answered, every line and explanation; the request as the server read it:
        // the document sent (its decimals were strings already), with its absent overrides empty.
        assertThat(stored.json().get("settlement")).isEqualTo(settlement);
        ObjectNode sent = (ObjectNode) JSON.readTree(read("examples/valley-ipa-request.json"));
        ((ObjectNode) sent.get("contract")).set("overrides", JSON.createObjectNode());
        assertThat(stored.json().get("request")).isEqualTo(sent);
    }

    @Test
    void anEvaluationIsAuditedOnceByItsRunAndARefusedOneStillIs() {
        String location = location(evaluateValleyIpa());
        ObjectNode noFacts = (ObjectNode) JSON.readTree(read("examples/valley-ipa-request.json"));
        noFacts.remove("facts");
        Reply invalid = postJson("/api/v1/evaluations", noFacts.toString());
        assertThat(invalid.status()).isEqualTo(400);

        Reply page = get("/api/v1/audit-events?action=evaluate&limit=500");
        assertThat(page.status()).isEqualTo(200);
        // Appended in the run's transaction (CallAudit), and not a second time once answered.
        assertThat(page.json().get("events")).filteredOn(event -> event.get("target").asString().equals(location))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("status").asInt()).isEqualTo(200);
                    assertThat(event.get("actor").asString()).isEqualTo("key:tests, every role");
                });
        // Nothing was stored for the invalid one; the filter audits it with its path and status.
        assertThat(page.json().get("events")).anySatisfy(event -> {
            assertThat(event.get("target").asString()).isEqualTo("/api/v1/evaluations");
            assertThat(event.get("status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void theAnswerSentIsTheTextItsRunStores() {
        Reply answer = evaluateValleyIpa();
        String id = location(answer).substring("/api/v1/evaluations/".length());

        // Written once (AnswerWrittenOnce): the run keeps exactly the bytes the response carried.
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(runs.find(id)).hasValueSatisfying(run -> assertThat(run.result()).isEqualTo(answer.body()));
    }

    /** The example as a client might lay it out: its own whitespace and key order, an escape, a non-ASCII name. */
    private static String sentAsAClientLaysItOut() {
        ObjectNode request = (ObjectNode) JSON.readTree(read("examples/valley-ipa-request.json"));
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("facts", request.get("facts"));
        reordered.set("contract", request.get("contract"));
        String compact = reordered.toString();
        return "\n  " + compact.replace("\"Valley Independent Physicians Association\"", "\"Vall\\u00e9e  \u00c9 \\ud800 \\ud83d\\ude00\"")
                .replaceFirst(",", " ,\t") + "  \r\n";
    }

    @Test
    void theRequestIsStoredAsTheBytesPostedWithTheirWhitespaceKeyOrderAndEscapes() {
        String sent = sentAsAClientLaysItOut();
        assertThat(sent).contains("\\ud800").startsWith("\n  {\"facts\"");
        Reply answer = postJson("/api/v1/evaluations", sent);
        assertThat(answer.status()).isEqualTo(200);
        String id = location(answer).substring("/api/v1/evaluations/".length());

        // Not the request written again (which keys the contract first and turns the lone surrogate into '?').
        assertThat(runs.find(id)).hasValueSatisfying(run -> assertThat(run.request()).isEqualTo(sent));
        Reply replayed = send(HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations/" + id + "/replay")))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("identical");
        // The auditor's export and the stored evaluation read the same request.
        assertThat(get("/api/v1/evaluations/" + id + "/export").json().at("/request/facts/ipa/name").asString())
                .isEqualTo("Vall\u00e9e  \u00c9 \ud800 \ud83d\ude00");
        assertThat(get("/api/v1/evaluations/" + id).json().at("/request/facts/ipa/name").asString())
                .isEqualTo("Vall\u00e9e  \u00c9 \ud800 \ud83d\ude00");
    }

    @Test
    void twoRequestsInARowStoreEachItsOwnBytes() {
        // One client connection, so both are likely read by one server thread and its one buffer.
        String first = sentAsAClientLaysItOut();
        String second = "  " + read("examples/valley-ipa-request.json");
        String firstId = location(postJson("/api/v1/evaluations", first)).substring("/api/v1/evaluations/".length());
        Reply refused = postJson("/api/v1/evaluations", "{\"contract\": {\"templateId\": \"mssp-basic\"}}");
        assertThat(refused.status()).isEqualTo(400);
        String secondId = location(postJson("/api/v1/evaluations", second)).substring("/api/v1/evaluations/".length());

        assertThat(runs.find(firstId)).hasValueSatisfying(run -> assertThat(run.request()).isEqualTo(first));
        assertThat(runs.find(secondId)).hasValueSatisfying(run -> assertThat(run.request()).isEqualTo(second));
    }

    @Test
    void aBodyInAnotherCharsetStoresTheRequestAsTheServerReadIt() {
        String sent = read("examples/valley-ipa-request.json").replace("\"Valley Independent Physicians Association\"", "\"Vall\u00e9e\"");
        Reply answer = post("/api/v1/evaluations", "application/json;charset=UTF-16",
                sent.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThat(answer.status()).isEqualTo(200);
        String id = location(answer).substring("/api/v1/evaluations/".length());

        // UTF-8 JSON in the store, written from what was read: the same document, not the same bytes.
        tools.jackson.databind.json.JsonMapper server = WebJson.mapper();
        Object read = server.readValue(sent, org.accord.api.generated.model.EvaluationRequest.class);
        assertThat(runs.find(id)).hasValueSatisfying(run -> assertThat(run.request()).isEqualTo(server.writeValueAsString(read)));
        assertThat(get("/api/v1/evaluations/" + id).json().at("/request/facts/ipa/name").asString()).isEqualTo("Vall\u00e9e");
    }

    /** C0 AF is an overlong "/": the parser would read it so, and a name would be evaluated and stored as text never sent. */
    @Test
    void anIllFormedUtf8BodyIsRefusedAndNothingIsStored() {
        byte[] valid = read("examples/valley-ipa-request.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String marker = "Valley Family Medicine";
        int at = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(marker) + "Valley".length();
        byte[] sent = new byte[valid.length + 2];
        System.arraycopy(valid, 0, sent, 0, at);
        sent[at] = (byte) 0xC0;
        sent[at + 1] = (byte) 0xAF;
        System.arraycopy(valid, at, sent, at + 2, valid.length - at);
        long before = runs.count(org.accord.store.RunFilter.all());

        Reply answer = post("/api/v1/evaluations", "application/json", sent);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/pointer").asString()).isEmpty();
        assertThat(answer.json().at("/errors/0/reason").asString()).isEqualTo("the body is not well-formed UTF-8: byte " + at + " cannot stand where it does");
        assertThat(runs.count(org.accord.store.RunFilter.all())).isEqualTo(before);
    }

    @Test
    void onlyWellFormedUtf8IsKeptAsSent() {
        assertThat(utf8("{\"a\":\"Vall\u00e9e \ud83d\ude00\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
        assertThat(utf8("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE))).isFalse();
        assertThat(utf8(" {\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE))).isFalse();
        assertThat(utf8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isFalse();
        // a surrogate encoded on its own, which the parser reads but UTF-8 does not allow
        assertThat(utf8(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})).isFalse();
    }

    /** Asked of the text at the start of a longer buffer, as the thread's buffer holds it: what follows is not read. */
    private static boolean utf8(byte[] text) {
        byte[] buffer = java.util.Arrays.copyOf(text, text.length + 2);
        buffer[text.length] = (byte) 0xFF;
        return RequestBodyAsSent.utf8(buffer, text.length);
    }

    @Test
    void aSurrogateEscapeIsToldFromAnEscapedBackslash() {
        assertThat(escapesSurrogate("{\"a\":\"\\uD800\"}")).isTrue();
        assertThat(escapesSurrogate("{\"a\":\"x\\udfff\"}")).isTrue();
        assertThat(escapesSurrogate("{\"a\":\"\\\\uD800\"}")).isFalse();
        assertThat(escapesSurrogate("{\"a\":\"\\\\\\uD800\"}")).isTrue();
        assertThat(escapesSurrogate("{\"a\":\"\\u00e9\\uD7FF\\n\"}")).isFalse();
        assertThat(escapesSurrogate("{\"uD800\":\"\\\\\"}")).isFalse();
    }

    /** Asked of the text at the start of a longer buffer, as the thread's buffer holds it: what follows is not read. */
    private static boolean escapesSurrogate(String text) {
        byte[] json = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] buffer = java.util.Arrays.copyOf(json, json.length + 6);
        System.arraycopy("\\uD800".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, buffer, json.length, 6);
        return StoredRuns.escapesSurrogate(buffer, json.length);
    }

    @Test
    void theRuleFilesTemplateAndFactsARunNamesAreStoredUnderThoseHashes() {
        JsonNode settlement = evaluateValleyIpa().json();

        String rulesHash = settlement.get("rulesHash").asString();
        Map<String, String> fileHashes = new TreeMap<>();
        content.ruleSet(rulesHash).forEach((path, bytes) -> fileHashes.put(path, ContentHash.of(bytes)));
        // Each stored file is the one GET /rules lists, and together they hash to the rulesHash.
        JsonNode listing = get("/api/v1/rules").json();
        assertThat(fileHashes).hasSize(listing.get("files").size());
        listing.get("files").forEach(file -> assertThat(fileHashes.get("rules/" + file.get("path").asString()))
                .as(file.get("path").asString()).isEqualTo(file.get("hash").asString()));
        StringBuilder canonical = new StringBuilder("{");
        fileHashes.forEach((path, hash) -> canonical.append(canonical.length() > 1 ? "," : "")
                .append('"').append(path).append("\":\"").append(hash).append('"'));
        assertThat(ContentHash.of(canonical.append('}').toString())).isEqualTo(rulesHash);

        String templateHash = settlement.at("/contract/templateHash").asString();
        assertThat(content.get(templateHash)).hasValueSatisfying(bytes -> assertThat(ContentHash.of(bytes)).isEqualTo(templateHash));
        String factsHash = settlement.get("factsHash").asString();
        assertThat(content.get(factsHash)).hasValueSatisfying(bytes -> assertThat(ContentHash.of(bytes)).isEqualTo(factsHash));
    }

    @Test
    void aRefusedRequestStoresNothing() {
        long before = get("/api/v1/evaluations?limit=1").json().get("total").asLong();
        ObjectNode request = (ObjectNode) JSON.readTree(read("examples/valley-ipa-request.json"));
        ((ObjectNode) request.get("contract")).put("templateId", "no-such-template");

        Reply refused = postJson("/api/v1/evaluations", request.toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(get("/api/v1/evaluations?limit=1").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void storedEvaluationsAreListedNewestFirstByFilterAndPage() {
        String valley = location(evaluateValleyIpa());
        ObjectNode small = JSON.createObjectNode();
        small.set("contract", JSON.readTree("{\"templateId\":\"mssp-basic\"}"));
        small.set("facts", JSON.readTree(read("examples/small-panel.json")));
        Reply smallPanel = postJson("/api/v1/evaluations", small.toString());
        assertThat(smallPanel.status()).isEqualTo(200);
        String smallPanelIpa = smallPanel.json().get("ipaId").asString();

        JsonNode newestTwo = get("/api/v1/evaluations?limit=2").json();
        assertThat(newestTwo.get("runs")).extracting(r -> "/api/v1/evaluations/" + r.get("id").asString())
                .containsExactly(location(smallPanel), valley);
        assertThat(newestTwo.get("limit").asInt()).isEqualTo(2);
        assertThat(newestTwo.get("total").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode onlySmall = get("/api/v1/evaluations?ipaId=" + smallPanelIpa + "&caller=key:tests,%20every%20role&templateId=mssp-basic").json();
        assertThat(onlySmall.get("runs")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("ipaId").asString()).isEqualTo(smallPanelIpa));
        // Other tests of this server may store the same IPA's runs: the page holds at most its limit of the total.
        assertThat(onlySmall.get("total").asLong()).isGreaterThanOrEqualTo(onlySmall.get("runs").size());
        assertThat(get("/api/v1/evaluations?performanceYear=1999").json().get("total").asLong()).isZero();
        assertThat(get("/api/v1/evaluations?storedFrom=2999-01-01T00:00:00Z").json().get("runs")).isEmpty();
    }

    @Test
    void anUnknownRunIsA404Problem() {
        Reply missing = get("/api/v1/evaluations/00000000-0000-0000-0000-000000000000");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void aPageSizeOutsideItsBoundsIsA400() {
        Reply refused = get("/api/v1/evaluations?limit=0");
        Reply tooLarge = get("/api/v1/evaluations?limit=501");
        Reply negative = get("/api/v1/evaluations?offset=-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/parameter").asString()).isEqualTo("limit");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errors/0/parameter").asString()).isEqualTo("offset");
    }

    /** A query parameter of the wrong type is named with what it should be, as a parameter out of its bounds is. */
    @Test
    void aParameterOfTheWrongTypeIsA400NamingIt() {
        Reply day = get("/api/v1/evaluations?storedFrom=yesterday");
        Reply words = get("/api/v1/evaluations?limit=ten");

        assertThat(day.status()).isEqualTo(400);
        assertThat(day.contentType()).startsWith("application/problem+json");
        assertThat(day.json().get("type").asString()).isEqualTo("urn:accord:problem:invalid-request");
        assertThat(day.json().at("/errors/0/parameter").asString()).isEqualTo("storedFrom");
        assertThat(day.json().at("/errors/0/reason").asString())
                .isEqualTo("expected a date and time with its offset, as 2026-11-30T09:00:00Z, got 'yesterday'");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().at("/errors/0/parameter").asString()).isEqualTo("limit");
        assertThat(words.json().at("/errors/0/reason").asString()).isEqualTo("expected a whole number, got 'ten'");
    }

    /**
     * A filter given without a value, or blank, is a 400 naming it: {@code performanceYear=}, {@code storedFrom=} and
     * {@code storedBefore=} were read as absent and listed every run, {@code templateId=} as a filter matching none
     * (found from outside, on the jobs' {@code state=}). The page's bounds too: {@code limit=} was its default.
     */
    @ParameterizedTest
    @ValueSource(strings = {"templateId", "ipaId", "performanceYear", "caller", "storedFrom", "storedBefore", "limit", "offset"})
    void aFilterWithoutAValueIsA400NamingIt(String parameter) {
        for (String query : List.of(parameter + "=", parameter + "=%20", parameter, "limit=5&" + parameter + "=")) {
            Reply refused = get("/api/v1/evaluations?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/parameter").asString()).isEqualTo(parameter);
            assertThat(refused.json().at("/errors/0/reason").asString()).as(query)
                    .isEqualTo((query.endsWith("%20") ? "is blank" : "is empty") + ": give a value, or leave the parameter out");
        }
    }

    /** The same request with one of the tests' keys instead of the every-role key. */
    private Reply as(String key, HttpRequest.Builder request) {
        return send(request.header(TestKeys.HEADER, key));
    }

    /** A negotiator too: its evaluation's Location answered it 403 (found from outside). */
    @ParameterizedTest
    @ValueSource(strings = {"integrator", "negotiator"})
    void aNegotiatorOrAnIntegratorReadsOnlyItsOwnRunsWhileAReviewerReadsEvery(String role) {
        String caller = TestKeys.only(role);
        String others = location(evaluateValleyIpa());
        Reply own = as(caller, HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(read("examples/valley-ipa-request.json"))));
        assertThat(own.status()).isEqualTo(200);

        Reply ownRead = as(caller, HttpRequest.newBuilder(URI.create(url(location(own)))).GET());
        Reply othersRead = as(caller, HttpRequest.newBuilder(URI.create(url(others))).GET());
        JsonNode listed = as(caller, HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations?limit=500"))).GET()).json();
        JsonNode askedForOthers = as(caller,
                HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations?caller=key:tests,%20every%20role"))).GET()).json();
        Reply reviewerRead = as(TestKeys.only("reviewer"), HttpRequest.newBuilder(URI.create(url(others))).GET());

        assertThat(ownRead.status()).isEqualTo(200);
        assertThat(ownRead.json().at("/run/caller").asString()).isEqualTo("key:tests, " + role);
        assertThat(as(caller, HttpRequest.newBuilder(URI.create(url(location(own) + "/export"))).GET()).status()).isEqualTo(200);
        assertThat(othersRead.status()).isEqualTo(404);
        assertThat(othersRead.contentType()).startsWith("application/problem+json");
        assertThat(listed.get("runs")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("caller").asString()).isEqualTo("key:tests, " + role));
        assertThat(listed.get("total").asLong()).isEqualTo(listed.get("runs").size());
        assertThat(askedForOthers.get("runs")).isEmpty();
        assertThat(askedForOthers.get("total").asLong()).isZero();
        assertThat(reviewerRead.status()).isEqualTo(200);
        assertThat(reviewerRead.json().at("/run/caller").asString()).isEqualTo("key:tests, every role");
    }
}
