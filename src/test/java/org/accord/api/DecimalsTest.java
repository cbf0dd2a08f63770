package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Money and rates travel as decimal strings and come back exactly, however many digits they
 * have; a JSON number on input is read from its text, never through a double.
 */
class DecimalsTest extends ServerTest {

    /** 20 significant digits: a double keeps about 16, so any trip through one would show. */
    private static final String RATE = "0.12345678901234567890";
    private static final String COST_OF_CARE = "24522515.361234567890";

    private JsonNode evaluate(String body) {
        Reply reply = postJson("/api/v1/evaluations", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void anOverrideSentAsAStringIsEchoedDigitForDigit() {
        ObjectNode request = Requests.small();
        request.withObject("/contract").putObject("overrides").put("maximumSharingRate", RATE);

        JsonNode settlement = evaluate(JSON.writeValueAsString(request));

        assertThat(settlement.at("/contract/overrides/maximumSharingRate").isString()).isTrue();
        assertThat(settlement.at("/contract/overrides/maximumSharingRate").asString()).isEqualTo(RATE);
        assertThat(settlement.at("/contract/terms/shared-savings/maximumSharingRate").asString()).isEqualTo(RATE);
    }

    @Test
    void anOverrideSentAsAJsonNumberIsEchoedDigitForDigit() {
        String request = JSON.writeValueAsString(Requests.small())
                .replaceFirst("\\{\"templateId\":\"mssp-basic\"}",
                        "{\"templateId\":\"mssp-basic\",\"overrides\":{\"maximumSharingRate\":" + RATE + "}}");
        assertThat(request).contains("\"maximumSharingRate\":" + RATE + "}");

        JsonNode settlement = evaluate(request);

        assertThat(settlement.at("/contract/overrides/maximumSharingRate").asString()).isEqualTo(RATE);
    }

    @Test
    void aCostOfCareSentAsAStringIsEchoedDigitForDigit() {
        ObjectNode request = Requests.small();
        request.withObject("/facts/practices/0").put("totalCostOfCare", COST_OF_CARE);

        JsonNode settlement = evaluate(JSON.writeValueAsString(request));

        assertThat(settlement.at("/facts/practices/0/totalCostOfCare").asString()).isEqualTo(COST_OF_CARE);
    }

    @Test
    void aCostOfCareSentAsAJsonNumberIsEchoedDigitForDigit() {
        ObjectNode request = Requests.small();
        request.withObject("/facts/practices/0").put("totalCostOfCare", "PLACEHOLDER");
        String body = JSON.writeValueAsString(request).replace("\"PLACEHOLDER\"", COST_OF_CARE);
        assertThat(body).contains("\"totalCostOfCare\":" + COST_OF_CARE + ",");

        JsonNode settlement = evaluate(body);

        assertThat(settlement.at("/facts/practices/0/totalCostOfCare").asString()).isEqualTo(COST_OF_CARE);
    }

    @Test
    void theScaleAContractUsesIsKept() {
        ObjectNode request = Requests.small();
        request.withObject("/contract").putObject("overrides").put("maximumSharingRate", "0.500");

        JsonNode settlement = evaluate(JSON.writeValueAsString(request));

        assertThat(settlement.at("/contract/overrides/maximumSharingRate").asString()).isEqualTo("0.500");
        assertThat(settlement.at("/totals/payerTotal").asString()).matches("-?[0-9]+\\.[0-9]{2}");
    }

    /** One grammar for every decimal (api-spec/accord.yaml, "Decimals"): an exponent is read and written out plain. */
    @Test
    void aDecimalWithAnExponentIsReadAndNormalisedToItsPlainValue() {
        ObjectNode request = Requests.small();
        request.withObject("/facts/period").put("benchmarkExpenditure", "1.5E+7");
        request.withObject("/facts/practices/0").put("averageRiskScore", "113E-2");
        request.withObject("/contract").putObject("overrides").put("maximumSharingRate", "5.0E-1");

        JsonNode settlement = evaluate(JSON.writeValueAsString(request));

        assertThat(settlement.at("/facts/period/benchmarkExpenditure").asString()).isEqualTo("15000000");
        assertThat(settlement.at("/facts/practices/0/averageRiskScore").asString()).isEqualTo("1.13");
        assertThat(settlement.at("/contract/terms/shared-savings/maximumSharingRate").asString()).isEqualTo("0.50");
    }

    /**
     * One grammar for every decimal (api-spec/accord.yaml, "Decimals"): a fraction with no digit before its point,
     * as an HTML number input writes a tenth typed ".1", is that fraction, in an override and in a body field,
     * as "+0.1" and "1e-1" are (".1" was a 400 while those two were taken).
     */
    @Test
    void aFractionWithoutADigitBeforeItsPointIsReadAsTheSameFractionInEveryPlace() {
        ObjectNode plain = Requests.small();
        plain.withObject("/contract").putObject("overrides").put("maximumSharingRate", "0.5");
        plain.withObject("/facts/practices/0").put("averageRiskScore", "0.95");
        JsonNode expected = evaluate(JSON.writeValueAsString(plain));

        for (String[] forms : new String[][] {{".5", ".95"}, {"+0.5", "+.95"}, {"5e-1", "95E-2"}}) {
            ObjectNode request = Requests.small();
            request.withObject("/contract").putObject("overrides").put("maximumSharingRate", forms[0]);
            request.withObject("/facts/practices/0").put("averageRiskScore", forms[1]);

            JsonNode settlement = evaluate(JSON.writeValueAsString(request));

            assertThat(settlement.at("/contract/terms/shared-savings/maximumSharingRate").asString()).as(forms[0]).isEqualTo("0.5");
            assertThat(settlement.at("/facts/practices/0/averageRiskScore").asString()).as(forms[1]).isEqualTo("0.95");
            assertThat(settlement.get("totals")).as(forms[0]).isEqualTo(expected.get("totals"));
        }
    }

    /** An override that is no decimal is refused with one status whatever it looks like ("1." was a 400, "0x1" a 422). */
    @Test
    void anOverrideThatIsNoDecimalIsOneProblemOfItsParameterWhateverItLooksLike() {
        for (String notADecimal : new String[] {"1.", "0x1", "1,5", ".", "1E+999999999"}) {
            ObjectNode request = Requests.small();
            request.withObject("/contract").putObject("overrides").put("maximumSharingRate", notADecimal);

            Reply reply = postJson("/api/v1/evaluations", JSON.writeValueAsString(request));

            assertThat(reply.status()).as(notADecimal + ": " + reply.body()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asString()).isEqualTo("/contract/overrides/maximumSharingRate");
            assertThat(reply.json().at("/errors/0/reason").asString()).startsWith("'" + notADecimal + "' is not a decimal in bounds");
        }
    }

    /**
     * A decimal is read one way wherever it is sent, and a value that is not one is refused alike: a space before or after
     * the digits was taken in an override (and in --set) but refused in a fact, and a fact's "1." was a 400 where an
     * override's was a 422. A well-formed body whose field holds no decimal is now a 422 naming the field, in both.
     */
    @Test
    void aDecimalIsReadOneWayInAnOverrideAndInAFactAndOneThatIsNotIsA422NamingItsField() {
        for (String notADecimal : new String[] {" 0.5", "0.5 ", "1.", "0x1", "1E+999999999"}) {
            ObjectNode inAnOverride = Requests.small();
            inAnOverride.withObject("/contract").putObject("overrides").put("maximumSharingRate", notADecimal);
            ObjectNode inAFact = Requests.small();
            inAFact.withObject("/facts/practices/0").put("averageRiskScore", notADecimal);

            Reply override = postJson("/api/v1/evaluations", JSON.writeValueAsString(inAnOverride));
            Reply fact = postJson("/api/v1/evaluations", JSON.writeValueAsString(inAFact));

            String reason = "'" + notADecimal + "' is not a decimal in bounds: " + org.accord.validation.Decimals.EXPECTED;
            assertThat(override.status()).as(notADecimal + ": " + override.body()).isEqualTo(422);
            assertThat(override.json().get("errors")).as(notADecimal).hasSize(1);
            assertThat(override.json().at("/errors/0/pointer").asString()).isEqualTo("/contract/overrides/maximumSharingRate");
            assertThat(override.json().at("/errors/0/reason").asString()).isEqualTo(reason);
            assertThat(fact.status()).as(notADecimal + ": " + fact.body()).isEqualTo(422);
            assertThat(fact.json().get("errors")).as(notADecimal).hasSize(1);
            assertThat(fact.json().at("/errors/0/pointer").asString()).isEqualTo("/facts/practices/0/averageRiskScore");
            assertThat(fact.json().at("/errors/0/reason").asString()).isEqualTo(reason);
        }
        // A document that is not JSON is still the request's fault as a whole: a 400.
        Reply broken = postJson("/api/v1/evaluations", "{\"contract\": {\"templateId\": \"mssp-basic\"}, \"facts\": ");
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
    }

    /**
     * A body with several fields that hold no decimal names each of them, as several constraint errors are named: only the
     * first was reported, so a client fixed one field a round trip. In an evaluation's body (read as sent, for its run) and in
     * the facts stored on their own (read by the JSON converter) alike, whether the field holds a string, a JSON number too
     * large, true or an object (read past whole).
     */
    @Test
    void aBodyWithSeveralFieldsThatHoldNoDecimalNamesEachOfThem() {
        ObjectNode request = Requests.small();
        request.withObject("/facts/period").put("benchmarkExpenditure", "1.");
        request.withObject("/facts/period").putObject("lossAdjustment").put("amount", "1000.00");
        request.withObject("/facts/practices/0").put("averageRiskScore", " 1.05");
        request.withObject("/facts/practices/1").put("averageRiskScore", true);
        request.withObject("/facts/practices/2").put("totalCostOfCare", "PLACEHOLDER");
        String body = JSON.writeValueAsString(request).replace("\"PLACEHOLDER\"", "1E+2147483647");
        String facts = JSON.writeValueAsString(request.get("facts")).replace("\"PLACEHOLDER\"", "1E+2147483647");

        for (String[] sent : new String[][] {{"/api/v1/evaluations", body, "/facts"}, {"/api/v1/evaluations:validate", body, "/facts"},
                {"/api/v1/facts", facts, ""}}) {
            Reply refused = postJson(sent[0], sent[1]);

            assertThat(refused.status()).as(sent[0] + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors")).as(sent[0]).extracting(e -> e.get("pointer").asString() + ": " + e.get("reason").asString())
                    .containsExactly(
                            sent[2] + "/period/benchmarkExpenditure: '1.' is not a decimal in bounds: " + org.accord.validation.Decimals.EXPECTED,
                            sent[2] + "/period/lossAdjustment: " + org.accord.validation.Decimals.EXPECTED,
                            sent[2] + "/practices/0/averageRiskScore: ' 1.05' is not a decimal in bounds: " + org.accord.validation.Decimals.EXPECTED,
                            sent[2] + "/practices/1/averageRiskScore: " + org.accord.validation.Decimals.EXPECTED,
                            sent[2] + "/practices/2/totalCostOfCare: '1E+2147483647' is not a decimal in bounds: "
                                    + org.accord.validation.Decimals.EXPECTED);
        }
    }

    /** A JSON number too large to write out is a well-formed body's field that holds no decimal in bounds: a 422, as a string's. */
    @Test
    void validateAndEvaluateRefuseAHugeExponentAlikeNamingTheField() {
        for (String value : new String[] {"1E+2147483647", "-1E+2147483647"}) {
            ObjectNode request = Requests.small();
            request.withObject("/facts/practices/2").put("totalCostOfCare", "PLACEHOLDER");
            String body = JSON.writeValueAsString(request).replace("\"PLACEHOLDER\"", value);

            Reply evaluated = postJson("/api/v1/evaluations", body);
            Reply validated = postJson("/api/v1/evaluations:validate", body);

            assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(422);
            assertThat(validated.status()).isEqualTo(422);
            assertThat(evaluated.json().at("/errors/0/pointer").asString()).isEqualTo("/facts/practices/2/totalCostOfCare");
            assertThat(validated.json().get("errors")).isEqualTo(evaluated.json().get("errors"));
        }
    }
}
