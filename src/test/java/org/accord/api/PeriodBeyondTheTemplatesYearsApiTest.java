package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A period reaching into a performance year its template does not settle is refused at the end of the period that
 * reaches it, for the reason a contract version covering the same days is refused (found from outside, Q1): a July-to-June
 * year 2018-07-01 to 2019-06-30 as 2019 settled under mssp-aco-basic-a (705,600.00) at terms that begin in 2019, and
 * 2026-07-01 to 2027-06-30 as 2026 under commercial-global-budget, whose values stop in 2026, with no word of either,
 * where {@code POST /contracts} refused those days. The facts are under {@code src/test/resources/facts/across-years/}.
 */
class PeriodBeyondTheTemplatesYearsApiTest extends ServerTest {

    private static final String FOLDER = "src/test/resources/facts/across-years/";

    static Stream<Arguments> periodsBeyond() {
        return Stream.of(
                Arguments.of("fiscal-year-reaching-before-the-first-performance-year.json", "mssp-aco-basic-a", "2018-07-01",
                        "2019-06-30", "/effectiveFrom", "/period/start",
                        "2018-07-01 to 2018-12-31 of the period 2018-07-01 to 2019-06-30 fall in performance year 2018: template"
                                + " mssp-aco-basic-a settles performance years from 2019, not 2018: its terms begin in 2019 and are"
                                + " not carried back before it"),
                Arguments.of("fiscal-year-reaching-past-the-last-performance-year.json", "commercial-global-budget", "2026-07-01",
                        "2027-06-30", "/effectiveTo", "/period/end",
                        "2027-01-01 to 2027-06-30 of the period 2026-07-01 to 2027-06-30 fall in performance year 2027: template"
                                + " commercial-global-budget settles performance years 2024 to 2026, not 2027: its values are given"
                                + " for those years and do not carry on past 2026"));
    }

    private String request(String file, String template) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("templateId", template);
        request.set("facts", JSON.readTree(read(FOLDER + file)));
        return JSON.writeValueAsString(request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periodsBeyond")
    void anEvaluationAValidationAndAComparisonAreRefusedAsAContractVersionOfTheSameDaysIs(String file, String template, String from,
            String to, String contractPointer, String pointer, String reason) {
        ObjectNode version = JSON.createObjectNode().put("ipaId", "ipa-" + template).put("payer", "Payer").put("templateId", template)
                .put("effectiveFrom", from).put("effectiveTo", to);
        JsonNode contractRefused = assertProblem(postJson("/api/v1/contracts", JSON.writeValueAsString(version)), 422, "/api/v1/contracts");
        assertOnlyError(contractRefused, contractPointer, "");
        assertThat(reason).as("the contract path's reason, for the same days").endsWith(": " + contractRefused.get(0).get("reason").asString());

        Reply evaluated = postJson("/api/v1/evaluations", request(file, template));
        assertOnlyError(assertProblem(evaluated, 422, "/api/v1/evaluations"), "/facts" + pointer, reason);
        assertThat(evaluated.header("Location")).as("no run is stored").isNull();
        assertOnlyError(assertProblem(postJson("/api/v1/evaluations:validate", request(file, template)), 422,
                "/api/v1/evaluations:validate"), "/facts" + pointer, reason);
        ObjectNode compare = JSON.createObjectNode();
        compare.putObject("baseline").put("templateId", template);
        compare.putArray("proposals").addObject().put("templateId", template);
        compare.set("facts", JSON.readTree(read(FOLDER + file)));
        assertOnlyError(assertProblem(postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare)), 422,
                "/api/v1/scenarios/compare"), "/facts" + pointer, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periodsBeyond")
    void theCommandLineRefusesItNamingTheFieldInTheFile(String file, String template, String from, String to, String contractPointer,
            String pointer, String reason) {
        CommandLineRun run = CommandLineRun.run("evaluate", "--template", template, "--facts", FOLDER + file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("invalid input:", "  " + FOLDER + file + "#" + pointer + ": " + reason);
    }

    /** A July-to-June year within the template's years settles as before, its other year's values named (ValuesOfOtherYears). */
    @Test
    void aPeriodWithinTheTemplatesYearsIsAccepted() {
        assertThat(postJson("/api/v1/evaluations:validate", request("fiscal-year-global-budget.json", "commercial-global-budget")).status())
                .isEqualTo(200);
        String withinItsYears = request("fiscal-year-reaching-before-the-first-performance-year.json", "mssp-aco-basic-a")
                .replace("2018-07-01", "2019-07-01").replace("2019-06-30", "2020-06-30");
        assertThat(postJson("/api/v1/evaluations:validate", withinItsYears).status()).isEqualTo(200);
    }
}
