package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.accord.content.ContentHash;
import org.accord.store.ContentStore;
import org.accord.testing.LoggedEvents;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Templates and decision tables as data, through the API: an admin uploads a lookup table and a
 * template that answers with it, and an evaluation settles by it at once; anything hostile or
 * broken is a 422 naming the reason, and nothing of it is stored.
 */
class PublishedTemplatesApiTest extends ServerTest {

    static final String FLAT_MSR = "src/test/resources/uploads/flat-msr.dmn";
    static final String FLAT_MSR_TEMPLATE = "src/test/resources/uploads/mssp-basic-flat-msr.yaml";

    @Autowired
    ContentStore content;
    @Autowired
    org.accord.security.AuditLog audit;
    @Autowired
    org.accord.store.TemplateVersions versions;

    private Reply asAdmin(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .header(TestKeys.HEADER, TestKeys.only("admin")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void anUploadedMinimumSavingsRateTableChangesTheSettlementAsDerivedByHand() {
        Reply table = asAdmin("/api/v1/decision-tables", "application/xml", read(FLAT_MSR));
        assertThat(table.status()).as(table.body()).isEqualTo(201);
        String hash = "sha256:ad27e69b0f670d6d983c9749913e229b532a96aeed2c857ad19fdd4a2411f5dd";
        assertThat(table.json().get("hash").asString()).isEqualTo(hash);
        assertThat(table.header("Location")).isEqualTo("/api/v1/decision-tables/" + hash);
        assertThat(get("/api/v1/decision-tables/" + hash).body()).isEqualTo(read(FLAT_MSR));

        Reply published = asAdmin("/api/v1/contract-templates", "application/yaml", read(FLAT_MSR_TEMPLATE));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.header("Location")).isEqualTo("/api/v1/contract-templates/mssp-basic-flat-msr");
        assertThat(published.json().get("hash").asString()).isEqualTo(ContentHash.of(read(FLAT_MSR_TEMPLATE).getBytes(StandardCharsets.UTF_8)));
        assertThat(get("/api/v1/contract-templates").json().get("templates"))
                .anySatisfy(t -> assertThat(t.get("id").asString()).isEqualTo("mssp-basic-flat-msr"));
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", read(FLAT_MSR_TEMPLATE)).status())
                .as("the same bytes again change nothing").isEqualTo(200);

        for (String action : new String[] {"uploadDecisionTable", "publishContractTemplate"}) {
            JsonNode events = get("/api/v1/audit-events?limit=500&action=" + action).json().get("events");
            assertThat(events).as(action).anySatisfy(e -> {
                assertThat(e.get("actor").asString()).isEqualTo("key:tests, admin");
                assertThat(e.get("target").asString()).isIn(table.header("Location"), published.header("Location") + " version 1 "
                        + published.json().get("hash").asString());
                assertThat(e.get("status").asInt()).isEqualTo(201);
            });
        }

        // The small panel (1,310 assigned beneficiaries, cost $15,304,012.48) against a benchmark of
        // $16,000,000.00: savings $695,987.52, a savings rate of 695,987.52 / 16,000,000 = 4.3499%.
        // Shipped table, row 1,000-2,999: MSR = 0.087 + (1,310 - 1,000) / 1,999 x (0.050 - 0.087) = 8.1262%,
        // above 4.3499%: nothing is shared. Uploaded flat table: MSR 1%, below it: savings are shared
        // from the first dollar at 40% = $278,395.008, less 2% sequestration = $272,827.10784, within the
        // limit of 10% of the benchmark ($1,600,000): $272,827.11 (HALF_EVEN at the payable amount).
        JsonNode shipped = postJson("/api/v1/evaluations", withBenchmark("mssp-basic", "16000000.00")).json();
        JsonNode negotiated = postJson("/api/v1/evaluations", withBenchmark("mssp-basic-flat-msr", "16000000.00")).json();

        assertThat(sharedSavings(shipped).get("amount").asString()).isEqualTo("0.00");
        assertThat(sharedSavings(shipped).at("/basis/minimumSavingsRate").asString()).startsWith("0.0812621");
        assertThat(shipped.at("/totals/ipaPool").asString()).isEqualTo("0.00");
        assertThat(sharedSavings(negotiated).get("amount").asString()).isEqualTo("272827.11");
        assertThat(sharedSavings(negotiated).at("/basis/minimumSavingsRate").asString()).startsWith("0.01");
        assertThat(sharedSavings(negotiated).at("/basis/savings").asString()).isEqualTo("695987.52");
        assertThat(negotiated.at("/totals/ipaPool").asString()).isEqualTo("272827.11");
        assertThat(negotiated.at("/contract/templateHash").asString()).isEqualTo(published.json().get("hash").asString());
    }

    /**
     * A restart takes published templates back in the order their bytes were first stored; publishing an older
     * version's bytes again put it in force until the next restart, which brought back the newer one. So it is
     * refused, and the version in force is the same before and after a restart.
     */
    @Test
    void aReplacedVersionIsNotPublishedAgainAndARestartKeepsTheVersionInForce() {
        asAdmin("/api/v1/decision-tables", "application/xml", read(FLAT_MSR));
        String first = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: restart-keeps-this");
        String second = first.replace("version: \"1\"", "version: \"2\"");
        assertThat(second).isNotEqualTo(first);
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", first).status()).isEqualTo(201);
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", second).status()).isEqualTo(201);

        Reply again = asAdmin("/api/v1/contract-templates", "application/yaml", first);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("replaced by version 2");
        assertThat(get("/api/v1/contract-templates/restart-keeps-this").json().get("version").asString()).isEqualTo("2");

        org.accord.evaluation.EvaluationService restarted = org.accord.evaluation.EvaluationService.load();
        new PublishedTemplates(restarted, content, "", java.time.Duration.ofSeconds(30), audit, versions);
        assertThat(restarted.templates().find("restart-keeps-this").orElseThrow().version()).isEqualTo("2");
    }

    /** A payer's capitation template under its own id, at a version and a capitation PMPM. */
    static String payerCapitation(String id, String version, String capitationPmpm) {
        String text = read("src/test/resources/uploads/payer-capitation.yaml");
        for (String[] change : new String[][] {{"id: payer-capitation", "id: " + id}, {"version: '1'", "version: '" + version + "'"},
                {"value: '52.00'", "value: '" + capitationPmpm + "'"}}) {
            assertThat(text.split(java.util.regex.Pattern.quote(change[0]), -1)).as(change[0]).hasSize(2);
            text = text.replace(change[0], change[1]);
        }
        return text;
    }

    /** The audit log's publications of templates whose target is this template's address and more, newest first. */
    private java.util.List<JsonNode> publicationsAudited(String id) {
        JsonNode events = get("/api/v1/audit-events?limit=500&action=publishContractTemplate").json().get("events");
        return Stream.of(JSON.convertValue(events, JsonNode[].class))
                .filter(e -> e.get("target").asString().startsWith("/api/v1/contract-templates/" + id + " ")).toList();
    }

    /**
     * A template's publication is audited naming its id, its version and its text's hash, as a run's or a table's event names
     * what it made: it named the template's address alone, which every version of the id shares, so a reviewer could not
     * tell which text an admin put in force. The same bytes again (200) and other content under the version (409) are said
     * alike, by what was sent.
     */
    @Test
    void aPublicationIsAuditedNamingTheTemplateItsVersionAndItsTextsHash() {
        String id = "audited-publication";
        String first = payerCapitation(id, "1", "60.00");
        String other = payerCapitation(id, "1", "70.00");
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", first).status()).isEqualTo(201);
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", first).status()).isEqualTo(200);
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", other).status()).isEqualTo(409);

        String address = "/api/v1/contract-templates/" + id;
        assertThat(publicationsAudited(id)).extracting(e -> e.get("status").asInt() + " " + e.get("target").asString())
                .containsExactly("409 " + address + " version 1 " + ContentHash.of(other.getBytes(StandardCharsets.UTF_8)),
                        "200 " + address + " version 1 " + ContentHash.of(first.getBytes(StandardCharsets.UTF_8)),
                        "201 " + address + " version 1 " + ContentHash.of(first.getBytes(StandardCharsets.UTF_8)));
        assertThat(publicationsAudited(id)).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("key:tests, admin"));
    }

