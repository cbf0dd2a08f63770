package org.accord.api;

import static org.accord.api.BacktestsApiTest.withoutNulls;
import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.accord.io.Csv;
import org.accord.io.Json;
import org.accord.scenarios.CashFlowRequest;
import org.accord.scenarios.CompareRequest;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;
import org.accord.scenarios.SweepRequest;
import org.accord.scenarios.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenario operations: each example request of {@code examples/scenarios/} answered with the
 * scenario's own result (the same request record read straight from the file and run in process),
 * as JSON or as its CSV table; malformed and oversized requests as problems naming the field.
 */
class ScenariosApiTest extends ServerTest {

    private static final String COMPARE = "/api/v1/scenarios/compare";
    private static final String SWEEP = "/api/v1/scenarios/sweep";
    private static final String SIMULATE = "/api/v1/scenarios/simulate";
    private static final String CASH_FLOW = "/api/v1/scenarios/cash-flow";

    /** Few trials keep the suite fast; the simulation's statistics are tested in the scenarios package. */
    private static final int TRIALS = 200;

    @Autowired
    Scenarios scenarios;

    @BeforeEach
    void forgetEarlierEvaluations() {
        clearInvocations(evaluations);
    }

    /** An example request, as a tree to change; the simulation's trials cut to {@link #TRIALS}. */
    static ObjectNode example(String name) {
        ObjectNode request = (ObjectNode) JSON.readTree(read("examples/scenarios/" + name + ".json"));
        if (request.has("trials")) {
            request.put("trials", TRIALS);
        }
        return request;
    }

