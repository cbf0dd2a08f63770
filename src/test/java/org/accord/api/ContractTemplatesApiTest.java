package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A template read from the API says what each parameter may take beyond the template's own range (what its clause's
 * concept lets it mean) and what its clause's parameters must keep together, so that a negotiator learns it before an
 * evaluation refuses an override.
 */
class ContractTemplatesApiTest extends ServerTest {

    @Test
    void theElectedMinimumSavingsRateSaysTheOnlyElectionsItsConceptAllowsAndAnOverrideOffThemIsRefusedNamingThem() {
        JsonNode limits = parameter(get("/api/v1/contract-templates/mssp-enhanced").json(), "shared-savings", "electedMinimumSavingsRate")
                .get("conceptLimits");

        assertThat(limits.get("concept").asString()).isEqualTo("shared-savings");
        assertThat(limits.get("descriptor").asString()).isEqualTo("rules/payment/shared-savings.concept.yaml");
        assertThat(words(limits.get("allowedValues"))).containsExactly("0", "0.005", "0.01", "0.015", "0.02");
        assertThat(limits.get("explanation").asString()).isEqualTo("0, 0.005, 0.01, 0.015 or 0.02 only");

        // The same elections an evaluation names when it refuses 0.7%.
        ObjectNode request = Requests.of("mssp-enhanced", "valley-ipa");
        ((ObjectNode) request.get("contract")).putObject("overrides").put("electedMinimumSavingsRate", "0.007");
        Reply refused = postJson("/api/v1/evaluations", JSON.writeValueAsString(request));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("0, 0.005, 0.01, 0.015, 0.02");
    }

    @Test
    void aRateIsSaidToBeAShareOfAWholeAndAPercentageOfAFeeScheduleIsBoundedAsItsConceptSays() {
        JsonNode sharing = parameter(get("/api/v1/contract-templates/mssp-basic").json(), "shared-savings", "maximumSharingRate")
                .get("conceptLimits");
        assertThat(sharing.get("minimum").asString()).isEqualTo("0");
        assertThat(sharing.get("maximum").asString()).isEqualTo("1");
        assertThat(sharing.get("allowedValues")).isEmpty();
        assertThat(sharing.get("explanation").asString()).isEqualTo("0 to 1, a share of a whole");

        JsonNode fee = parameter(get("/api/v1/contract-templates/medicaid-ffs-p4p").json(), "fee-for-service", "negotiatedPercentage")
                .get("conceptLimits");
        assertThat(fee.get("maximum").asString()).isEqualTo("5");
        assertThat(fee.get("explanation").asString()).isEqualTo("0 to 5");
    }

    @Test
    void aScalesLimitsNameTheRungFieldsTheyHold() {
        JsonNode bands = parameter(get("/api/v1/contract-templates/ma-capitation").json(), "risk-corridor", "corridorBands")
                .get("conceptLimits");

        assertThat(words(bands.get("rungFields"))).containsExactly("ipaShareOfGains", "ipaShareOfLosses");
        assertThat(bands.get("explanation").asString()).isEqualTo("each rung's ipaShareOfGains and ipaShareOfLosses 0 to 1, shares of a whole");
        assertThat(bands.get("neverFalls")).as("a corridor's shares fall outward").isEmpty();
    }

    /** F10: a reward ladder's rate never falls from rung to rung, and the API says so where it says the rungs' bounds. */
    @Test
    void aRewardLaddersLimitsSayItsRateNeverFalls() {
        JsonNode withhold = parameter(get("/api/v1/contract-templates/ma-capitation").json(), "withhold", "withholdReturnLadder")
                .get("conceptLimits");
        JsonNode bonus = parameter(get("/api/v1/contract-templates/commercial-global-budget").json(), "quality-bonus", "qualityBonusLadder")
                .get("conceptLimits");

        for (JsonNode ladder : List.of(withhold, bonus)) {
            assertThat(words(ladder.get("neverFalls"))).containsExactly("rate");
            assertThat(ladder.get("explanation").asString())
                    .isEqualTo("each rung's rate 0 to 1, a share of a whole; rate never falls from one rung to the next");
        }
    }

