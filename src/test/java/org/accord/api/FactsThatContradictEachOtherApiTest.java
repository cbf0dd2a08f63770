package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertOnlyError;
import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.accord.facts.PerformanceFacts;
import org.accord.io.FactsCsv;
import org.accord.io.Json;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Facts each of whose fields is valid alone but that contradict one another, and facts beyond the bounds
 * rules/facts.yaml declares (found from outside, each of them settling wrong money), are refused on every path with a 422 naming the field and both sides, and nothing is
 * stored: an evaluation, a validation, a comparison, facts stored as JSON or as a CSV of practices, and the
 * command line. The files are in {@code src/test/resources/facts/contradictory/} and {@code beyond-bounds/}.
 */
class FactsThatContradictEachOtherApiTest extends ServerTest {

    private static final String FOLDER = "src/test/resources/facts/";

    static Stream<Arguments> contradictions() {
        return Stream.of(
                // P1's one high-cost member cost 5,000,000 of a total cost of care of 100,000.00: the stop-loss left
                // 3,880,000.00 of it out, an actual cost of -$3,780,000.00, and overpaid the IPA $2,328,000.
                Arguments.of("contradictory/high-cost-members-beyond-total-cost-of-care.json", "commercial-global-budget-stop-loss",
                        "/practices/0/extra/highCostMemberCosts",
                        "its amounts sum to 5000000, more than the practice's totalCostOfCare of 100000.00, which it is a part of"),
                // Performance year 2022 of an agreement begun 2024-01-01, a low revenue ACO whose savings rate of 2% is
                // below its minimum of 3.6%: paid $39,200.00 "in an agreement begun in 2024".
                Arguments.of("contradictory/agreement-begun-after-the-performance-year.json", "mssp-aco-basic-a", "/period/agreementStart",
                        "the agreement starts on 2024-01-01, after the performance period ends on 2022-12-31 (performance year"
                                + " 2022): a performance year belongs to an agreement begun by its end"),
                // Found from outside: P01's 5,000 wellness visits for 4,836 member months were paid 5,000 x $25.00 = $125,000.00,
                // where its wellness-visit measure counted 196.
                Arguments.of("contradictory/more-wellness-visits-than-member-months.json", "medicaid-ffs-p4p",
                        "/practices/0/annualWellnessVisits", "5000 annual wellness visits for 4836 member months: a member has at most"
                                + " one in twelve months and was a member for at least a month of the period, or part of one, which counts"
                                + " as one, so the visits are at most the member months"),
                // Performance year 2025, the period 2026: settled on the 2025 budget of $1,020 PMPM.
                Arguments.of("contradictory/period-outside-its-performance-year.json", "commercial-global-budget", "/period/performanceYear",
                        "the period 2026-01-01 to 2026-12-31 has 0 of its 365 days in performance year 2025, 0 of its 12 months: a year's"
                                + " contract values apply only to a period at least half in that year, counted in months (a part of a"
                                + " month by its share of the month's days)"),
                // Performance year 2025, the period 2025-12-31 to 2026-12-30: settled on the 2025 budget of $1,020 PMPM, a pool
                // of $1,705,600.00 where 2026's $1,055 PMPM pays $2,346,400.00 ($640,800 apart).
                Arguments.of("contradictory/period-mostly-outside-its-performance-year.json", "commercial-global-budget", "/period/performanceYear",
                        "the period 2025-12-31 to 2026-12-30 has 1 of its 365 days in performance year 2025, 0.03 of its 12 months: a"
                                + " year's contract values apply only to a period at least half in that year, counted in months (a part"
                                + " of a month by its share of the month's days)"),
                // Four years, 2022 to 2025, settled as performance year 2025 alone.
                Arguments.of("contradictory/period-longer-than-24-months.json", "commercial-global-budget", "/period/end",
                        "the period 2022-01-01 to 2025-12-31 lasts 48 months (1461 days): a performance period lasts at most 24 months,"
                                + " so one starting on 2022-01-01 ends by 2023-12-31"),
                // Found from outside: a risk score of 1e20 settled A's capitation at $6,240,000,000,000,000,000,000,000.00.
                Arguments.of("beyond-bounds/risk-score-above-10.json", "ma-capitation", "/practices/0/averageRiskScore",
                        "must be at most 10 (was 100000000000000000000)"),
                // Found from outside: a risk score of 1e-30 settled A's capitation at $0.00 and left B alone in the corridor's target.
                Arguments.of("beyond-bounds/risk-score-below-0.1.json", "ma-capitation", "/practices/0/averageRiskScore",
                        "must be at least 0.1 (was 0.000000000000000000000000000001)"),
                // Found from outside: thirty nines of cost settled a payer total of -$2e29.
                Arguments.of("beyond-bounds/total-cost-of-care-above-480-billion.json", "ma-capitation", "/practices/0/totalCostOfCare",
                        "must be at most 480000000000 USD (was 999999999999999999999999999999)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void anEvaluationAValidationAndAComparisonAreRefusedNamingTheField(String file, String template, String pointer, String reason) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("contract").put("templateId", template);
        request.set("facts", JSON.readTree(read(FOLDER + file)));

        Reply evaluated = postJson("/api/v1/evaluations", JSON.writeValueAsString(request));
        assertOnlyError(assertProblem(evaluated, 422, "/api/v1/evaluations"), "/facts" + pointer, reason);
        assertThat(evaluated.header("Location")).as("no run is stored").isNull();

        assertOnlyError(assertProblem(postJson("/api/v1/evaluations:validate", JSON.writeValueAsString(request)), 422,
                "/api/v1/evaluations:validate"), "/facts" + pointer, reason);

        ObjectNode compare = JSON.createObjectNode();
        compare.putObject("baseline").put("templateId", template);
        compare.putArray("proposals").addObject().put("templateId", template);
        compare.set("facts", request.get("facts"));
        assertOnlyError(assertProblem(postJson("/api/v1/scenarios/compare", JSON.writeValueAsString(compare)), 422,
                "/api/v1/scenarios/compare"), "/facts" + pointer, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void factsStoredAsJsonOrAsACsvOfPracticesAreRefusedAndNotStored(String file, String template, String pointer, String reason) {
        Reply json = postJson("/api/v1/facts", read(FOLDER + file));
        assertOnlyError(assertProblem(json, 422, "/api/v1/facts"), pointer, reason);
        assertThat(json.header("Location")).isNull();

        PerformanceFacts facts = Json.readFacts(Path.of(FOLDER + file));
        ObjectNode csv = JSON.createObjectNode();
        csv.putObject("ipa").put("id", facts.ipa().id());
        csv.set("period", JSON.readTree(read(FOLDER + file)).get("period"));
        csv.put("practicesCsv", FactsCsv.write(facts));
        Reply fromCsv = postJson("/api/v1/facts:store-csv", JSON.writeValueAsString(csv));
        JsonNode errors = assertProblem(fromCsv, 422, "/api/v1/facts:store-csv");
        String inCsv = pointer.startsWith("/practices/0/") ? "/practicesCsv" : pointer;
        assertOnlyError(errors, inCsv, reason);
        assertThat(fromCsv.header("Location")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void theCommandLineRefusesThemNamingTheFieldInTheFile(String file, String template, String pointer, String reason) {
        CommandLineRun run = CommandLineRun.run("evaluate", "--template", template, "--facts", FOLDER + file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("invalid input:", "  " + FOLDER + file + "#" + pointer + ": " + reason);
    }
}
