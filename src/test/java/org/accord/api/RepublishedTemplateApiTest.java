package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A template published again (a payer's template for a new year) leaves the contract versions made on
 * its earlier text as they were signed: each is settled on the template file it was made on, found by
 * its hash as a replay finds a run's, on every path that names it by {@code contractVersionId}; a
 * version made now is on the new text. Refused only when the store has lost the text (found from
 * outside: every version on the earlier text answered 422, "which this service no longer serves").
 */
class RepublishedTemplateApiTest extends ServerTest {

    private static final String CONTRACTS = "/api/v1/contracts";

    @Autowired
    JdbcClient jdbc;

    /** A payer's capitation template (ma-capitation's clauses written out), version 1, under its own id. */
    private static String versionOne(String id) {
        return once(read("src/test/resources/uploads/payer-capitation.yaml"), "id: payer-capitation", "id: " + id);
    }

    /** Version 2 for new contracts: a capitation of $99.00 PMPM, and a withhold of at most 15%. */
    private static String versionTwo(String id) {
        String two = once(once(versionOne(id), "version: '1'", "version: '2'"), "value: '52.00'", "value: '99.00'");
        return once(two, "maximum: '0.5'\n      value: '0.10'", "maximum: '0.15'\n      value: '0.10'");
    }

    private static String once(String text, String from, String to) {
        assertThat(text.split(java.util.regex.Pattern.quote(from), -1)).as(from).hasSize(2);
        return text.replace(from, to);
    }

    private Reply asAdmin(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String publishTemplate(String yaml) {
        Reply published = asAdmin("/api/v1/contract-templates", "application/yaml", yaml);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("hash").asString();
    }

    /** Two practices of 100 members each, 1,200 member months, risk 1.0, $1,160,000.00 each; CBP 36 of 40. */
    /** A contract's version made on a template's first text, the template since published again. */
    private record MadeOnTheFirstText(String ipa, String templateId, String firstHash, String contractId, String versionId) {

        /** How a refusal names the version and the text it was made on. */
        String saidOf() {
            return "version 1 was made on template " + templateId + " " + firstHash;
        }
    }

    private MadeOnTheFirstText versionMadeOnTheFirstOfTwoTexts() {
        String ipa = "republished-" + UUID.randomUUID();
        String templateId = "payer-capitation-" + UUID.randomUUID().toString().substring(0, 8);
        String first = publishTemplate(versionOne(templateId));
        JsonNode contract = contract(ipa, templateId);
        MadeOnTheFirstText made = new MadeOnTheFirstText(ipa, templateId, first, contract.at("/contract/id").asString(),
                contract.at("/versions/0/id").asString());
        publishTemplate(versionTwo(templateId));
        return made;
    }

    private static ObjectNode facts(String ipa) {
        String practice = """
                {"id": "%s", "attributedMembers": 100, "memberMonths": 1200, "averageRiskScore": "1.0",
                 "totalCostOfCare": "1160000.00", "feeScheduleAllowedAmount": "0", "visits": 0, "annualWellnessVisits": 0,
                 "edVisits": 0, "inpatientAdmissions": 0,
                 "qualityMeasures": [{"measureId": "CBP", "numerator": 36, "denominator": 40, "exclusions": 0}]}""";
        return (ObjectNode) JSON.readTree("{\"ipa\": {\"id\": \"" + ipa + "\"}, \"period\": {\"performanceYear\": 2025},"
                + " \"practices\": [" + practice.formatted("A") + ", " + practice.formatted("B") + "]}");
    }

    private static ObjectNode byVersion(String versionId, ObjectNode facts) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("contractVersionId", versionId);
        request.set("facts", facts);
        return request;
    }

    private JsonNode contract(String ipa, String templateId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", ipa).put("payer", "Medicare Advantage plan").put("templateId", templateId)
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        body.putObject("overrides").put("withholdRate", "0.20");
        Reply created = postJson(CONTRACTS, JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Reply publishVersion(String contractId, String versionId) {
        return send(HttpRequest.newBuilder(URI.create(url(CONTRACTS + "/" + contractId + "/versions/" + versionId + "/publication")))
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Reply evaluate(ObjectNode request) {
        return postJson("/api/v1/evaluations", JSON.writeValueAsString(request));
    }

    @Test
    void aStoredVersionIsSettledOnTheTemplateItWasMadeOnAfterANewVersionOfItIsPublished() {
        String ipa = "republished-" + UUID.randomUUID();
        String templateId = "payer-capitation-" + UUID.randomUUID().toString().substring(0, 8);
        String first = publishTemplate(versionOne(templateId));
        JsonNode contract = contract(ipa, templateId);
        String contractId = contract.at("/contract/id").asString();
        JsonNode version = contract.at("/versions/0");
        String versionId = version.get("id").asString();
        assertThat(version.get("templateHash").asString()).isEqualTo(first);
        assertThat(publishVersion(contractId, versionId).status()).isEqualTo(201);

        // Version 1 of the template, the version's withholdRate 0.20, 2 x 1,200 = 2,400 member months at risk factor 1.0:
        //   capitation 52.00 x 2,400 = 124,800.00; 20% withheld (24,960.00), all of it returned: CBP 36/40 = 0.90
        //   reaches the gates 0.60, 0.70 and 0.80, a composite of 1.00, at or above the ladder's 0.85.
        //   target 1,050.00 x 2,400 = 2,520,000.00, cost 2,320,000.00: a gain of 200,000.00 (7.94% of target);
        //   corridor 2% of target (50,400.00) x 1.00 = 50,400.00, 2% to 5% (75,600.00) x 0.50 = 37,800.00,
        //   beyond 5% (200,000.00 - 126,000.00 = 74,000.00) x 0.20 = 14,800.00: 103,000.00.
        //   payer total 124,800.00 + 103,000.00 = 227,800.00.
        Reply before = evaluate(byVersion(versionId, facts(ipa)));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().at("/totals/payerTotal").asString()).isEqualTo("227800.00");

        String second = publishTemplate(versionTwo(templateId));
        assertThat(second).isNotEqualTo(first);

        Reply after = evaluate(byVersion(versionId, facts(ipa)));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("totals")).isEqualTo(before.json().get("totals"));
        assertThat(after.json().get("lines")).isEqualTo(before.json().get("lines"));
        assertThat(after.json().get("contract")).isEqualTo(before.json().get("contract"));
        assertThat(after.json().at("/contract/templateHash").asString()).isEqualTo(first);
        assertThat(after.json().at("/contract/templateVersion").asString()).isEqualTo("1");
        assertThat(get(CONTRACTS + "/" + contractId + "/versions/" + versionId).json()).isEqualTo(version);

        // The run made after version 2 was published replays as it ran.
        JsonNode replay = postJson(after.header("Location") + "/replay", "").json();
        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");

        Reply validated = postJson("/api/v1/evaluations:validate", JSON.writeValueAsString(byVersion(versionId, facts(ipa))));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);

        // A sweep of the version varies its terms on its own template: a withhold of 30%, above version 2's 15%,
        // is still within version 1's 50%; every withhold is returned whole, so the payer total does not move.
        ObjectNode sweep = byVersion(versionId, facts(ipa));
        sweep.putArray("vary").addObject().put("parameter", "withholdRate").put("start", "0.20").put("end", "0.30").put("step", "0.10");
        Reply swept = postJson("/api/v1/scenarios/sweep", JSON.writeValueAsString(sweep));
        assertThat(swept.status()).as(swept.body()).isEqualTo(200);
        assertThat(swept.json().get("points")).hasSize(2)
                .allSatisfy(point -> assertThat(point.get("payerTotal").asString()).isEqualTo("227800.00"));

        // A version made now is on version 2: capitation 99.00 x 2,400 = 237,600.00 (10% withheld, all returned),
        // the corridor's 103,000.00 as above: 340,600.00.
        ObjectNode newer = JSON.createObjectNode();
        newer.put("name", "on version 2").put("kind", "proposal").put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        Reply added = postJson(CONTRACTS + "/" + contractId + "/versions", JSON.writeValueAsString(newer));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("templateHash").asString()).isEqualTo(second);
        String newerId = added.json().get("id").asString();
        Reply onSecond = evaluate(byVersion(newerId, facts(ipa)));
        assertThat(onSecond.status()).as(onSecond.body()).isEqualTo(200);
        assertThat(onSecond.json().at("/totals/payerTotal").asString()).isEqualTo("340600.00");

        // The two versions compared, each on its own template.
        ObjectNode compare = JSON.createObjectNode();
        compare.set("facts", facts(ipa));
        compare.putObject("baseline").put("contractVersionId", versionId);
        compare.putArray("proposals").addObject().put("contractVersionId", newerId);
        Reply compared = postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare));
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        assertThat(compared.json().at("/baseline/totals/payerTotal").asString()).isEqualTo("227800.00");
        assertThat(compared.json().at("/proposals/0/contract/totals/payerTotal").asString()).isEqualTo("340600.00");

        // And the version on version 1 is still put in force.
        Reply republished = publishVersion(contractId, versionId);
        assertThat(republished.status()).as(republished.body()).isEqualTo(201);
    }

    @Test
    void aVersionWhoseTemplateTextTheStoreHasLostIsRefusedNamingIt() {
        MadeOnTheFirstText made = versionMadeOnTheFirstOfTwoTexts();
        // Lost as a store loses a row: past the references the schema keeps to it (H2's test database).
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        try {
            assertThat(jdbc.sql("DELETE FROM content WHERE hash = ?").param(made.firstHash()).update()).isEqualTo(1);
        } finally {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }

        Reply refused = evaluate(byVersion(made.versionId(), facts(made.ipa())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertOnlyError(refused.json().get("errors"), "/contract/contractVersionId", made.saidOf()
                + ", whose text this service neither serves nor holds in its store");
        Reply notPublished = publishVersion(made.contractId(), made.versionId());
        assertThat(notPublished.status()).as(notPublished.body()).isEqualTo(409);
        assertThat(get(CONTRACTS + "/" + made.contractId()).json().get("publications")).isEmpty();
        // Its contract document is of that text: a problem naming it, not a 500.
        Reply document = get(CONTRACTS + "/" + made.contractId() + "/versions/" + made.versionId() + "/document");
        assertThat(document.status()).as(document.body()).isEqualTo(409);
        assertThat(document.contentType()).startsWith("application/problem+json");
        assertThat(document.json().get("detail").asString()).isEqualTo(made.saidOf()
                + ", whose text this service neither serves nor holds in its store: its contract document cannot be written");
    }

    /** A run settled on the version, stored; its location. */
    private String runOn(MadeOnTheFirstText made) {
        Reply run = evaluate(byVersion(made.versionId(), facts(made.ipa())));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        return run.header("Location");
    }

    /** Replays the run, and checks that the refusal changed nothing: the run reads as it did. */
    private Reply replayChangingNothing(String location) {
        JsonNode before = get(location).json();
        Reply replay = postJson(location + "/replay", "");
        assertThat(get(location).json()).isEqualTo(before);
        return replay;
    }

    /** A run's replay needs the template text it settled with: when the store has lost it, a 409 naming it (it was a 500). */
    @Test
    void theReplayOfARunWhoseTemplateTextTheStoreHasLostIsAConflictNamingIt() {
        MadeOnTheFirstText made = versionMadeOnTheFirstOfTwoTexts();
        String location = runOn(made);
        String runId = location.substring(location.lastIndexOf('/') + 1);
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        try {
            assertThat(jdbc.sql("DELETE FROM content WHERE hash = ?").param(made.firstHash()).update()).isEqualTo(1);
        } finally {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }

        Reply replay = replayChangingNothing(location);
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.json().get("detail").asString()).isEqualTo("run " + runId + " was settled on template "
                + made.templateId() + " " + made.firstHash() + ", whose text the store no longer holds: it cannot be replayed");
    }

    /** Damaged as in the test below: the replay's refusal names the template, its hash and what the reading found (it was a 500). */
    @Test
    void theReplayOfARunWhoseStoredTemplateTextNoLongerReadsAsATemplateIsAConflictNamingIt() {
        MadeOnTheFirstText made = versionMadeOnTheFirstOfTwoTexts();
        String location = runOn(made);
        String runId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("UPDATE content SET bytes = ? WHERE hash = ?").params("id: [".getBytes(java.nio.charset.StandardCharsets.UTF_8), made.firstHash())
                .update()).isEqualTo(1);

        Reply replay = replayChangingNothing(location);
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.json().get("detail").asString())
                .startsWith("run " + runId + " was settled on template " + made.templateId() + " " + made.firstHash()
                        + ", whose stored text no longer reads as a template: ")
                .endsWith(": it cannot be replayed");
    }

    @Test
    void theDocumentOfAVersionWhoseStoredTemplateTextNoLongerReadsAsATemplateIsAConflictNamingIt() {
        MadeOnTheFirstText made = versionMadeOnTheFirstOfTwoTexts();
        // The stored text of the template the version was made on is damaged: the row is there, its bytes are no template.
        assertThat(jdbc.sql("UPDATE content SET bytes = ? WHERE hash = ?").params("id: [".getBytes(java.nio.charset.StandardCharsets.UTF_8), made.firstHash())
                .update()).isEqualTo(1);

        Reply document = get(CONTRACTS + "/" + made.contractId() + "/versions/" + made.versionId() + "/document?format=html");
        assertThat(document.status()).as(document.body()).isEqualTo(409);
        assertThat(document.contentType()).startsWith("application/problem+json");
        assertThat(document.json().get("detail").asString())
                .startsWith(made.saidOf() + ", whose stored text no longer reads as a template: ")
                .endsWith(": its contract document cannot be written");
        // Settling on it is refused as for a lost text, naming the field (it was a 500 too).
        Reply refused = evaluate(byVersion(made.versionId(), facts(made.ipa())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertOnlyError(refused.json().get("errors"), "/contract/contractVersionId", made.saidOf() + ", whose stored text no longer reads as a template: ");
        // Nothing else changes: the version reads as it did, and is not published.
        Reply version = get(CONTRACTS + "/" + made.contractId() + "/versions/" + made.versionId());
        assertThat(version.status()).as(version.body()).isEqualTo(200);
        assertThat(version.json().get("templateHash").asString()).isEqualTo(made.firstHash());
        assertThat(get(CONTRACTS + "/" + made.contractId()).json().get("publications")).isEmpty();
    }
}
