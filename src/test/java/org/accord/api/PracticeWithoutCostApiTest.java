package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A practice with member months and a total cost of care of 0 is refused when the contract's distribution weighs each
 * practice's cost (found from outside: under mssp-basic, Z at $0.00 beside A and B at $4,500,000.00 for the same 12,000
 * member months took the whole cost-performance share and twice their distribution); a distribution by member months
 * and quality accepts it. The facts are {@code src/test/resources/facts/for-the-contract/practice-with-member-months-and-no-cost.json}.
 */
class PracticeWithoutCostApiTest extends ServerTest {

    private static final String FILE = "src/test/resources/facts/for-the-contract/practice-with-member-months-and-no-cost.json";
    private static final String REASON = "practice Z has 12,000 member months and a total cost of care of 0: clause distribution"
            + " (Distribution to member practices) weighs each practice's cost against its share of the shared-savings cost target,"
            + " and a practice whose members had care has a cost of care above 0 (none is a missing claims feed, which would take"
            + " the whole cost-performance share)";

    private String request(String template, String costPerformanceWeight) {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode contract = request.putObject("contract").put("templateId", template);
        if (costPerformanceWeight != null) {
            contract.putObject("overrides").put("costPerformanceWeight", costPerformanceWeight).put("memberMonthsWeight", "0.75");
        }
        request.set("facts", JSON.readTree(read(FILE)));
        return JSON.writeValueAsString(request);
    }

    @Test
    void anEvaluationAndAValidationAreRefusedAtThePracticesCost() {
        Reply evaluated = postJson("/api/v1/evaluations", request("mssp-basic", null));
        assertOnlyError(assertProblem(evaluated, 422, "/api/v1/evaluations"), "/facts/practices/2/totalCostOfCare", REASON);
        assertThat(evaluated.header("Location")).as("no run is stored").isNull();
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations:validate", request("mssp-basic", null)), 422,
                "/api/v1/evaluations:validate"), "/facts/practices/2/totalCostOfCare", REASON);
    }

    @Test
    void aDistributionThatWeighsNoPracticesCostAcceptsIt() {
        Reply validated = postJson("/api/v1/evaluations:validate", request("mssp-basic", "0"));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
    }

    @Test
    void theCommandLineRefusesItNamingTheFieldInTheFile() {
        CommandLineRun run = CommandLineRun.run("evaluate", "--template", "mssp-basic", "--facts", FILE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("invalid input:", "  " + FILE + "#/practices/2/totalCostOfCare: " + REASON);
    }
}
