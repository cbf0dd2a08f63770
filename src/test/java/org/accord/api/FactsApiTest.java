package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Facts read as the server reads them, with what they add up to: the JSON example, the same IPA
 * as a CSV of practices, the shipped examples, and problems naming the field or the CSV cell.
 */
class FactsApiTest extends ServerTest {

    private static final String READ = "/api/v1/facts:read";
    private static final String READ_CSV = "/api/v1/facts:read-csv";

    private static ObjectNode csvRequest(String csv) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("ipa").put("id", "valley-ipa").put("name", "Valley Independent Physicians Association");
        request.putObject("period").put("performanceYear", 2025).put("benchmarkExpenditure", "525375558.00");
        request.put("practicesCsv", csv);
        return request;
    }

    /**
     * The summary is checked against sums the test makes from the file itself; the README states
     * the example's 25 practices and 39,400 members.
     */
    @Test
    void theJsonFactsAreReadAndAddedUp() {
        Reply reply = postJson(READ, read("examples/valley-ipa.json"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode summary = reply.json().get("summary");
        JsonNode practices = JSON.readTree(read("examples/valley-ipa.json")).get("practices");
        long memberMonths = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long cbpNumerator = 0;
        for (JsonNode practice : practices) {
            memberMonths += practice.get("memberMonths").asLong();
            cost = cost.add(new BigDecimal(practice.get("totalCostOfCare").asString()));
            cbpNumerator += practice.get("qualityMeasures").get(0).get("numerator").asLong();
        }
        assertThat(summary.get("practices").asInt()).isEqualTo(25);
        assertThat(summary.get("attributedMembers").asLong()).isEqualTo(39_400);
        assertThat(summary.get("memberMonths").asLong()).isEqualTo(memberMonths);
        assertThat(summary.get("totalCostOfCare").asString()).isEqualTo(cost.toPlainString());
        assertThat(summary.get("measures").get(0).get("measureId").asString()).isEqualTo("CBP");
        assertThat(summary.get("measures").get(0).get("practices").asInt()).isEqualTo(25);
        assertThat(summary.get("measures").get(0).get("numerator").asLong()).isEqualTo(cbpNumerator);
        assertThat(reply.json().get("facts")).isEqualTo(JSON.readTree(read("examples/valley-ipa.json")));
    }

    @Test
    void theCsvOfTheSameIpaReadsAsItsJsonFacts() {
        Reply csv = postJson(READ_CSV, JSON.writeValueAsString(csvRequest(read("examples/valley-ipa.csv"))));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        Reply json = postJson(READ, read("examples/valley-ipa.json"));
        assertThat(csv.json()).isEqualTo(json.json());
    }

    @Test
    void aCellThatIsNotANumberIsNamedByItsCsvLineAndColumn() {
        String csv = read("examples/valley-ipa.csv").replace("P02,Riverside Primary Care,900,10654", "P02,Riverside Primary Care,900,ten");
        JsonNode errors = assertProblem(postJson(READ_CSV, JSON.writeValueAsString(csvRequest(csv))), 422, READ_CSV);
        assertOnlyError(errors, "/practicesCsv", "CSV line 3, column memberMonths: 'ten' is not a whole number");
    }

    @Test
    void aPracticeTheFactsChecksRefuseIsNamedByItsIdAndField() {
        // P01's CBP: 420 of 482 eligible; 500 exceeds them
        String csv = read("examples/valley-ipa.csv").replace("P01,Valley Family Medicine,1800,20862,1.173,24522515.36,553260.24,5829,1204,961,400,420,",
                "P01,Valley Family Medicine,1800,20862,1.173,24522515.36,553260.24,5829,1204,961,400,500,");
        JsonNode errors = assertProblem(postJson(READ_CSV, JSON.writeValueAsString(csvRequest(csv))), 422, READ_CSV);
        assertOnlyError(errors, "/practicesCsv", "practice P01 (data row 1) qualityMeasures/0/numerator: numerator (500) exceeds");
    }

    @Test
    void theIpaAndPeriodBesideTheCsvAreCheckedWhereTheyAre() {
        ObjectNode request = csvRequest(read("examples/valley-ipa.csv"));
        ((ObjectNode) request.get("period")).put("benchmarkExpenditure", "-1");
        JsonNode errors = assertProblem(postJson(READ_CSV, JSON.writeValueAsString(request)), 422, READ_CSV);
        assertOnlyError(errors, "/period/benchmarkExpenditure", "");
        ((ObjectNode) request.get("period")).remove("performanceYear");
        assertOnlyError(assertProblem(postJson(READ_CSV, JSON.writeValueAsString(request)), 400, READ_CSV),
                "/period/performanceYear", "is required");
    }

    @Test
    void jsonFactsWithAProblemAreRefusedNamingTheField() {
        String facts = read("examples/small-panel.json").replaceFirst("\"memberMonths\": \\d+", "\"memberMonths\": -5");
        assertOnlyError(assertProblem(postJson(READ, facts), 400, READ), "/practices/0/memberMonths", "greater than or equal to 0");
    }

    @Test
    void theShippedExamplesAreListedAndReadAsTheirFiles() {
        Reply list = get("/api/v1/example-facts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("examples")).hasSize(2);
        assertThat(list.json().at("/examples/0/id").asString()).isEqualTo("small-panel");
        assertThat(list.json().at("/examples/1/ipaName").asString()).isEqualTo("Valley Independent Physicians Association");
        assertThat(list.json().at("/examples/1/practices").asInt()).isEqualTo(25);

        Reply example = get("/api/v1/example-facts/valley-ipa");
        assertThat(example.json()).isEqualTo(postJson(READ, read("examples/valley-ipa.json")).json());
        assertProblem(get("/api/v1/example-facts/no-such-ipa"), 404, "/api/v1/example-facts/no-such-ipa");
    }
}