    /**
     * A template read from the API says the years it settles and the measure directions its rules read, as its text gives
     * them: before, neither was in the answer, so a negotiator learnt Track 3's years from a 422 and a reviewer could not
     * see which way the pay-for-performance template read HBD-POOR.
     */
    @Test
    void aTemplateSaysTheYearsItSettlesAndTheMeasureDirectionsItsRulesRead() {
        JsonNode track3 = get("/api/v1/contract-templates/mssp-aco-track-3").json();
        assertThat(track3.get("firstPerformanceYear").asInt()).isEqualTo(2016);
        assertThat(track3.get("lastPerformanceYear").asInt()).isEqualTo(2021);

        JsonNode enhanced = get("/api/v1/contract-templates/mssp-aco-enhanced").json();
        assertThat(enhanced.get("firstPerformanceYear").asInt()).isEqualTo(2019);
        assertThat(enhanced.has("lastPerformanceYear")).as("ENHANCED carries on").isFalse();

        JsonNode p4p = get("/api/v1/contract-templates/medicaid-ffs-p4p").json();
        assertThat(p4p.get("measureDirections").get("HBD-POOR").asString()).isEqualTo("lower-is-better");
        assertThat(p4p.get("measureDirections").get("CBP").asString()).isEqualTo("higher-is-better");
        assertThat(p4p.has("firstPerformanceYear")).as("one value for every year").isFalse();

        JsonNode rate = parameter(get("/api/v1/contract-templates/mssp-aco-track-2").json(), "shared-savings", "electedMinimumSavingsRate");
        assertThat(rate.get("negotiableFrom").asInt()).isEqualTo(2016);
        assertThat(rate.get("negotiable").asBoolean()).isTrue();
    }

    @Test
    void aParameterItsConceptSetsNoLimitsHasNone() {
        JsonNode basis = parameter(get("/api/v1/contract-templates/mssp-basic").json(), "shared-savings", "minimumSavingsRateBasis");

        assertThat(basis.has("conceptLimits")).as(basis.toString()).isFalse();
        assertThat(words(basis.get("allowedValues"))).containsExactly("population", "elected");
    }

    @Test
    void aClauseSaysTheConstraintsOfItsParametersAndWhichItsConceptRequires() {
        JsonNode distribution = clause(get("/api/v1/contract-templates/mssp-basic").json(), "distribution");

        JsonNode constraints = distribution.get("constraints");
        assertThat(constraints).hasSize(2);
        assertThat(constraints.get(0).get("kind").asString()).isEqualTo("sum-to-one");
        assertThat(words(constraints.get(0).get("parameters"))).containsExactly("memberMonthsWeight", "qualityWeight", "costPerformanceWeight");
        assertThat(constraints.get(0).get("requiredByConcept").asBoolean()).isTrue();
        assertThat(constraints.get(0).get("explanation").asString())
                .isEqualTo("memberMonthsWeight, qualityWeight and costPerformanceWeight add up to exactly 1 (shares of one whole)");
        assertThat(constraints.get(1).get("kind").asString()).isEqualTo("names-a-clause");
        assertThat(constraints.get(1).get("requiredByConcept").asBoolean()).isFalse();
        assertThat(constraints.get(1).get("explanation").asString())
                .isEqualTo("costPerformanceTarget names a clause of the same template, or none");
        assertThat(clause(get("/api/v1/contract-templates/mssp-basic").json(), "shared-savings").get("constraints")).isEmpty();
    }

    private static JsonNode clause(JsonNode template, String clauseId) {
        for (JsonNode clause : template.get("clauses")) {
            if (clause.get("id").asString().equals(clauseId)) {
                return clause;
            }
        }
        throw new AssertionError("no clause " + clauseId + " in " + template.get("id"));
    }

    private static JsonNode parameter(JsonNode template, String clauseId, String name) {
        for (JsonNode parameter : clause(template, clauseId).get("parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in clause " + clauseId);
    }

    private static List<String> words(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