    private Reply post(String path, JsonNode body, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private Table.Tabular inProcess(String path, JsonNode body) {
        byte[] json = JSON.writeValueAsBytes(body);
        return switch (path) {
            case COMPARE -> scenarios.compare(Json.MAPPER.readValue(json, CompareRequest.class));
            case SWEEP -> scenarios.sweep(Json.MAPPER.readValue(json, SweepRequest.class));
            case SIMULATE -> scenarios.simulate(Json.MAPPER.readValue(json, SimulationRequest.class));
            case CASH_FLOW -> scenarios.cashFlow(Json.MAPPER.readValue(json, CashFlowRequest.class));
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static String pathOf(String example) {
        return "/api/v1/scenarios/" + example.substring(0, example.indexOf('-')).replace("cashflow", "cash-flow");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compare-sharing-rate", "sweep-sharing-rate", "sweep-corridor", "simulate-small-panel",
            "cashflow-ma-capitation"})
    void eachExampleIsAnsweredWithTheScenariosOwnResult(String name) {
        ObjectNode request = example(name);
        String path = pathOf(name);

        Reply reply = post(path, request, "application/json");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(withoutNulls(JSON.readTree(Json.write(inProcess(path, request)))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compare-sharing-rate", "sweep-sharing-rate", "simulate-small-panel", "cashflow-ma-capitation"})
    void eachExampleIsAnsweredAsItsCsvTableWhenTheClientAsksForCsv(String name) {
        ObjectNode request = example(name);
        String path = pathOf(name);

        Reply reply = post(path, request, "text/csv");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(reply.body()).isEqualTo(Csv.write(inProcess(path, request)));
    }

    @Test
    void theSweepsCsvHasOneRowPerPointUnderItsHeader() {
        Reply reply = post(SWEEP, example("sweep-sharing-rate"), "text/csv");

        List<String> rows = reply.body().lines().toList();
        // 0.40 to 0.70 by 0.05: 7 points, after the header
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).startsWith("maximumSharingRate,payerTotal,ipaPool,retainedByIpa,riskSharing,P01,");
        assertThat(rows.get(1)).startsWith("0.40,");
        assertThat(rows.get(7)).startsWith("0.70,");
    }

    @Test
    void aClientPreferringJsonGetsJsonEvenWhenItAlsoAcceptsCsv() {
        assertThat(post(COMPARE, example("compare-sharing-rate"), "application/json, text/csv").contentType())
                .startsWith("application/json");
        assertThat(post(COMPARE, example("compare-sharing-rate"), "text/csv;q=0.5, application/json").contentType())
                .startsWith("application/json");
        assertThat(post(COMPARE, example("compare-sharing-rate"), "application/json;q=0.5, text/csv").contentType())
                .startsWith("text/csv");
        assertThat(post(COMPARE, example("compare-sharing-rate"), "*/*").contentType()).startsWith("application/json");
    }

    @Test
    void theComparisonNamesTheTermsThatDifferAndRanksTheChanges() {
        JsonNode result = post(COMPARE, example("compare-sharing-rate"), "application/json").json();

        JsonNode first = result.at("/proposals/0");
        assertThat(result.at("/baseline/templateId").asString()).isEqualTo("mssp-basic");
        assertThat(first.at("/termDifferences/0/parameter").asString()).isEqualTo("maximumSharingRate");
        assertThat(first.at("/termDifferences/0/proposalValue").asString()).isEqualTo("0.50");
        assertThat(result.at("/proposals/1/contract/templateId").asString()).isEqualTo("mssp-enhanced");
        List<BigDecimal> changes = first.get("practices").valueStream()
                .map(p -> new BigDecimal(p.get("delta").asString()).abs()).toList();
        assertThat(changes).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void anEmptyListOfProposalsIsA400AtTheProposals() {
        ObjectNode request = example("compare-sharing-rate");
        request.putArray("proposals");

        JsonNode errors = assertProblem(postJson(COMPARE, JSON.writeValueAsString(request)), 400, COMPARE);

        assertOnlyError(errors, "/proposals", "must not be empty");
        verify(evaluations, never()).evaluateEach(any(), any());
        verify(evaluations, never()).evaluateEach(any(), any(), any());
    }

    @Test
    void anUnknownTemplateInTheSecondProposalIsA422PointingAtIt() {
        ObjectNode request = example("compare-sharing-rate");
        ((ObjectNode) request.at("/proposals/1")).put("templateId", "mssp-unknown");

        JsonNode errors = assertProblem(postJson(COMPARE, JSON.writeValueAsString(request)), 422, COMPARE);

        assertOnlyError(errors, "/proposals/1/templateId", "mssp-unknown");
    }

    @Test
    void anOverrideOfTheBaselineOutsideItsRangeIsA422PointingIntoTheBaseline() {
        ObjectNode request = example("compare-sharing-rate");
        ((ObjectNode) request.at("/baseline/overrides")).put("maximumSharingRate", "1.5");

        JsonNode errors = assertProblem(postJson(COMPARE, JSON.writeValueAsString(request)), 422, COMPARE);

        assertOnlyError(errors, "/baseline/overrides/maximumSharingRate", "1.5");
    }

    @Test
    void aStepOfZeroIsA422AtTheStep() {
        ObjectNode request = example("sweep-sharing-rate");
        ((ObjectNode) request.at("/vary/0")).put("step", "0");

        JsonNode errors = assertProblem(postJson(SWEEP, JSON.writeValueAsString(request)), 422, SWEEP);

        assertOnlyError(errors, "/vary/0/step", "above zero");
    }

    @Test
    void aSweepOfMoreThan2500PointsIsA400AtTheRangesAndNothingIsSettled() {
        ObjectNode request = example("sweep-sharing-rate");
        // 0.0001 to 0.2501 by 0.0001: 2,501 points
        ((ObjectNode) request.at("/vary/0")).put("start", "0.0001").put("end", "0.2501").put("step", "0.0001");

        JsonNode errors = assertProblem(postJson(SWEEP, JSON.writeValueAsString(request)), 400, SWEEP);

        assertOnlyError(errors, "/vary", "the sweep has 2501 points; at most 2500");
        verify(evaluations, never()).evaluateEach(any(), any());
        verify(evaluations, never()).evaluateEach(any(), any(), any());
    }

    /** A rung without the rate its rule reads was a 500 at every point of the sweep (found from outside). */
    @Test
    void aSweepWhoseContractHasARungWithoutItsRateIsA422AtThatRate() {
        ObjectNode request = example("sweep-corridor");
        ((ObjectNode) request.at("/contract/overrides")).putArray("withholdReturnLadder").addObject().put("threshold", "0.5").put("rat", "1");

        JsonNode errors = assertProblem(postJson(SWEEP, JSON.writeValueAsString(request)), 422, SWEEP);

        assertThat(errors.valueStream().map(e -> e.get("pointer").asString() + " " + e.get("reason").asString())).containsExactlyInAnyOrder(
                "/contract/overrides/withholdReturnLadder/0/rat is not a field of withholdReturnLadder: its rungs have threshold, rate",
                "/contract/overrides/withholdReturnLadder/0/rate is required");
        verify(evaluations, never()).evaluateEach(any(), any());
        verify(evaluations, never()).evaluateEach(any(), any(), any());
    }

    @Test
    void aSweepOfTwoRangesCountsEveryCombination() {
        ObjectNode request = example("sweep-corridor");
        // 51 x 51 = 2,601 points, though each range alone is small
        ((ObjectNode) request.at("/vary/0")).put("start", "0.00").put("end", "0.05").put("step", "0.001");
        ((ObjectNode) request.at("/vary/1")).put("start", "0.20").put("end", "0.70").put("step", "0.01");

        JsonNode errors = assertProblem(postJson(SWEEP, JSON.writeValueAsString(request)), 400, SWEEP);

        assertOnlyError(errors, "/vary", "the sweep has 2601 points");
    }

    @Test
    void moreThan100000TrialsIsA400AtTheTrials() {
        ObjectNode request = example("simulate-small-panel");
        request.put("trials", 100_001);

        JsonNode errors = assertProblem(postJson(SIMULATE, JSON.writeValueAsString(request)), 400, SIMULATE);

        assertOnlyError(errors, "/trials", "must be less than or equal to 100000 (was 100001)");
        verify(evaluations, never()).evaluateEach(any(), any());
        verify(evaluations, never()).evaluateEach(any(), any(), any());
    }

    @Test
    void trialsTimesPracticesAbove2500000IsA400AtTheTrials() {
        ObjectNode request = example("simulate-small-panel");
        // the small panel's 3 practices copied to 30: 100,000 trials would settle 3,000,000 practice-years
        ArrayNode practices = (ArrayNode) request.at("/facts/practices");
        List<JsonNode> originals = practices.valueStream().toList();
        for (int copy = 1; copy < 10; copy++) {
            for (JsonNode practice : originals) {
                ObjectNode copied = (ObjectNode) practice.deepCopy();
                copied.put("id", practice.get("id").asString() + "-" + copy);
                practices.add(copied);
            }
        }
        request.put("trials", 100_000);

        JsonNode errors = assertProblem(postJson(SIMULATE, JSON.writeValueAsString(request)), 400, SIMULATE);

        assertOnlyError(errors, "/trials", "100000 trials of 30 practices settle 3000000 practice-years; at most 2500000"
                + " per request, so at most 83333 trials for this IPA");
        verify(evaluations, never()).evaluateEach(any(), any());
        verify(evaluations, never()).evaluateEach(any(), any(), any());
        verify(evaluations, never()).evaluateAll(any(), any());
        verify(evaluations, never()).evaluateAll(any(), any(), any());
    }

    @Test
    void anUnknownCostDistributionIsA400NamingTheChoices() {
        ObjectNode request = example("simulate-small-panel");
        request.put("costDistribution", "normal");

        JsonNode errors = assertProblem(postJson(SIMULATE, JSON.writeValueAsString(request)), 400, SIMULATE);

        assertOnlyError(errors, "/costDistribution", "expected one of [gamma, lognormal]");
    }

    @Test
    void theSameSeedGivesTheSameSimulation() {
        ObjectNode request = example("simulate-small-panel");

        assertThat(post(SIMULATE, request, "application/json").body()).isEqualTo(post(SIMULATE, request, "application/json").body());
    }

    @Test
    void anUnknownScopeIsA422AtTheScope() {
        ObjectNode request = example("cashflow-ma-capitation");
        request.put("scope", "P99");

        JsonNode errors = assertProblem(postJson(CASH_FLOW, JSON.writeValueAsString(request)), 422, CASH_FLOW);

        assertOnlyError(errors, "/scope", "no practice 'P99'");
    }

    @Test
    void aNegativeMonthlyCostIsA422AtThatMonth() {
        ObjectNode request = example("cashflow-ma-capitation");
        var costs = request.putArray("monthlyCosts");
        for (int month = 1; month <= 12; month++) {
            costs.add(month == 2 ? "-1" : "1500000");
        }

        JsonNode errors = assertProblem(postJson(CASH_FLOW, JSON.writeValueAsString(request)), 422, CASH_FLOW);

        assertOnlyError(errors, "/monthlyCosts/1", "zero or more");
    }

    /**
     * Three amounts for a 12-month period left months 4 to 12 at $0 without a word (as the command line's "1,000,000" split
     * on its commas did): a list that stops short of the period is refused at the list; one amount is every month's.
     */
    @Test
    void aListOfCostsShorterThanThePeriodIsA422AtTheList() {
        ObjectNode request = example("cashflow-ma-capitation");
        request.putArray("monthlyCosts").add("1500000").add("1500000").add("1500000");

        JsonNode errors = assertProblem(postJson(CASH_FLOW, JSON.writeValueAsString(request)), 422, CASH_FLOW);

        assertOnlyError(errors, "/monthlyCosts", "3 amounts for a period of 12 months (2025-01 to 2025-12): give one amount, "
                + "for every month, or one for each month of the period from its first, 12 or more");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        ObjectNode request = example("cashflow-ma-capitation");
        request.put("lagMonths", 6);

        JsonNode errors = assertProblem(postJson(CASH_FLOW, JSON.writeValueAsString(request)), 400, CASH_FLOW);

        assertOnlyError(errors, "/lagMonths", "unknown field 'lagMonths'");
    }

    @Test
    void theCashFlowNamesTheMonthItTurnsPositive() {
        JsonNode result = post(CASH_FLOW, example("cashflow-ma-capitation"), "application/json").json();

        JsonNode months = result.get("months");
        assertThat(result.get("firstMonth").asString()).isEqualTo("2025-01");
        assertThat(months.get(0).get("month").asString()).isEqualTo("2025-01");
        Function<JsonNode, BigDecimal> cumulative = m -> new BigDecimal(m.get("cumulativeNet").asString());
        if (result.has("monthsToFirstPositive")) {
            int first = result.get("monthsToFirstPositive").asInt();
            assertThat(cumulative.apply(months.get(first - 1))).isPositive();
            assertThat(months.valueStream().limit(first - 1)).allSatisfy(m -> assertThat(cumulative.apply(m)).isNotPositive());
        } else {
            assertThat(months.valueStream()).allSatisfy(m -> assertThat(cumulative.apply(m)).isNotPositive());
        }
    }
}
