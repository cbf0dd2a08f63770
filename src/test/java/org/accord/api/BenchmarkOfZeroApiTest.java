package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A benchmark of zero is refused for a contract whose clauses compare cost with it (found from outside: under mssp-basic,
 * $9,000,000 spent against a $0 benchmark settled "Savings of -$9,000,000.00 (0% of the $0.00 benchmark)" and "No shared
 * losses: expenditures exceed the benchmark by 0%"), as a global budget or a corridor target of zero is; a contract
 * that reads no benchmark accepts it. The facts are {@code src/test/resources/facts/for-the-contract/benchmark-of-zero.json}.
 */
class BenchmarkOfZeroApiTest extends ServerTest {

    private static final String FILE = "src/test/resources/facts/for-the-contract/benchmark-of-zero.json";
    private static final String REASON = "clause shared-savings (Shared savings) compares the IPA's expenditures with the benchmark,"
            + " as savings or losses and their rate of it, and a benchmark of 0 makes every difference a share of nothing: a"
            + " benchmark is above 0";

    private String request(String template) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("templateId", template);
        request.set("facts", JSON.readTree(read(FILE)));
        return JSON.writeValueAsString(request);
    }

    @Test
    void anEvaluationAndAValidationUnderSharedSavingsAreRefusedAtTheBenchmark() {
        Reply evaluated = postJson("/api/v1/evaluations", request("mssp-basic"));
        assertOnlyError(assertProblem(evaluated, 422, "/api/v1/evaluations"), "/facts/period/benchmarkExpenditure", REASON);
        assertThat(evaluated.header("Location")).as("no run is stored").isNull();
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations:validate", request("mssp-basic")), 422,
                "/api/v1/evaluations:validate"), "/facts/period/benchmarkExpenditure", REASON);
    }

    @Test
    void aContractThatReadsNoBenchmarkAcceptsIt() {
        assertThat(postJson("/api/v1/evaluations:validate", request("medicaid-ffs-p4p")).status()).isEqualTo(200);
    }

    @Test
    void theCommandLineRefusesItNamingTheFieldInTheFile() {
        CommandLineRun run = CommandLineRun.run("evaluate", "--template", "mssp-enhanced", "--facts", FILE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("invalid input:", "  " + FILE + "#/period/benchmarkExpenditure: "
                + REASON);
    }
}
