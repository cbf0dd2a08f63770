package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.accord.content.ContentHash;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored contracts: made with their first version in one step, versions added and hashed as
 * docs/hashes.md says, refused input leaving nothing behind, a version named by id settling as its
 * template and overrides do, versions compared on stored facts, and publishing audited.
 */
class ContractsApiTest extends ServerTest {

    private static final String CONTRACTS = "/api/v1/contracts";
    private static final String PAYER = "Medicare Shared Savings Program";
    /** The rule a settlement's finding on its contract version's standing names. */
    private static final String STANDING_RULE = "A contract version settles every day of the facts whether or not it is in force on them, and says so";

    @org.springframework.beans.factory.annotation.Autowired
    org.accord.store.RunStore runs;

    /** Each test its own IPA id, so that listing by IPA sees only its own contracts. */
    private final String ipa = "valley-ipa-" + UUID.randomUUID();

    private ObjectNode newContract(String ipaId, String from, String to) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", ipaId).put("payer", PAYER).put("templateId", "mssp-basic")
                .put("effectiveFrom", from).put("effectiveTo", to);
        body.putObject("overrides").put("maximumSharingRate", "0.50");
        return body;
    }

    private JsonNode create(ObjectNode body) {
        Reply created = postJson(CONTRACTS, JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonNode addVersion(String contractId, String name, String kind, Object sharingRate, String from, String to) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("kind", kind).put("effectiveFrom", from).put("effectiveTo", to);
        if (sharingRate instanceof String text) {
            body.putObject("overrides").put("maximumSharingRate", text);
        } else if (sharingRate != null) {
            body.putObject("overrides").put("maximumSharingRate", (java.math.BigDecimal) sharingRate);
        }
        Reply added = postJson(CONTRACTS + "/" + contractId + "/versions", JSON.writeValueAsString(body));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(CONTRACTS + "/" + contractId + "/versions/" + added.json().get("id").asString());
        return added.json();
    }

    private String storeValleyFacts() {
        Reply stored = postJson("/api/v1/facts", read("examples/valley-ipa.json"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().get("id").asString();
    }

    @Test
    void aContractIsStoredWithItsFirstVersionHashedAsDocsHashesSays() {
        Reply created = postJson(CONTRACTS, JSON.writeValueAsString(newContract("valley-ipa", "2025-01-01", "2025-12-31")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode contract = created.json();
        String id = contract.at("/contract/id").asString();
        assertThat(created.header("Location")).isEqualTo(CONTRACTS + "/" + id);
        JsonNode first = contract.at("/versions/0");
        assertThat(contract.get("versions")).hasSize(1);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("name").asString()).isEqualTo("initial");
        assertThat(first.get("kind").asString()).isEqualTo("draft");
        assertThat(first.at("/overrides/maximumSharingRate").asString()).isEqualTo("0.50");
        assertThat(first.get("createdBy").asString()).isEqualTo("key:tests, every role");
        // The example of docs/hashes.md, versionHash, written out by hand there.
        String canonical = "{\"effectiveFrom\":\"2025-01-01\",\"effectiveTo\":\"2025-12-31\",\"ipaId\":\"valley-ipa\","
                + "\"overrides\":{\"maximumSharingRate\":0.5},\"payer\":\"Medicare Shared Savings Program\","
                + "\"templateHash\":\"sha256:d7cf71c1653a27eba4aa4665038b21c678bc8781d98fa27cfab2fdb6e03b15a7\","
                + "\"templateId\":\"mssp-basic\"}";
        assertThat(first.get("templateHash").asString())
                .isEqualTo("sha256:d7cf71c1653a27eba4aa4665038b21c678bc8781d98fa27cfab2fdb6e03b15a7");
        assertThat(first.get("versionHash").asString()).isEqualTo(ContentHash.of(canonical));
        assertThat(get(created.header("Location")).json()).isEqualTo(contract);
    }

    @Test
    void versionsAreNumberedInOrderAndTheSameTermsHashTheSameWhateverTheirName() {
        JsonNode contract = create(newContract(ipa, "2025-01-01", "2025-12-31"));
        String id = contract.at("/contract/id").asString();
        // 0.5 as a JSON number is 0.50: the same terms, the same hash, another version all the same.
        JsonNode same = addVersion(id, "Payer's offer", "proposal", new java.math.BigDecimal("0.5"), "2025-01-01", "2025-12-31");
        JsonNode richer = addVersion(id, "Our counter", "proposal", "0.60", "2025-01-01", "2025-12-31");

        assertThat(same.get("number").asInt()).isEqualTo(2);
        assertThat(richer.get("number").asInt()).isEqualTo(3);
        assertThat(same.get("versionHash")).isEqualTo(contract.at("/versions/0/versionHash"));
        assertThat(richer.get("versionHash")).isNotEqualTo(contract.at("/versions/0/versionHash"));
        JsonNode versions = get(CONTRACTS + "/" + id + "/versions").json().get("versions");
        assertThat(versions.valueStream().map(v -> v.get("name").asString()))
                .containsExactly("initial", "Payer's offer", "Our counter");
        assertThat(get(CONTRACTS + "/" + id + "/versions/" + richer.get("id").asString()).json()).isEqualTo(richer);
        assertThat(get(CONTRACTS + "?ipaId=" + ipa).json().get("contracts")).hasSize(1);
        assertThat(get(CONTRACTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get(CONTRACTS + "/" + id + "/versions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void refusedInputNamesTheFieldAndStoresNothing() {
        ObjectNode unknownTerm = newContract(ipa, "2025-01-01", "2025-12-31");
        ((ObjectNode) unknownTerm.get("overrides")).put("generosity", "0.9");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(unknownTerm)), 422, CONTRACTS),
                "/overrides/generosity", "no parameter 'generosity'");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(newContract(ipa, "2025-12-31", "2025-01-01"))),
                422, CONTRACTS), "/effectiveTo", "before it starts");
        ObjectNode unknownTemplate = newContract(ipa, "2025-01-01", "2025-12-31").put("templateId", "mssp-unknown");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(unknownTemplate)), 422, CONTRACTS),
                "/templateId", "mssp-unknown");
        ObjectNode noPayer = newContract(ipa, "2025-01-01", "2025-12-31");
        noPayer.remove("payer");
        assertThat(postJson(CONTRACTS, JSON.writeValueAsString(noPayer)).status()).isEqualTo(400);
        assertThat(get(CONTRACTS + "?ipaId=" + ipa).json().get("contracts")).isEmpty();

        String id = create(newContract(ipa, "2025-01-01", "2025-12-31")).at("/contract/id").asString();
        String versions = CONTRACTS + "/" + id + "/versions";
        // A sharing rate above one is outside the template's allowed range.
        String tooGenerous = "{\"name\":\"x\",\"kind\":\"proposal\",\"overrides\":{\"maximumSharingRate\":\"1.50\"},"
                + "\"effectiveFrom\":\"2025-01-01\",\"effectiveTo\":\"2025-12-31\"}";
        JsonNode errors = assertProblem(postJson(versions, tooGenerous), 422, versions);
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/overrides/maximumSharingRate");
        assertThat(postJson(versions, tooGenerous.replace("proposal", "final")).status()).isEqualTo(400);
        assertThat(get(versions).json().get("versions")).hasSize(1);
    }

    /**
     * commercial-global-budget settles 2024 to 2026: a period from 2026 to 2028 was refused at /effectiveFrom, a year it
     * settles, where it is the period's end that runs past 2026 (found from outside, probe 4 P4). Each refusal points at
     * the end of the period that leaves the template's years.
     */
    @Test
    void aPeriodOutsideTheTemplatesYearsIsRefusedAtTheEndThatLeavesThem() {
        ObjectNode pastTheLast = newContract(ipa, "2026-01-01", "2028-12-31").put("templateId", "commercial-global-budget");
        pastTheLast.remove("overrides");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(pastTheLast)), 422, CONTRACTS),
                "/effectiveTo", "settles performance years 2024 to 2026, not 2027");
        ObjectNode beforeTheFirst = newContract(ipa, "2023-01-01", "2024-12-31").put("templateId", "commercial-global-budget");
        beforeTheFirst.remove("overrides");
        assertThat(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(beforeTheFirst)), 422, CONTRACTS)).isNotEmpty()
                .allSatisfy(error -> {
                    assertThat(error.get("pointer").asString()).isEqualTo("/effectiveFrom");
                    assertThat(error.get("reason").asString()).contains("2023");
                });
        ObjectNode afterTheLast = newContract(ipa, "2027-01-01", "2027-12-31").put("templateId", "commercial-global-budget");
        afterTheLast.remove("overrides");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(afterTheLast)), 422, CONTRACTS),
                "/effectiveFrom", "not 2027");
        assertThat(get(CONTRACTS + "?ipaId=" + ipa).json().get("contracts")).isEmpty();
    }

    /**
     * A scale's rung with a misspelled field was stored (201) and published, and then every evaluation
     * of the version was a 500: a contract and a version are refused at that field and nothing is stored.
     */
    @Test
    void aVersionWithARungMissingAFieldOfItsScaleIsRefusedAndNothingIsStored() {
        ObjectNode contract = newContract(ipa, "2025-01-01", "2025-12-31").put("templateId", "ma-capitation");
        contract.putObject("overrides").putArray("withholdReturnLadder").addObject().put("threshold", "0.5").put("rat", "1");
        JsonNode refused = assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(contract)), 422, CONTRACTS);
        assertThat(refused.valueStream().map(e -> e.get("pointer").asString() + " " + e.get("reason").asString())).containsExactlyInAnyOrder(
                "/overrides/withholdReturnLadder/0/rat is not a field of withholdReturnLadder: its rungs have threshold, rate",
                "/overrides/withholdReturnLadder/0/rate is required");
        assertThat(get(CONTRACTS + "?ipaId=" + ipa).json().get("contracts")).isEmpty();

        ObjectNode valid = newContract(ipa, "2025-01-01", "2025-12-31").put("templateId", "ma-capitation");
        valid.putObject("overrides");
        String id = create(valid).at("/contract/id").asString();
        String versions = CONTRACTS + "/" + id + "/versions";
        String bands = "{\"name\":\"x\",\"kind\":\"proposal\",\"overrides\":{\"corridorBands\":[{\"threshold\":\"0\",\"ipaShareOfGains\":\"1\"}]},"
                + "\"effectiveFrom\":\"2025-01-01\",\"effectiveTo\":\"2025-12-31\"}";
        assertOnlyError(assertProblem(postJson(versions, bands), 422, versions), "/overrides/corridorBands/0/ipaShareOfLosses", "is required");
        assertThat(get(versions).json().get("versions")).hasSize(1);
    }

    /** F10: a version whose withhold return ladder gives back less at a better score is refused at the rung's field. */
    @Test
    void aVersionWhoseLadderFallsIsRefusedAtTheRungAndNothingIsStored() {
        ObjectNode contract = newContract(ipa, "2025-01-01", "2025-12-31").put("templateId", "ma-capitation");
        var ladder = contract.putObject("overrides").putArray("withholdReturnLadder");
        ladder.addObject().put("threshold", "0.50").put("rate", "0.50");
        ladder.addObject().put("threshold", "0.70").put("rate", "0.40");
        assertOnlyError(assertProblem(postJson(CONTRACTS, JSON.writeValueAsString(contract)), 422, CONTRACTS),
                "/overrides/withholdReturnLadder/1/rate", "0.40 (from threshold 0.70) is below rung 0's rate 0.50 (from threshold 0.50)");
        assertThat(get(CONTRACTS + "?ipaId=" + ipa).json().get("contracts")).isEmpty();
    }

    @Test
    void aVersionNamedByIdSettlesAsItsTemplateAndOverridesAndReplaysIdentically() {
        String factsId = storeValleyFacts();
        JsonNode contract = create(newContract("valley-ipa", "2025-01-01", "2025-12-31"));
        String versionId = contract.at("/versions/0/id").asString();

        ObjectNode byVersion = JSON.createObjectNode();
        byVersion.putObject("contract").put("contractVersionId", versionId);
        byVersion.put("factsId", factsId);
        Reply named = postJson("/api/v1/evaluations", JSON.writeValueAsString(byVersion));
        ObjectNode spelledOut = Requests.of("mssp-basic", "valley-ipa");
        ((ObjectNode) spelledOut.get("contract")).putObject("overrides").put("maximumSharingRate", "0.50");
        Reply whole = postJson("/api/v1/evaluations", JSON.writeValueAsString(spelledOut));

        assertThat(named.status()).as(named.body()).isEqualTo(200);
        // The settlement names the version it settled, an unpublished draft, and says so in a finding; apart from that,
        // it is the spelled-out contract's.
        JsonNode inForce = named.json().at("/contract/contractVersion");
        assertThat(inForce.get("id").asString()).isEqualTo(versionId);
        assertThat(inForce.get("versionHash").asString()).isEqualTo(contract.at("/versions/0/versionHash").asString()).startsWith("sha256:");
        assertThat(inForce.at("/standing/inForce").asString()).isEqualTo("unpublished");
        assertThat(whole.json().at("/contract").has("contractVersion")).isFalse();
        ObjectNode withoutVersion = (ObjectNode) named.json().deepCopy();
        ((ObjectNode) withoutVersion.get("contract")).remove("contractVersion");
        assertThat(withoutVersion.at("/findings/0/rule").asString()).isEqualTo(STANDING_RULE);
        ((tools.jackson.databind.node.ArrayNode) withoutVersion.get("findings")).remove(0);
        assertThat(withoutVersion).isEqualTo(whole.json());
        // Stored with the run: its export's answer names the version.
        assertThat(get(named.header("Location") + "/export").json().at("/result/contract/contractVersion")).isEqualTo(inForce);
        JsonNode replay = postJson(named.header("Location") + "/replay", "").json();
        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");

        ObjectNode both = byVersion.deepCopy();
        ((ObjectNode) both.get("contract")).put("templateId", "mssp-basic");
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(both)), 400, "/api/v1/evaluations"),
                "/contract/contractVersionId", "not both");
        ObjectNode unknown = byVersion.deepCopy();
        ((ObjectNode) unknown.get("contract")).put("contractVersionId", UUID.randomUUID().toString());
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(unknown)), 422,
                "/api/v1/evaluations"), "/contract/contractVersionId", "no contract version");
        // A version for 2030 does not cover the 2025 facts.
        String later = addVersion(contract.at("/contract/id").asString(), "2030", "draft", null, "2030-01-01", "2030-12-31")
                .get("id").asString();
        ((ObjectNode) unknown.get("contract")).put("contractVersionId", later);
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(unknown)), 422,
                "/api/v1/evaluations"), "/contract/contractVersionId", "outside the facts' period");
        // An amendment for July to December does not settle the whole year's facts (it did, its terms applied to all 365 days).
        String amendment = addVersion(contract.at("/contract/id").asString(), "From July", "draft", null, "2025-07-01", "2025-12-31")
                .get("id").asString();
        ObjectNode amended = byVersion.deepCopy();
        ((ObjectNode) amended.get("contract")).put("contractVersionId", amendment);
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(amended)), 422,
                "/api/v1/evaluations"), "/contract/contractVersionId", "is effective 2025-07-01 to 2025-12-31 and does not cover"
                + " the facts' period 2025-01-01 to 2025-12-31 (181 of its 365 days are outside it)");
        // Another IPA's contract does not settle valley-ipa's facts (it did, and the run was filed under valley-ipa).
        String othersVersion = create(newContract(ipa, "2025-01-01", "2025-12-31")).at("/versions/0/id").asString();
        ObjectNode others = byVersion.deepCopy();
        ((ObjectNode) others.get("contract")).put("contractVersionId", othersVersion);
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(others)), 422,
                "/api/v1/evaluations"), "/contract/contractVersionId", "is of a contract of the IPA '" + ipa + "', not of 'valley-ipa'");
        // Facts without a start or an end are of their performance year, January to December, as the API document
        // requires only the year (they were a 500): the whole-year version settles them, the amendment does not.
        ObjectNode yearOnly = Requests.of("mssp-basic", "valley-ipa");
        ObjectNode period = (ObjectNode) yearOnly.at("/facts/period");
        period.remove("start");
        period.remove("end");
        ((ObjectNode) yearOnly.get("contract")).removeAll().put("contractVersionId", versionId);
        Reply ofTheYear = postJson("/api/v1/evaluations", JSON.writeValueAsString(yearOnly));
        assertThat(ofTheYear.status()).as(ofTheYear.body()).isEqualTo(200);
        assertThat(ofTheYear.json().get("lines")).isEqualTo(named.json().get("lines"));
        ((ObjectNode) yearOnly.get("contract")).put("contractVersionId", amendment);
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations", JSON.writeValueAsString(yearOnly)), 422,
                "/api/v1/evaluations"), "/contract/contractVersionId", "is effective 2025-07-01 to 2025-12-31 and does not cover"
                + " the facts' period 2025-01-01 to 2025-12-31 (performance year 2025) (181 of its 365 days are outside it)");
        // The check an evaluation makes, validate makes too (it answered 200 with the version's terms).
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations:validate", JSON.writeValueAsString(unknown)), 422,
                "/api/v1/evaluations:validate"), "/contract/contractVersionId", "outside the facts' period");
    }

    /**
     * Facts of a whole 2025 under ma-capitation (an outside tester's, probe 3 F1): 25,680 risk-weighted member months
     * (12,000 x 1.0 + 6,000 x 1.2 + 3,600 x 0.8 + 2,400 x 1.5) and a total cost of care of $26,424,720.00.
     */
    private ObjectNode capitationFacts(String ipaId) {
        ObjectNode facts = JSON.createObjectNode();
        facts.putObject("ipa").put("id", ipaId).put("name", "Probe IPA");
        facts.putObject("period").put("performanceYear", 2025).put("start", "2025-01-01").put("end", "2025-12-31");
        var practices = facts.putArray("practices");
        Object[][] rows = {{"P1", 1000, 12000, "1.0", "12000000", 80, 75}, {"P2", 500, 6000, "1.2", "7700000", 60, 55},
            {"P3", 300, 3600, "0.8", "2924720", 70, 65}, {"P4", 200, 2400, "1.5", "3800000", 70, 65}};
        for (Object[] row : rows) {
            ObjectNode practice = practices.addObject().put("id", (String) row[0]).put("name", row[0] + " practice")
                    .put("attributedMembers", (int) row[1]).put("memberMonths", (int) row[2]).put("averageRiskScore", (String) row[3])
                    .put("totalCostOfCare", (String) row[4]).put("feeScheduleAllowedAmount", "0").put("visits", 0)
                    .put("annualWellnessVisits", 0).put("edVisits", 0).put("inpatientAdmissions", 0);
            var measures = practice.putArray("qualityMeasures");
            measures.addObject().put("measureId", "CBP").put("numerator", (int) row[5]).put("denominator", 100).put("exclusions", 0);
            measures.addObject().put("measureId", "BCS").put("numerator", (int) row[6]).put("denominator", 100).put("exclusions", 0);
        }
        return facts;
    }

    private Reply evaluateVersion(String versionId, ObjectNode facts) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("contract").put("contractVersionId", versionId);
        body.set("facts", facts);
        return postJson("/api/v1/evaluations", JSON.writeValueAsString(body));
    }

    private Reply asIntegrator(String path, String versionId, JsonNode facts) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("contract").put("contractVersionId", versionId);
        body.set("facts", facts);
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header(TestKeys.HEADER, TestKeys.only("integrator")).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /**
     * Found from outside (probe 4, P8): an integrator may not read a contract version (403), but evaluating one by its id
     * answered 200 with every term of it in the settlement's contract, an unpublished negotiator's proposal included.
     * Drafts and proposals are the negotiators' (README, Roles): an integrator evaluates a version that is or was in force
     * (a superseded one still settles the period it governed), and is refused one never published, naming why.
     */
    @Test
    void anIntegratorEvaluatesOnlyVersionsThatAreOrWereInForceNotDraftsOrProposals() {
        JsonNode facts = JSON.readTree(read("examples/valley-ipa.json"));
        JsonNode contract = create(newContract("valley-ipa", "2025-01-01", "2025-12-31"));
        String contractId = contract.at("/contract/id").asString();
        String signed = contract.at("/versions/0/id").asString();
        String proposal = addVersion(contractId, "Our counter", "proposal", "0.60", "2025-01-01", "2025-12-31").get("id").asString();

        for (String path : new String[] {"/api/v1/evaluations", "/api/v1/evaluations:validate"}) {
            for (String version : new String[] {signed, proposal}) {
                Reply refused = asIntegrator(path, version, facts);
                assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().at("/errors/0/pointer").asString()).isEqualTo("/contract/contractVersionId");
                assertThat(refused.json().get("detail").asString()).contains("has never been published",
                        "a caller who may not read contract versions (an integrator) evaluates only versions that are or were in force");
                assertThat(refused.body()).doesNotContain("0.60");
            }
        }
        JsonNode denied = get("/api/v1/audit-events?limit=500&action=denied").json().get("events");
        assertThat(denied).anySatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(403));

        publish(contractId, signed);
        Reply inForce = asIntegrator("/api/v1/evaluations", signed, facts);
        assertThat(inForce.status()).as(inForce.body()).isEqualTo(200);
        assertThat(inForce.json().at("/contract/contractVersion/standing/inForce").asString()).isEqualTo("throughout");
        assertThat(asIntegrator("/api/v1/evaluations", proposal, facts).status()).isEqualTo(403);

        // The proposal signed and published in its place: version 1 governed the year once, so it still settles.
        publish(contractId, proposal);
        Reply superseded = asIntegrator("/api/v1/evaluations", signed, facts);
        assertThat(superseded.status()).as(superseded.body()).isEqualTo(200);
        assertThat(superseded.json().at("/contract/contractVersion/standing/inForce").asString()).isEqualTo("superseded");
        assertThat(asIntegrator("/api/v1/evaluations", proposal, facts).status()).isEqualTo(200);
        // A negotiator evaluates drafts and proposals, as before.
        assertThat(evaluateVersion(addVersion(contractId, "Next offer", "proposal", "0.55", "2025-01-01", "2025-12-31").get("id").asString(),
                (ObjectNode) facts).status()).isEqualTo(200);
    }

    private void publish(String contractId, String versionId) {
        Reply published = send(HttpRequest.newBuilder(URI.create(url(CONTRACTS + "/" + contractId + "/versions/" + versionId + "/publication")))
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    /**
     * Found from outside (probe 3, F1): version 1 of an ma-capitation contract (2025, withholdRate 0.08) published, then
     * version 2 (July to December, capitationPmpm 60) published after it; version 1 evaluated on the whole year settled
     * twelve months at $52 PMPM and was named as `contract.contractVersion`, "which version was in force", with no word
     * that version 2 is in force from July; an unpublished proposal was named the same way. Both are still settled (what
     * a version would pay, or did, is the point of naming one), and the settlement says whether it was in force.
     */
    @Test
    void aSettlementSaysWhetherTheVersionItSettledWasInForceOnTheFactsDays() {
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", ipa).put("payer", "MA plan").put("templateId", "ma-capitation").put("name", "2025 as signed")
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        body.putObject("overrides").put("withholdRate", "0.08");
        JsonNode contract = create(body);
        String contractId = contract.at("/contract/id").asString();
        String signed = contract.at("/versions/0/id").asString();
        ObjectNode facts = capitationFacts(ipa);

        // Version 1 is a draft until published: in force on none of the days, and said so.
        Reply draft = evaluateVersion(signed, facts);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().at("/contract/contractVersion/standing/inForce").asString()).isEqualTo("unpublished");
        assertThat(draft.json().at("/findings/0/explanation").asString()).isEqualTo("Contract version 1 is not published, so it is"
                + " in force on none of the facts' days, 2025-01-01 to 2025-12-31: they are settled here at its terms, as it would"
                + " pay, not at the terms in force on them (no version of the contract is published for them).");

        publish(contractId, signed);
        Reply inForce = evaluateVersion(signed, facts);
        assertThat(inForce.status()).as(inForce.body()).isEqualTo(200);
        JsonNode standing = inForce.json().at("/contract/contractVersion/standing");
        assertThat(standing.get("versionNumber").asInt()).isEqualTo(1);
        assertThat(standing.get("inForce").asString()).isEqualTo("throughout");
        assertThat(standing.get("governedBy")).isEmpty();
        assertThat(inForce.json().get("findings").valueStream().map(f -> f.get("rule").asString()))
                .doesNotContain(STANDING_RULE);
        // Capitation $52.00 x 25,680 risk-weighted member months = $1,335,360.00; 8% withheld, $106,828.80, of which the
        // quality score 50% earns back 50%, $53,414.40: $1,281,945.60. Corridor: target $1,050.00 x 25,680 =
        // $26,964,000.00, cost $26,424,720.00, gain $539,280.00 (2% of the target, all in the first band, kept at 100%).
        // Payer total $1,281,945.60 + $539,280.00 = $1,821,225.60, the tester's.
        assertThat(inForce.json().at("/totals/payerTotal").asString()).isEqualTo("1821225.60");

        ObjectNode amendment = JSON.createObjectNode();
        amendment.put("name", "July amendment").put("kind", "draft").put("effectiveFrom", "2025-07-01").put("effectiveTo", "2025-12-31");
        amendment.putObject("overrides").put("withholdRate", "0.08").put("capitationPmpm", "60.00");
        Reply added = postJson(CONTRACTS + "/" + contractId + "/versions", JSON.writeValueAsString(amendment));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String july = added.json().get("id").asString();
        publish(contractId, july);

        // Version 1 still settles the whole year at its terms (the same $1,821,225.60), and now says that version 2 is in
        // force from July: 184 of the 365 days (July 31, August 31, September 30, October 31, November 30, December 31).
        Reply superseded = evaluateVersion(signed, facts);
        assertThat(superseded.status()).as(superseded.body()).isEqualTo(200);
        assertThat(superseded.json().at("/totals/payerTotal").asString()).isEqualTo("1821225.60");
        standing = superseded.json().at("/contract/contractVersion/standing");
        assertThat(standing.get("inForce").asString()).isEqualTo("superseded");
        assertThat(standing.get("governedBy")).hasSize(1);
        assertThat(standing.at("/governedBy/0/versionId").asString()).isEqualTo(july);
        assertThat(standing.at("/governedBy/0/versionNumber").asInt()).isEqualTo(2);
        assertThat(standing.at("/governedBy/0/from").asString()).isEqualTo("2025-07-01");
        assertThat(standing.at("/governedBy/0/to").asString()).isEqualTo("2025-12-31");
        JsonNode finding = superseded.json().at("/findings/0");
        assertThat(finding.get("rule").asString()).isEqualTo(STANDING_RULE);
        assertThat(finding.get("explanation").asString()).isEqualTo("Contract version 1 is published, but on some of the facts'"
                + " days, 2025-01-01 to 2025-12-31, a version published after it is in force: version 2 on 2025-07-01 to"
                + " 2025-12-31; version 1 on the other 181 days. Every day is settled here at version 1's terms.");

        // A proposal never published is settled for what it would pay, and says which versions are in force instead:
        // $99.00 x 25,680 = $2,542,320.00, the template's 10% withheld ($254,232.00) and half of it returned ($127,116.00):
        // $2,415,204.00, plus the corridor's $539,280.00 = $2,954,484.00, the tester's.
        ObjectNode proposal = JSON.createObjectNode();
        proposal.put("name", "Our ask").put("kind", "proposal").put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        proposal.putObject("overrides").put("capitationPmpm", "99.00");
        Reply proposed = postJson(CONTRACTS + "/" + contractId + "/versions", JSON.writeValueAsString(proposal));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Reply asked = evaluateVersion(proposed.json().get("id").asString(), facts);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().at("/totals/payerTotal").asString()).isEqualTo("2954484.00");
        assertThat(asked.json().at("/contract/contractVersion/standing/inForce").asString()).isEqualTo("unpublished");
        assertThat(asked.json().at("/findings/0/explanation").asString()).isEqualTo("Contract version 3 is not published, so it"
                + " is in force on none of the facts' days, 2025-01-01 to 2025-12-31: they are settled here at its terms, as it"
                + " would pay, not at the terms in force on them (version 1 on 2025-01-01 to 2025-06-30 and version 2 on"
                + " 2025-07-01 to 2025-12-31).");

        // Stored with the run as it was when settled: the run made while version 1 was in force throughout still says so,
        // and replays identical after version 2 was published; so do the others.
        assertThat(get(inForce.header("Location")).json().at("/settlement/contract/contractVersion/standing/inForce").asString())
                .isEqualTo("throughout");
        for (Reply run : List.of(draft, inForce, superseded, asked)) {
            JsonNode replay = postJson(run.header("Location") + "/replay", "").json();
            assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");
        }
    }

    /**
     * A run of a version stored before settlements said the version's standing (its answer without one) replays
     * identical, after an amendment published since has made the version superseded: the standing is the run's, as it
     * stood when the run was made, and none was said then.
     */
    @Test
    void aRunOfAVersionStoredBeforeSettlementsSaidItsStandingReplaysIdentically() {
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", ipa).put("payer", "MA plan").put("templateId", "ma-capitation")
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        JsonNode contract = create(body);
        String contractId = contract.at("/contract/id").asString();
        String signed = contract.at("/versions/0/id").asString();
        publish(contractId, signed);
        ObjectNode amendment = JSON.createObjectNode();
        amendment.put("name", "July amendment").put("kind", "draft").put("effectiveFrom", "2025-07-01").put("effectiveTo", "2025-12-31");
        amendment.putObject("overrides").put("capitationPmpm", "60.00");
        Reply added = postJson(CONTRACTS + "/" + contractId + "/versions", JSON.writeValueAsString(amendment));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        publish(contractId, added.json().get("id").asString());

        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("contractVersionId", signed);
        request.set("facts", capitationFacts(ipa));
        Reply now = postJson("/api/v1/evaluations", JSON.writeValueAsString(request));
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        ObjectNode asStoredBefore = (ObjectNode) now.json().deepCopy();
        ((ObjectNode) asStoredBefore.at("/contract/contractVersion")).remove("standing");
        assertThat(asStoredBefore.at("/findings/0/rule").asString()).isEqualTo(STANDING_RULE);
        ((tools.jackson.databind.node.ArrayNode) asStoredBefore.get("findings")).remove(0);
        org.accord.store.RunSummary run = runs.save(new org.accord.store.NewRun("evaluation", "reviewer", "ma-capitation", ipa, 2025,
                asStoredBefore.get("factsHash").asString(), asStoredBefore.at("/contract/termsHash").asString(),
                asStoredBefore.get("rulesHash").asString(), asStoredBefore.at("/contract/templateHash").asString(),
                JSON.writeValueAsString(request), JSON.writeValueAsString(asStoredBefore)));

        JsonNode replay = postJson("/api/v1/evaluations/" + run.id() + "/replay", "").json();
        assertThat(replay.get("outcome").asString()).as(replay.toString()).isEqualTo("identical");
        assertThat(replay.at("/settlement/contract/contractVersion").has("standing")).isFalse();
    }

    /**
     * A stored version with a budgetPmpm of 0 is refused at the version the request named, saying so: evaluated,
     * validated, compared and swept over other terms (each was refused at /contract/overrides/budgetPmpm or
     * /proposals/0/overrides/budgetPmpm, fields the requests do not have); swept over budgets above 0, it settles.
     */
    @Test
    void aVersionWithABudgetOfZeroIsRefusedAtTheVersionTheRequestNamed() {
        String factsId = storeValleyFacts();
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", "valley-ipa").put("payer", "Commercial").put("templateId", "commercial-global-budget")
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        body.putObject("overrides").put("budgetPmpm", "0");
        String version = create(body).at("/versions/0/id").asString();
        String reason = "the contract version's budgetPmpm is 0: clause global-budget (Global budget) shares a surplus or deficit";

        ObjectNode byVersion = JSON.createObjectNode();
        byVersion.putObject("contract").put("contractVersionId", version);
        byVersion.put("factsId", factsId);
        for (String path : List.of("/api/v1/evaluations", "/api/v1/evaluations:validate")) {
            assertOnlyError(assertProblem(postJson(path, JSON.writeValueAsString(byVersion)), 422, path),
                    "/contract/contractVersionId", reason);
        }

        ObjectNode compare = JSON.createObjectNode();
        compare.put("factsId", factsId);
        compare.putObject("baseline").put("templateId", "commercial-global-budget");
        compare.putArray("proposals").addObject().put("contractVersionId", version);
        assertOnlyError(assertProblem(postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare)), 422,
                "/api/v1/scenarios/compare"), "/proposals/0/contractVersionId", reason);

        ObjectNode sweep = byVersion.deepCopy();
        sweep.putArray("vary").addObject().put("parameter", "surplusShareRate").put("start", "0.4").put("end", "0.6").put("step", "0.1");
        assertOnlyError(assertProblem(postJson("/api/v1/scenarios/sweep", JSON.writeValueAsString(sweep)), 422,
                "/api/v1/scenarios/sweep"), "/contract/contractVersionId", reason);
        ObjectNode budgets = byVersion.deepCopy();
        budgets.putArray("vary").addObject().put("parameter", "budgetPmpm").put("start", "500").put("end", "1000").put("step", "500");
        Reply swept = postJson("/api/v1/scenarios/sweep", JSON.writeValueAsString(budgets));
        assertThat(swept.status()).as(swept.body()).isEqualTo(200);
        assertThat(swept.json().get("points")).hasSize(2);
    }

    @Test
    void versionsAreComparedOnStoredFactsAndPublishingIsAudited() {
        String factsId = storeValleyFacts();
        JsonNode contract = create(newContract("valley-ipa", "2025-01-01", "2025-12-31"));
        String id = contract.at("/contract/id").asString();
        String signed = contract.at("/versions/0/id").asString();
        String counter = addVersion(id, "Our counter", "proposal", "0.60", "2025-01-01", "2025-12-31").get("id").asString();

        ObjectNode compare = JSON.createObjectNode();
        compare.put("factsId", factsId);
        compare.putObject("baseline").put("contractVersionId", signed);
        compare.putArray("proposals").addObject().put("contractVersionId", counter);
        Reply compared = postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare));
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        JsonNode difference = compared.json().at("/proposals/0/termDifferences/0");
        assertThat(difference.get("parameter").asString()).isEqualTo("maximumSharingRate");
        assertThat(difference.get("baselineValue").asString()).isEqualTo("0.50");
        assertThat(difference.get("proposalValue").asString()).isEqualTo("0.60");
        // Each side names the version it is (it named only the template: two drafts read alike).
        assertThat(compared.json().at("/baseline/contractVersion/id").asString()).isEqualTo(signed);
        assertThat(compared.json().at("/proposals/0/contract/contractVersion/id").asString()).isEqualTo(counter);
        assertThat(compared.json().at("/proposals/0/contract/contractVersion/versionHash").asString()).startsWith("sha256:");
        // So does every row of the CSV, after the columns it had (it named neither version).
        Reply table = post("/api/v1/scenarios/compare.csv", "application/json", JSON.writeValueAsBytes(compare));
        assertThat(table.status()).as(table.body()).isEqualTo(200);
        List<String> rows = table.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("proposal,template,kind,scope,clause,item,detail,baselineValue,proposalValue,delta,"
                + "baselineContractVersion,proposalContractVersion");
        assertThat(rows.get(1)).endsWith(",term,,shared-savings,maximumSharingRate,,0.50,0.60,," + signed + "," + counter);
        assertThat(rows.subList(1, rows.size())).hasSizeGreaterThan(1).allSatisfy(row -> assertThat(row).endsWith("," + signed + "," + counter));

        String publication = CONTRACTS + "/" + id + "/versions/" + counter + "/publication";
        Reply refused = send(HttpRequest.newBuilder(URI.create(url(publication))).header(TestKeys.HEADER, TestKeys.only("negotiator"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(403);
        Reply published = send(HttpRequest.newBuilder(URI.create(url(publication))).header(TestKeys.HEADER, TestKeys.only("admin"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("versionId").asString()).isEqualTo(counter);
        assertThat(published.json().get("publishedBy").asString()).isEqualTo("key:tests, admin");

        JsonNode publications = get(CONTRACTS + "/" + id).json().get("publications");
        assertThat(publications).hasSize(1);
        assertThat(publications.get(0).get("versionId").asString()).isEqualTo(counter);
        JsonNode audit = send(HttpRequest.newBuilder(URI.create(url("/api/v1/audit-events?limit=500&action=publishContractVersion")))
                .header(TestKeys.HEADER, TestKeys.only("reviewer")).GET()).json().get("events");
        assertThat(audit).anySatisfy(event -> assertThat(event.get("target").asString()).contains(counter));
    }

    @Test
    void aVersionsDocumentIsItsTemplatesWithItsOverridesInForceHeadedByTheContract() {
        JsonNode contract = create(newContract(ipa, "2025-01-01", "2025-12-31"));
        String id = contract.at("/contract/id").asString();
        String versionId = contract.at("/versions/0/id").asString();
        String document = CONTRACTS + "/" + id + "/versions/" + versionId + "/document";

        Reply markdown = send(HttpRequest.newBuilder(URI.create(url(document))).header(TestKeys.HEADER, TestKeys.only("reviewer")).GET());
        assertThat(markdown.status()).as(markdown.body()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Contract of " + ipa + " with " + PAYER + ", version 1 (initial)\n")
                .contains("| versionHash | `" + contract.at("/versions/0/versionHash").asString() + "` |")
                .contains("| published | no: this draft is not the contract in force for any day |")
                // mssp-basic's maximumSharingRate is 0.40; the contract's 0.50 is in force.
                .contains("| `maximumSharingRate` | 0.50 | 0.40 |")
                .contains("| `maximumSharingRate` | **0.50** (changed; template: 0.40) |");

        Reply published = send(HttpRequest.newBuilder(URI.create(url(CONTRACTS + "/" + id + "/versions/" + versionId + "/publication")))
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Reply html = get(document + "?format=html");
        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>")
                .contains("<td>published</td><td>yes, on " + published.json().get("publishedAt").asString().substring(0, 10)
                        + " by key:tests, admin (publication " + published.json().get("sequence").asLong() + ")");

        JsonNode errors = assertProblem(get(document + "?format=pdf"), 400, document);
        assertThat(errors.get(0).get("parameter").asString()).isEqualTo("format");
        assertThat(errors.get(0).get("reason").asString()).contains("markdown or html");
        assertThat(get(CONTRACTS + "/" + id + "/versions/" + UUID.randomUUID() + "/document").status()).isEqualTo(404);
        Reply integrator = send(HttpRequest.newBuilder(URI.create(url(document))).header(TestKeys.HEADER, TestKeys.only("integrator")).GET());
        assertThat(integrator.status()).isEqualTo(403);
    }

    @Test
    void aVersionsDocumentIsOnTheTemplateItWasMadeOnAfterTheTemplateChanges() {
        String templateId = "doc-basic-" + UUID.randomUUID().toString().substring(0, 8);
        // a published template is self-contained: the shipped one as the catalog composed it
        String basic = new String(org.accord.terms.TemplateCatalog.shippedTexts().get("mssp-basic.yaml"), java.nio.charset.StandardCharsets.UTF_8).replaceFirst("(?m)^id: .*$", "id: " + templateId);
        String first = basic.replaceFirst("(?m)^version: .*$", "version: \"1\"");
        String sharingRate = "      value: \"0.40\"\n    sharingRateBasis:";
        assertThat(first).contains(sharingRate);
        String second = first.replaceFirst("(?m)^version: .*$", "version: \"2\"")
                .replace(sharingRate, "      value: \"0.45\"\n    sharingRateBasis:");
        assertThat(publishTemplate(first).status()).isEqualTo(201);
        JsonNode contract = create(newContract(ipa, "2025-01-01", "2025-12-31").put("templateId", templateId));
        String document = CONTRACTS + "/" + contract.at("/contract/id").asString() + "/versions/"
                + contract.at("/versions/0/id").asString() + "/document";
        assertThat(publishTemplate(second).status()).isEqualTo(201);

        // The service now serves version 2 (0.45); the contract's version was made on version 1 (0.40), read from the store.
        Reply markdown = get(document);
        assertThat(markdown.status()).as(markdown.body()).isEqualTo(200);
        assertThat(markdown.body()).contains("(" + templateId + " 1). **Payer:**")
                .contains("| `maximumSharingRate` | **0.50** (changed; template: 0.40) |");
    }

    private Reply publishTemplate(String yaml) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/contract-templates"))).header("Content-Type", "application/yaml")
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }
}