    /**
     * A template of the operator's folder is published when a start first stores it: that is audited as an admin's
     * publication is, by the folder, naming the id, the version and the hash; a later start that finds it stored publishes
     * nothing new and says nothing. No publication from the folder was in the log.
     */
    @Test
    void aTemplateFirstPublishedFromTheOperatorsFolderIsAuditedNamingItsVersionAndHash(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        String id = "audited-folder-template";
        String text = payerCapitation(id, "3", "60.00");
        java.nio.file.Files.writeString(folder.resolve("payer.yaml"), text);

        for (int start = 0; start < 2; start++) {
            new PublishedTemplates(org.accord.evaluation.EvaluationService.load(), content, folder.toString(), java.time.Duration.ofSeconds(30),
                    audit, versions);
        }

        assertThat(publicationsAudited(id)).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asString()).isEqualTo("folder:" + folder);
            assertThat(e.get("target").asString()).isEqualTo("/api/v1/contract-templates/" + id + " version 3 "
                    + ContentHash.of(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.get("status").asInt()).isEqualTo(201);
        });
    }

    /**
     * A template's id and version are at most 200 characters, the length the store names them by (a run's and a contract's
     * template id, a published version's label): a longer one was published (201), and no run of it could be stored.
     */
    @Test
    void aTemplateIdOrVersionLongerThanTheStoreNamesThemByIsRefused() {
        String longId = "long-" + "d".repeat(196);
        String longVersion = "2026-" + "9".repeat(196);

        Reply id = asAdmin("/api/v1/contract-templates", "application/yaml", payerCapitation(longId, "1", "60.00"));
        Reply version = asAdmin("/api/v1/contract-templates", "application/yaml", payerCapitation("long-version", longVersion, "60.00"));

        assertThat(id.status()).as(id.body()).isEqualTo(422);
        assertThat(id.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/id");
            assertThat(e.get("reason").asString()).contains("200");
        });
        assertThat(version.status()).as(version.body()).isEqualTo(422);
        assertThat(version.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/version");
            assertThat(e.get("reason").asString()).contains("200");
        });
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", payerCapitation("d".repeat(200), "9".repeat(200), "60.00"))
                .status()).as("200 characters each").isEqualTo(201);
    }

    /**
     * Version 2 at $60.00 PMPM, replaced by 10 and then 9, was published again at $90.00 (201), and runs made under either
     * text said "pc 2": the same version with other content was refused only against the version in force (found from
     * outside, probe 4 P2). A version names one text for good, whatever was published since, also after a restart.
     */
    @Test
    void aVersionNamesOneTextForGoodAlsoAfterOtherVersionsReplacedIt() {
        String id = "one-text-per-version";
        String two = payerCapitation(id, "2", "60.00");
        for (String text : new String[] {two, payerCapitation(id, "10", "70.00"), payerCapitation(id, "9", "80.00")}) {
            Reply published = asAdmin("/api/v1/contract-templates", "application/yaml", text);
            assertThat(published.status()).as(published.body()).isEqualTo(201);
        }
        String otherTwo = payerCapitation(id, "2", "90.00");

        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", otherTwo);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("template '" + id + "' version 2 was published before with other"
                + " content (" + ContentHash.of(two.getBytes(StandardCharsets.UTF_8)) + "), since replaced by version 9: a version names"
                + " one text for good; give a changed template a new version");
        assertThat(content.get(ContentHash.of(otherTwo.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        JsonNode inForce = get("/api/v1/contract-templates/" + id).json();
        assertThat(inForce.get("version").asString()).isEqualTo("9");

        org.accord.evaluation.EvaluationService restarted = org.accord.evaluation.EvaluationService.load();
        PublishedTemplates afterRestart = new PublishedTemplates(restarted, content, "", java.time.Duration.ofSeconds(30), audit, versions);
        assertThat(restarted.templates().find(id).orElseThrow().version()).isEqualTo("9");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> afterRestart.publish(otherTwo.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PublishedTemplates.IdTaken.class).hasMessageContaining("version 2 was published before with other content");
    }

    /**
     * The operator's folder is read at every start: a file changed without a new version would have put other terms in
     * force under the label stored runs name. The start is refused, naming the file and the text stored first.
     */
    @Test
    void aFolderTemplateChangedUnderTheSameVersionIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        String id = "folder-one-text-per-version";
        String first = payerCapitation(id, "1", "60.00");
        java.nio.file.Path file = folder.resolve("payer.yaml");
        java.nio.file.Files.writeString(file, first);
        new PublishedTemplates(org.accord.evaluation.EvaluationService.load(), content, folder.toString(), java.time.Duration.ofSeconds(30), audit, versions);
        java.nio.file.Files.writeString(file, payerCapitation(id, "1", "90.00"));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> new PublishedTemplates(
                org.accord.evaluation.EvaluationService.load(), content, folder.toString(), java.time.Duration.ofSeconds(30), audit, versions));

        assertThat(refused).isInstanceOf(org.accord.validation.InvalidInputException.class);
        assertThat(((org.accord.validation.InvalidInputException) refused).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo(file.toString());
            assertThat(problem.reason()).isEqualTo("template '" + id + "' version 1 was published before with other content ("
                    + ContentHash.of(first.getBytes(StandardCharsets.UTF_8)) + "): a version names one text for good; give a changed"
                    + " template a new version");
        });
        java.nio.file.Files.writeString(file, payerCapitation(id, "2", "90.00"));
        org.accord.evaluation.EvaluationService withNewVersion = org.accord.evaluation.EvaluationService.load();
        new PublishedTemplates(withNewVersion, content, folder.toString(), java.time.Duration.ofSeconds(30), audit, versions);
        assertThat(withNewVersion.templates().find(id).orElseThrow().version()).as("the same change under a new version").isEqualTo("2");
    }

    /**
     * A capitation of -$10.00 PMPM (from -100) was published (201) and settled "Capitation -$54,646.80" with a withhold
     * paid to the practice (found from outside, probe 4 P6): refused at the template's bound and value, nothing stored.
     */
    @Test
    void anUploadedCapitationBelowNothingIsRefusedAtItsBoundAndValueAndNothingIsStored() {
        String negative = payerCapitation("negative-capitation", "1", "-10")
                .replace("minimum: '0'\n      maximum: '5000'", "minimum: '-100'\n      maximum: '5000'");
        assertThat(negative).contains("minimum: '-100'");

        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", negative);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("/clauses/2/parameters/capitationPmpm/minimum", "/clauses/2/parameters/capitationPmpm/value");
        assertThat(content.get(ContentHash.of(negative.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(get("/api/v1/contract-templates/negative-capitation").status()).isEqualTo(404);
    }

    /**
     * A template whose own gates for HBD-POOR (poor HbA1c control, better lower) were written in the higher-is-better
     * order was published (201), as an override of them would have been refused: refused at the gate, nothing stored.
     */
    @Test
    void anUploadWhoseGatesTurnAnInverseMeasureAroundIsRefusedAtTheGateAndNothingIsStored() {
        String turned = payerCapitation("turned-gates", "1", "52.00").replace("""
                        CBP:
                          direction: higher-is-better
                """, """
                        HBD-POOR:
                          direction: lower-is-better
                """);
        assertThat(turned).contains("HBD-POOR:\n          direction: lower-is-better\n          gates:\n          - '0.60'\n          - '0.70'");

        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", turned);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactly("/clauses/0/parameters/measureGates/value/HBD-POOR/gates/1");
        assertThat(content.get(ContentHash.of(turned.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(get("/api/v1/contract-templates/turned-gates").status()).isEqualTo(404);
    }

    /**
     * A template declared the elected minimum savings rate from 0 to 0.122 where its concept allows 0, 0.005, 0.01, 0.015
     * and 0.02 only, and was published: a negotiator read 0.122 and was refused every value above 0.02. Refused at the
     * template's bound, naming the elections.
     */
    @Test
    void anUploadedRangeBeyondTheValuesItsConceptAllowsIsRefusedAtTheBound() {
        String wide = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: beyond-the-elections")
                .replace("maximum: \"0.02\"\n        value: \"0.02\"", "maximum: \"0.122\"\n        value: \"0.02\"");
        assertThat(wide).contains("maximum: \"0.122\"");

        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", wide);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("pointer").asString() + " " + e.get("reason").asString()))
                .containsExactly("/clauses/2/parameters/electedMinimumSavingsRate/maximum clause shared-savings parameter"
                        + " electedMinimumSavingsRate maximum: 0.122 is above 0.02, the largest of the values electedMinimumSavingsRate"
                        + " may take in any contract of concept shared-savings: 0, 0.005, 0.01, 0.015, 0.02"
                        + " (rules/payment/shared-savings.concept.yaml)");
        assertThat(content.get(ContentHash.of(wide.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    /**
     * A stored upload published before a check that refuses it now was dropped at start without a word: its id answered
     * "no template" and nothing said why. It stays stored for its runs, is not published, and the start says so.
     */
    @Test
    void aStoredUploadThatNoLongerPassesIsSaidAtStartNotDroppedSilently() {
        String stale = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: published-before-the-check")
                .replace("maximum: \"0.02\"\n        value: \"0.02\"", "maximum: \"0.122\"\n        value: \"0.02\"");
        String hash = content.put(org.accord.store.ContentKind.TEMPLATE, stale.getBytes(StandardCharsets.UTF_8));

        org.accord.evaluation.EvaluationService restarted = org.accord.evaluation.EvaluationService.load();
        PublishedTemplates published = new PublishedTemplates(restarted, content, "", java.time.Duration.ofSeconds(30), audit, versions);

        assertThat(restarted.templates().find("published-before-the-check")).isEmpty();
        assertThat(published.notPublished()).hasEntrySatisfying("published-before-the-check", reason -> assertThat(reason)
                .startsWith("stored template published-before-the-check (" + hash + ") is not published: it no longer passes the checks"
                        + " a template is published with:")
                .contains("/clauses/2/parameters/electedMinimumSavingsRate/maximum", "0.122 is above 0.02"));
        assertThat(published.notPublished()).doesNotContainKeys("mssp-basic", "mssp-basic-flat-msr");
    }

    /**
     * A contract version made on a template version since replaced is still settled on the template it was made
     * on, so it is put in force as any other (it was refused with a 409, "which this service no longer serves";
     * RepublishedTemplateApiTest settles such versions).
     */
    @Test
    void aVersionMadeOnAReplacedTemplateIsStillPublished() {
        asAdmin("/api/v1/decision-tables", "application/xml", read(FLAT_MSR));
        String first = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: replaced-under-a-version");
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", first).status()).isEqualTo(201);
        Reply contract = asAdmin("/api/v1/contracts", "application/json", "{\"ipaId\":\"valley-ipa\",\"payer\":\"P\","
                + "\"templateId\":\"replaced-under-a-version\",\"effectiveFrom\":\"2025-01-01\",\"effectiveTo\":\"2025-12-31\"}");
        assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        String publication = contract.header("Location") + "/versions/" + contract.json().at("/versions/0/id").asString() + "/publication";
        assertThat(asAdmin("/api/v1/contract-templates", "application/yaml", first.replace("version: \"1\"", "version: \"2\"")).status())
                .isEqualTo(201);

        Reply published = send(HttpRequest.newBuilder(URI.create(url(publication))).header(TestKeys.HEADER, TestKeys.only("admin"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(get(contract.header("Location")).json().get("publications")).hasSize(1);
    }

    private static String withBenchmark(String templateId, String benchmark) {
        tools.jackson.databind.node.ObjectNode request = Requests.of(templateId, "small-panel");
        ((tools.jackson.databind.node.ObjectNode) request.get("facts").get("period")).put("benchmarkExpenditure", benchmark);
        return request.toString();
    }

    /** The IPA's shared-savings line that weighs the savings rate against the minimum savings rate. */
    private static JsonNode sharedSavings(JsonNode settlement) {
        for (JsonNode line : settlement.get("lines")) {
            // The line that compares the savings rate with the minimum savings rate: it pays, or finds nothing is paid.
            if ("shared-savings".equals(line.get("clause").asString()) && line.get("basis").has("savingsRate")
                    && line.get("basis").has("minimumSavingsRate")) {
                return line;
            }
        }
        throw new AssertionError("no shared-savings line in " + settlement.get("lines"));
    }

    @Test
    void anExternalEntityIsRefusedWith422AndNothingIsStored() {
        String xxe = read(FLAT_MSR).replace("<definitions", "<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<definitions");
        Reply refused = asAdmin("/api/v1/decision-tables", "application/xml", xxe);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/location").asString()).isEqualTo("xml");
        assertThat(refused.json().at("/errors/0/reason").asString()).contains("document type declaration (DTD) is not accepted");
        assertThat(content.get(ContentHash.of(xxe.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void anOverlappingTableIsRefusedWith422AndNothingIsStored() {
        String overlapping = read(FLAT_MSR).replace("</rule>\n", "</rule>\n" + read(FLAT_MSR).substring(
                read(FLAT_MSR).indexOf("      <rule id=\"flat_rule_1\">"), read(FLAT_MSR).indexOf("</rule>") + "</rule>\n".length())
                .replace("flat_r", "second_r").replace("flat_rule_1", "second_rule"));
        Reply refused = asAdmin("/api/v1/decision-tables", "application/xml", overlapping);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).containsIgnoringCase("overlap");
        assertThat(content.get(ContentHash.of(overlapping.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    /** The probe's cells: a minimum savings rate of 1% until the given moment and 5% after it, on the same inputs. */
    private static final String CLOCK_CELL = "if Assigned beneficiaries &gt;= 0 and now() &gt; date and time(\"2026-12-05T15:19:18Z\")"
            + " then 0.05 else 0.01";

    private static String flatMsrReadingTheClock() {
        return read(FLAT_MSR).replace("<outputEntry id=\"flat_r1_o2\"><text>0.01</text>", "<outputEntry id=\"flat_r1_o2\"><text>" + CLOCK_CELL + "</text>")
                .replace("<outputEntry id=\"flat_r1_o3\"><text>0.01</text>", "<outputEntry id=\"flat_r1_o3\"><text>" + CLOCK_CELL + "</text>");
    }

    /**
     * A table whose answer reads the clock settled the same request, under the same hashes, at $194,427.11 before its
     * moment and $0.00 after it (found from outside): it is refused at upload, naming each cell.
     */
    @Test
    void aTableThatReadsTheClockIsRefusedWith422NamingTheCellAndNothingIsStored() {
        String clock = flatMsrReadingTheClock();
        Reply refused = asAdmin("/api/v1/decision-tables", "application/xml", clock);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/location").asString())
                .isEqualTo(MSR_DECISION + ", rule 1 (id flat_rule_1), output 3 ('rate at range start')");
        assertThat(refused.json().at("/errors/1/location").asString())
                .isEqualTo(MSR_DECISION + ", rule 1 (id flat_rule_1), output 4 ('rate at range end')");
        assertThat(refused.json().at("/errors/0/reason").asString()).contains("reads the clock (now()",
                "a table's answer must depend on its inputs alone");
        assertThat(content.get(ContentHash.of(clock.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    /** A table stored before the check stays stored, but its templates are not published, and the start says why. */
    @Test
    void aStoredTableThatReadsTheClockIsSaidAtStartAndItsTemplateIsNotPublished() {
        String tableHash = content.put(org.accord.store.ContentKind.DECISION_TABLE, flatMsrReadingTheClock().getBytes(StandardCharsets.UTF_8));
        String template = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: reads-the-clock")
                .replace(ContentHash.of(read(FLAT_MSR).getBytes(StandardCharsets.UTF_8)), tableHash);
        assertThat(template).contains(tableHash);
        String templateHash = content.put(org.accord.store.ContentKind.TEMPLATE, template.getBytes(StandardCharsets.UTF_8));

        org.accord.evaluation.EvaluationService restarted = org.accord.evaluation.EvaluationService.load();
        PublishedTemplates published = new PublishedTemplates(restarted, content, "", java.time.Duration.ofSeconds(30), audit, versions);

        assertThat(restarted.customTables().find(tableHash)).isEmpty();
        assertThat(restarted.templates().find("reads-the-clock")).isEmpty();
        assertThat(published.notPublished()).hasEntrySatisfying("reads-the-clock", reason -> assertThat(reason)
                .startsWith("stored template reads-the-clock (" + templateHash + ") is not published: its decision table " + tableHash)
                .contains("no longer passes the checks a table is uploaded with", "rule 1 (id flat_rule_1), output 3", "reads the clock"));
    }

    static final String MSR_DECISION = "decision 'Which minimum savings rate range applies to this many assigned beneficiaries?'";

    /** The flat table with one mistake each: its name, the model, where the refusal says it is, and what it quotes. */
    static Stream<Arguments> tablesWithAMistake() {
        String flat = read(FLAT_MSR);
        return Stream.of(
                Arguments.of("a FEEL syntax error in an input entry",
                        flat.replace("<inputEntry id=\"flat_r1_i0\"><text>-</text>", "<inputEntry id=\"flat_r1_i0\"><text>&gt;= 0.5 and</text>"),
                        MSR_DECISION + ", rule 1 (id flat_rule_1), input 1 ('Assigned beneficiaries')",
                        "the input entry '>= 0.5 and' is not valid FEEL: syntax error near 'and'"),
                Arguments.of("a FEEL syntax error in an output entry",
                        flat.replace("id=\"flat_r1_o2\"><text>0.01</text>", "id=\"flat_r1_o2\"><text>0.6 +</text>"),
                        MSR_DECISION + ", rule 1 (id flat_rule_1), output 3 ('rate at range start')",
                        "the output entry '0.6 +' is not valid FEEL: the text ends where more is expected"),
                Arguments.of("a FEEL syntax error in an input expression",
                        flat.replace("<text>Assigned beneficiaries</text></inputExpression>", "<text>Assigned beneficiaries *</text></inputExpression>"),
                        MSR_DECISION + ", input 1 ('Assigned beneficiaries'), input expression",
                        "the input expression 'Assigned beneficiaries *' is not valid FEEL: syntax error near '*'"),
                Arguments.of("a FEEL syntax error in a literal expression",
                        flat.replace("  <dmndi:DMNDI>", """
                                  <decision id="note" name="Note"><variable id="note_var" name="Note" typeRef="string"/>
                                    <literalExpression id="note_text"><text>"rate " +</text></literalExpression></decision>
                                  <dmndi:DMNDI>"""),
                        "decision 'Note', literal expression",
                        "the literal expression '\"rate \" +' is not valid FEEL: the text ends where more is expected"),
                Arguments.of("an unknown type",
                        flat.replace("name=\"Assigned beneficiaries\" typeRef=\"tBeneficiaries\"", "name=\"Assigned beneficiaries\" typeRef=\"tPatients\""),
                        "input data 'Assigned beneficiaries', variable",
                        "Unable to resolve type reference 'tPatients'"),
                // Accepted with 201, then every evaluation under a template naming it was a 500 (ClassCastException).
                Arguments.of("a string where the table declares a number",
                        flat.replace("id=\"flat_r1_o2\"><text>0.01</text>", "id=\"flat_r1_o2\"><text>\"two percent\"</text>"),
                        MSR_DECISION + ", rule 1 (id flat_rule_1), output 3 ('rate at range start')",
                        "the output entry '\"two percent\"' is a string where the table declares number"),
                // Accepted with 201, then every evaluation was a 500 (NullPointerException).
                Arguments.of("a null where the table declares a number",
                        flat.replace("id=\"flat_r1_o3\"><text>0.01</text>", "id=\"flat_r1_o3\"><text>null</text>"),
                        MSR_DECISION + ", rule 1 (id flat_rule_1), output 4 ('rate at range end')",
                        "the output entry 'null' is null where the table declares number"),
                Arguments.of("an undeclared name in an input entry",
                        flat.replace("<inputEntry id=\"flat_r1_i0\"><text>-</text>", "<inputEntry id=\"flat_r1_i0\"><text>&gt;= threshold</text>"),
                        MSR_DECISION + ", rule 1 (id flat_rule_1), input 1 ('Assigned beneficiaries')",
                        "the input entry '>= threshold' names what the model does not declare: Unknown variable 'threshold'"),
                Arguments.of("an undeclared name of several words",
                        flat.replace("<text>Assigned beneficiaries</text></inputExpression>", "<text>Assigned members</text></inputExpression>"),
                        MSR_DECISION + ", input 1 ('Assigned beneficiaries'), input expression",
                        "the input expression 'Assigned members' names what the model does not declare: Unknown variable 'Assigned members'"),
                Arguments.of("a decision answered by a context",
                        read("src/test/resources/uploads/refused/boxedcontext.dmn"),
                        MSR_DECISION,
                        "is answered by a context, not a decision table"));
    }

    /**
     * A broken table is the client's mistake: it was refused with the compiler's "Compiled model is null!" or an
     * element id for a place, and the service logged the compiler's ERROR (with a stack trace for some shapes).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithAMistake")
    void aTableWithAMistakeIsRefusedNamingThePlaceAndTheTextAndNothingIsStored(String mistake, String table, String place, String reason) {
        Reply refused = asAdmin("/api/v1/decision-tables", "application/xml", table);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("1 problem in the request");
        assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("location").asString()).isEqualTo(place);
            assertThat(error.get("reason").asString()).contains(reason);
        });
        assertThat(content.get(ContentHash.of(table.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithAMistake")
    void aTableWithAMistakeLogsNoError(String mistake, String table, String place, String reason) {
        LoggedEvents<Reply> upload = LoggedEvents.during(() -> asAdmin("/api/v1/decision-tables", "application/xml", table));
        assertThat(upload.result().status()).isEqualTo(422);
        assertThat(upload.atLeastOrWithATrace(Level.WARN)).isEmpty();
    }

    /**
     * A cell computed from an input cannot be judged at upload without evaluating the table for every input; the
     * answer is checked instead. A wrong-typed answer was a 500 with a ClassCastException logged at ERROR.
     */
    @Test
    void aTableAnsweringAStringForARateIsA422NamingTheTableAndTheValueAndLogsNoError() {
        String table = read(FLAT_MSR).replace("id=\"flat_r1_o2\"><text>0.01</text>",
                "id=\"flat_r1_o2\"><text>if Assigned beneficiaries &gt; 1000 then \"two percent\" else 0.01</text>");
        Reply published = publishedWithTable("mssp-basic-string-msr", table);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        LoggedEvents<Reply> evaluation = LoggedEvents.during(() -> postJson("/api/v1/evaluations", withBenchmark("mssp-basic-string-msr", "16000000.00")));
        Reply refused = evaluation.result();
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("decision table 'Minimum savings rate by assigned population'"
                + " answered the string \"two percent\" for 'rate at range start', where the table declares number;"
                + " no settlement is made with it");
        assertThat(evaluation.atLeastOrWithATrace(Level.ERROR)).isEmpty();
    }

    /**
     * A table declaring a narrower range for its input than the shipped table: upload finds no gap within the declared
     * range, so the table is accepted, but a template answering with it is refused at publication. It was published,
     * and an IPA of 6,000 beneficiaries then found no rule at every evaluation (a 422 naming the table; that refusal
     * is still tested on a replacement built directly: CustomDecisionTableTest.NoAnswer, JobsTest).
     */
    @Test
    void aTemplateAnsweringWithATableDeclaringFewerBeneficiariesThanTheShippedOneIsA422AndNothingIsPublished() {
        String table = read("src/test/resources/uploads/msr-up-to-5000.dmn");
        Reply refused = publishedWithTable("mssp-basic-msr-up-to-5000", table);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("pointer").asString()).isEqualTo("/decisionTables/Minimum savings rate by assigned population");
            assertThat(error.get("reason").asString()).isEqualTo("the table declares Assigned beneficiaries as [0..5000];"
                    + " the rules consult it with any value the shipped table allows (>= 0), and the gap analysis covers only the"
                    + " values the table declares, so Assigned beneficiaries > 5000 would have no rule: declare at least >= 0");
        });
        assertThat(content.get(ContentHash.of(templateWithTable("mssp-basic-msr-up-to-5000", table).getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(get("/api/v1/contract-templates/mssp-basic-msr-up-to-5000").status()).isEqualTo(404);
    }

    /**
     * Answers a one-sided contract cannot settle: a minimum savings rate below zero (the flat table's 1% made -2%)
     * settled the small panel's savings as -$207,879.28 and charged the IPA $81,488.68 under BASIC level A, which owes
     * no losses (found from outside); a range that leaves out the IPA's count (0 to 1,000 beneficiaries, 3% to 1%)
     * would extrapolate the rate below zero. Each is now a 422 naming the table.
     */
    @Test
    void aTableAnsweringARateBelowZeroOrARangeWithoutTheIpasCountIsA422NamingTheTable() {
        String flat = read("src/test/resources/uploads/flat-msr.dmn");
        assertThat(evaluatedWithTable("mssp-basic-negative-msr", flat.replace("id=\"flat_r1_o2\"><text>0.01</text>",
                "id=\"flat_r1_o2\"><text>-0.02</text>")).json().get("detail").asString())
                .isEqualTo("decision table 'Minimum savings rate by assigned population' answered '-0.02' for 'rate at range start',"
                        + " where the shipped table it replaces allows [0..1]; no settlement is made with it");
        Reply outside = evaluatedWithTable("mssp-basic-range-without-the-count", flat
                .replace("id=\"flat_r1_o1\"><text>1000000</text>", "id=\"flat_r1_o1\"><text>1000</text>")
                .replace("id=\"flat_r1_o2\"><text>0.01</text>", "id=\"flat_r1_o2\"><text>0.03</text>"));
        assertThat(outside.json().get("detail").asString()).startsWith("decision table 'Minimum savings rate by assigned population'"
                + " answered the range from 0 to 1000 for Assigned beneficiaries ").endsWith(", which that range does not hold; no settlement is made with it");
    }

    /** Uploads the table and publishes the flat-rate template under a new id, answering with the table: the publication's reply. */
    private Reply publishedWithTable(String templateId, String table) {
        assertThat(asAdmin("/api/v1/decision-tables", "application/xml", table).status()).isIn(200, 201);
        return asAdmin("/api/v1/contract-templates", "application/yaml", templateWithTable(templateId, table));
    }

    /** The flat-rate template under a new id, answering with the table. */
    private static String templateWithTable(String templateId, String table) {
        return read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: " + templateId)
                .replaceAll("sha256:[0-9a-f]{64}", ContentHash.of(table.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A cell that cannot be evaluated for the IPA's count (a division by zero): the 422 names the table and why, and
     * the log holds the one WARN line; KIE logged three ERROR lines of its own besides (found from outside).
     */
    @Test
    void aCellThatFailsForTheIpasCountIsA422AndLogsNoError() {
        String failing = read("src/test/resources/uploads/flat-msr.dmn").replace("id=\"flat_r1_o2\"><text>0.01</text>",
                "id=\"flat_r1_o2\"><text>0.01 / (Assigned beneficiaries - Assigned beneficiaries)</text>");
        LoggedEvents<Reply> evaluation = LoggedEvents.during(() -> evaluatedWithTable("mssp-basic-failing-cell", failing));
        assertThat(evaluation.result().json().get("detail").asString()).startsWith("decision table 'Minimum savings rate by assigned"
                + " population' could not answer for Assigned beneficiaries ");
        assertThat(evaluation.atLeastOrWithATrace(Level.ERROR)).isEmpty();
        assertThat(evaluation.at(Level.WARN)).anySatisfy(message -> assertThat(message).contains("could not answer for Assigned beneficiaries"));
    }

    /** Publishes the flat-rate template answering with the table under a new id and evaluates the small panel with it: a 422. */
    private Reply evaluatedWithTable(String templateId, String table) {
        Reply published = publishedWithTable(templateId, table);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Reply refused = postJson("/api/v1/evaluations", Requests.of(templateId, "small-panel").toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:accord:problem:decision-table");
        return refused;
    }

    /** The flat table made to fail for any IPA's count: a cell dividing by zero. */
    private static String failingCell() {
        return read(FLAT_MSR).replace("id=\"flat_r1_o2\"><text>0.01</text>",
                "id=\"flat_r1_o2\"><text>0.01 / (Assigned beneficiaries - Assigned beneficiaries)</text>");
    }

    /** The one error of a table's 422: its pointer, and a reason naming the template, the table's hash and the table's mistake. */
    private static void namesTheField(JsonNode problem, String pointer, String template, String table) {
        assertThat(problem.get("errors")).as(problem.toString()).singleElement().satisfies(error -> {
            assertThat(error.get("pointer").asString()).isEqualTo(pointer);
            assertThat(error.get("reason").asString()).startsWith(template + " answers 'Minimum savings rate by assigned population' with"
                    + " the uploaded table " + ContentHash.of(table.getBytes(StandardCharsets.UTF_8))
                    + ", which could not answer for Assigned beneficiaries 1310: ").endsWith("; no settlement is made with it");
        });
    }

    /**
     * Validation said a request was valid that the evaluation then refused, the uploaded table failing only while the
     * rules settled (found from outside): validation settles the request too, keeping nothing, and refuses it alike.
     */
    @Test
    void validationRefusesWhatOnlyTheRulesFindAsTheEvaluationDoes() {
        String table = failingCell();
        Reply evaluated = evaluatedWithTable("mssp-basic-failing-cell-validated", table);
        long runsBefore = get("/api/v1/evaluations?limit=1").json().get("total").asLong();

        Reply validated = postJson("/api/v1/evaluations:validate", Requests.of("mssp-basic-failing-cell-validated", "small-panel").toString());

        assertThat(validated.status()).as(validated.body()).isEqualTo(422);
        assertThat(validated.json().get("type").asString()).isEqualTo("urn:accord:problem:decision-table");
        assertThat(validated.json().get("detail").asString()).isEqualTo(evaluated.json().get("detail").asString());
        namesTheField(validated.json(), "/contract/templateId", "template 'mssp-basic-failing-cell-validated'", table);
        // the shipped template on the same facts still validates, and validating stores no run
        Reply valid = postJson("/api/v1/evaluations:validate", Requests.of("mssp-basic", "small-panel").toString());
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("termsHash").asString()).startsWith("sha256:");
        assertThat(get("/api/v1/evaluations?limit=1").json().get("total").asLong()).isEqualTo(runsBefore);
    }

    /**
     * A table's 422 named no field (errors null), where every other refusal names one (found from outside): its one
     * error now points at what in the request brought the table in, the contract's template or stored version, where
     * the request holds that contract. Not the facts: the same facts settle under the shipped table.
     */
    @Test
    void aTablesRefusalNamesTheContractThatBroughtTheTableIn() {
        String table = failingCell();
        Reply evaluated = evaluatedWithTable("mssp-basic-failing-cell-named", table);
        namesTheField(evaluated.json(), "/contract/templateId", "template 'mssp-basic-failing-cell-named'", table);
        assertThat(evaluated.json().get("detail").asString()).startsWith("decision table 'Minimum savings rate by assigned"
                + " population' could not answer for Assigned beneficiaries 1310: ");

        // a stored version of a contract on that template: its id is what the request named
        ObjectNode contract = JSON.createObjectNode();
        contract.put("ipaId", "hilltown-ipa").put("payer", "Medicare (CMS)").put("templateId", "mssp-basic-failing-cell-named")
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        Reply created = postJson("/api/v1/contracts", JSON.writeValueAsString(contract));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String version = created.json().at("/versions/0/id").asString();
        ObjectNode byVersion = Requests.of("mssp-basic", "small-panel");
        byVersion.set("contract", JSON.createObjectNode().put("contractVersionId", version));
        Reply versioned = postJson("/api/v1/evaluations", JSON.writeValueAsString(byVersion));
        assertThat(versioned.status()).as(versioned.body()).isEqualTo(422);
        assertThat(versioned.json().get("type").asString()).isEqualTo("urn:accord:problem:decision-table");
        namesTheField(versioned.json(), "/contract/contractVersionId", "the contract version's template 'mssp-basic-failing-cell-named'",
                table);

        // a comparison names the side whose template answers with the failing table, not the baseline's template,
        // which replaces the same table with the flat one that answers; a sweep names its contract
        assertThat(publishedWithTable("mssp-basic-flat-msr-baseline", read(FLAT_MSR)).status()).isEqualTo(201);
        ObjectNode compare = JSON.createObjectNode();
        compare.set("facts", byVersion.get("facts"));
        compare.putObject("baseline").put("templateId", "mssp-basic-flat-msr-baseline");
        tools.jackson.databind.node.ArrayNode proposals = compare.putArray("proposals");
        proposals.addObject().put("templateId", "mssp-basic").putObject("overrides").put("maximumSharingRate", "0.5");
        proposals.addObject().put("contractVersionId", version);
        Reply compared = postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare));
        assertThat(compared.status()).as(compared.body()).isEqualTo(422);
        namesTheField(compared.json(), "/proposals/1/contractVersionId",
                "the contract version's template 'mssp-basic-failing-cell-named'", table);

        ObjectNode sweep = Requests.of("mssp-basic-failing-cell-named", "small-panel");
        sweep.putArray("vary").addObject().put("parameter", "maximumSharingRate").put("start", "0.4").put("end", "0.5").put("step", "0.1");
        Reply swept = postJson("/api/v1/scenarios/sweep", JSON.writeValueAsString(sweep));
        assertThat(swept.status()).as(swept.body()).isEqualTo(422);
        namesTheField(swept.json(), "/contract/templateId", "template 'mssp-basic-failing-cell-named'", table);

        // a job's failure names the table, and its error the field, under the work's name
        ObjectNode job = JSON.createObjectNode();
        job.set("compare", compare);
        Reply made = postJson("/api/v1/jobs", JSON.writeValueAsString(job));
        assertThat(made.status()).as(made.body()).isEqualTo(202);
        JsonNode failed = finished(made.header("Location"));
        assertThat(failed.get("state").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.get("failure").asString()).isEqualTo(compared.json().get("detail").asString());
        namesTheField(failed, "/compare/proposals/1/contractVersionId",
                "the contract version's template 'mssp-basic-failing-cell-named'", table);
    }

    /** Polls a job until it is in a final state, failing after a minute. */
    private JsonNode finished(String location) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode job = get(location).json();
            if (java.util.List.of("succeeded", "failed", "cancelled").contains(job.get("state").asString())) {
                return job;
            }
            assertThat(System.nanoTime()).as("job still %s", job.get("state").asString()).isLessThan(end);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aTemplateWithAParameterNoRuleReadsIsRefusedNamingIt() {
        String template = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: acme-unread-parameter")
                .replaceFirst("\n      minimumDenominator:\n", "\n      secretMultiplier:\n        type: rate\n        unit: rate\n"
                        + "        description: nothing reads it\n        source: nowhere\n        value: \"2\"\n      minimumDenominator:\n");
        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", template);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors")).anySatisfy(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/clauses/0/parameters/secretMultiplier");
            assertThat(e.get("reason").asString()).contains("no rule reads it");
        });
        assertThat(content.get(ContentHash.of(template.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(get("/api/v1/contract-templates/acme-unread-parameter").status()).isEqualTo(404);
    }

    /**
     * The outside tester published ma-capitation with a 300% withhold of up to 500%, a corridor band keeping 250% of a
     * gain and bearing -100% of a loss, and no sum-to-one (201): it settled a payer paying the IPA for its loss. A 422
     * names each bound and value outside what its concept lets it mean, and the missing constraint; nothing is stored.
     */
    @Test
    void aTemplateDeclaringRatesOutsideZeroToOneOrWithoutTheSumToOneIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        String template = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/uploads/refused/probe-cap-rates.yaml"));
        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", template);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("pointer").asString()).contains(
                "/clauses/3/parameters/withholdRate/maximum", "/clauses/4/parameters/corridorBands/maximum",
                "/clauses/6/parameters/memberMonthsWeight/minimum", "/clauses/6/parameters/reserveRate/maximum", "/clauses/6/constraints");
        assertThat(refused.json().get("errors")).anySatisfy(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/clauses/4/parameters/corridorBands/value");
            assertThat(e.get("reason").asString()).contains("rung 0's ipaShareOfLosses -1 is below 0");
        });
        assertThat(content.get(ContentHash.of(template.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(get("/api/v1/contract-templates/probe-cap-rates").status()).isEqualTo(404);
    }

    @Test
    void aTemplateNamingATableNeverUploadedIsRefusedNamingIt() {
        String template = read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: acme-missing-table")
                .replace("ad27e69b0f670d6d983c9749913e229b532a96aeed2c857ad19fdd4a2411f5dd", "0".repeat(64));
        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml", template);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/pointer").asString()).isEqualTo("/decisionTables/Minimum savings rate by assigned population");
        assertThat(refused.json().at("/errors/0/reason").asString()).contains("has been uploaded");
    }

    @Test
    void aTemplateOutsideTheSchemaIsRefusedNamingTheField() {
        Reply refused = asAdmin("/api/v1/contract-templates", "application/json",
                "{\"id\": \"Not An Id\", \"version\": \"1\", \"name\": \"n\", \"payer\": \"p\", \"description\": \"d\", \"source\": \"s\", \"clauses\": []}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("pointer").asString()).contains("/id", "/clauses");
    }

    @Test
    void theIdOfAShippedTemplateIsAConflict() {
        Reply refused = asAdmin("/api/v1/contract-templates", "application/yaml",
                read(FLAT_MSR_TEMPLATE).replace("id: mssp-basic-flat-msr", "id: mssp-basic"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("a shipped template has the id 'mssp-basic'");
    }

    @Test
    void onlyAdminsPublishOrUpload() {
        for (String role : new String[] {"negotiator", "integrator", "reviewer"}) {
            Reply refused = send(HttpRequest.newBuilder(URI.create(url("/api/v1/decision-tables"))).header("Content-Type", "application/xml")
                    .header(TestKeys.HEADER, TestKeys.only(role)).POST(HttpRequest.BodyPublishers.ofString(read(FLAT_MSR))));
            assertThat(refused.status()).as(role).isEqualTo(403);
        }
    }
}
