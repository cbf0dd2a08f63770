package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accord.testing.TestKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON null where the API document has an object of terms or a list (it marks none of them
 * nullable) is a 400 naming it, on every operation that takes one: "overrides": null was a 500
 * (found from outside), as were "vary", "proposals", "monthlyCosts" and the facts' lists.
 */
class NullContainersTest extends ServerTest {

    private static Arguments nulled(String path, String example, Consumer<ObjectNode> breakIt, String pointer) {
        ObjectNode request = example.startsWith("scenarios/") ? ScenariosApiTest.example(example.substring("scenarios/".length()))
                : Requests.small();
        breakIt.accept(request);
        return Arguments.of(path, pointer, JSON.writeValueAsString(request));
    }

    private static Arguments contract(Consumer<ObjectNode> breakIt, String pointer) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ipaId", "null-ipa").put("payer", "Payer").put("templateId", "mssp-basic")
                .put("effectiveFrom", "2025-01-01").put("effectiveTo", "2025-12-31");
        breakIt.accept(body);
        return Arguments.of("/api/v1/contracts", pointer, JSON.writeValueAsString(body));
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                nulled("/api/v1/evaluations", "small", r -> r.withObject("/contract").putNull("overrides"), "/contract/overrides"),
                nulled("/api/v1/evaluations:validate", "small", r -> r.withObject("/contract").putNull("overrides"), "/contract/overrides"),
                nulled("/api/v1/evaluations", "small", r -> r.withObject("/facts").putNull("practices"), "/facts/practices"),
                nulled("/api/v1/evaluations", "small", r -> r.withObject("/facts/practices/0").putNull("qualityMeasures"),
                        "/facts/practices/0/qualityMeasures"),
                nulled("/api/v1/evaluations", "small", r -> r.withObject("/facts/practices/1").putNull("extra"),
                        "/facts/practices/1/extra"),
                nulled("/api/v1/scenarios/sweep", "scenarios/sweep-sharing-rate", r -> r.putNull("vary"), "/vary"),
                nulled("/api/v1/scenarios/sweep", "scenarios/sweep-sharing-rate", r -> r.withObject("/contract").putNull("overrides"),
                        "/contract/overrides"),
                nulled("/api/v1/scenarios/compare", "scenarios/compare-sharing-rate", r -> r.putNull("proposals"), "/proposals"),
                nulled("/api/v1/scenarios/compare", "scenarios/compare-sharing-rate", r -> r.withObject("/baseline").putNull("overrides"),
                        "/baseline/overrides"),
                nulled("/api/v1/scenarios/compare", "scenarios/compare-sharing-rate",
                        r -> r.withObject("/proposals/0").putNull("overrides"), "/proposals/0/overrides"),
                nulled("/api/v1/scenarios/simulate", "scenarios/simulate-small-panel", r -> r.withObject("/contract").putNull("overrides"),
                        "/contract/overrides"),
                nulled("/api/v1/scenarios/simulate", "scenarios/simulate-small-panel", r -> r.putNull("expectedCostPerMember"),
                        "/expectedCostPerMember"),
                nulled("/api/v1/scenarios/cash-flow", "scenarios/cashflow-ma-capitation", r -> r.putNull("monthlyCosts"), "/monthlyCosts"),
                contract(c -> c.putNull("overrides"), "/overrides"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nulls")
    void aNullObjectOrListIsABadRequestNamingIt(String path, String pointer, String body) {
        assertOnlyError(assertProblem(postJson(path, body), 400, path), pointer, "must not be null");
    }

    @ParameterizedTest(name = "a job: {0} {1}")
    @MethodSource("nulls")
    void aNullObjectOrListInAJobIsABadRequestNamingIt(String path, String pointer, String body) {
        String kind = path.startsWith("/api/v1/scenarios/") ? path.substring("/api/v1/scenarios/".length()) : null;
        if (kind == null || kind.equals("cash-flow")) {
            return;
        }
        Reply made = send(HttpRequest.newBuilder(URI.create(url("/api/v1/jobs")))
                .header("Content-Type", "application/json")
                .header(TestKeys.HEADER, TestKeys.only("negotiator"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"" + kind + "\":" + body + "}")));
        assertOnlyError(assertProblem(made, 400, "/api/v1/jobs"), "/" + kind + pointer, "must not be null");
    }
}
