package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.validation.Decimals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The API document is written for integrators: every operation says what it does, every
 * parameter and field has a description and an example, and every error has one shape.
 */
class ApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = YAMLMapper.builder().build().readTree(Files.readString(Path.of("api-spec/accord.yaml")));
    }

    @Test
    void isOpenApi303VersionedUnderApiV1() {
        assertThat(document.get("openapi").asString()).isEqualTo("3.0.3");
        // Generated clients take the first server as their default, so it is absolute; pages use the relative one.
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("http://{host}/api/v1");
        assertThat(document.at("/servers/0/variables/host/default").asString()).isEqualTo("localhost:8080");
        assertThat(document.at("/servers/1/url").asString()).isEqualTo("/api/v1");
        assertThat(document.at("/info/description").asString())
                .contains("Decimals travel as strings", "JSON number is accepted too", "application/problem+json");
    }

    @Test
    void hasTheOperationsOtherToolsCall() {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(operations).containsExactlyInAnyOrder("GET /contract-templates", "GET /contract-templates/{templateId}", "GET /contract-templates/{templateId}/document",
                "POST /contract-templates", "POST /decision-tables", "GET /decision-tables/{tableHash}",
                "POST /evaluations", "GET /evaluations", "GET /evaluations/{evaluationId}", "GET /evaluations/{evaluationId}/export", "POST /evaluations/{evaluationId}/replay", "POST /evaluations:validate", "POST /facts:read", "POST /facts:read-csv", "GET /example-facts",
                "GET /example-facts/{exampleId}", "GET /rules", "GET /rules/{path}", "GET /methodology/{page}", "POST /backtests",
                "POST /scenarios/compare", "POST /scenarios/sweep", "POST /scenarios/simulate", "POST /scenarios/cash-flow",
                "POST /scenarios/compare.csv", "POST /scenarios/sweep.csv", "POST /scenarios/simulate.csv", "POST /scenarios/cash-flow.csv",
                "POST /api-keys", "GET /api-keys", "DELETE /api-keys/{keyId}", "GET /audit-events",
                "POST /facts", "POST /facts:store-csv", "GET /facts/{factsId}",
                "POST /contracts", "GET /contracts", "GET /contracts/{contractId}", "POST /contracts/{contractId}/versions",
                "GET /contracts/{contractId}/versions", "GET /contracts/{contractId}/versions/{versionId}", "GET /contracts/{contractId}/versions/{versionId}/document",
                "POST /contracts/{contractId}/versions/{versionId}/publication",
                "POST /jobs", "GET /jobs", "GET /jobs/{jobId}", "DELETE /jobs/{jobId}", "GET /jobs/{jobId}/result");
    }

    @Test
    void everyOperationHasAnIdASummaryAndADescription() {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey() + " " + path.getKey();
            assertThat(operation.path("operationId").asString()).as(where).isNotBlank();
            assertThat(operation.path("summary").asString()).as(where).isNotBlank();
            assertThat(operation.path("description").asString()).as(where).isNotBlank();
            assertThat(operation.path("tags").size()).as(where).isEqualTo(1);
        }));
    }

    @Test
    void everyParameterHasADescriptionAndAnExample() {
        document.at("/components/parameters").properties().forEach(parameter -> {
            assertThat(parameter.getValue().path("description").asString()).as(parameter.getKey()).isNotBlank();
            assertThat(parameter.getValue().has("example")).as(parameter.getKey()).isTrue();
        });
    }

    @Test
    void everySchemaAndFieldHasADescriptionAndEveryFieldAnExample() {
        List<String> missing = new ArrayList<>();
        document.at("/components/schemas").properties().forEach(schema -> {
            if (schema.getValue().path("description").asString().isBlank()) {
                missing.add(schema.getKey() + ": description");
            }
            schema.getValue().path("properties").properties().forEach(field -> {
                JsonNode property = field.getValue();
                String where = schema.getKey() + "." + field.getKey();
                if (property.has("$ref")) {
                    return; // described by the schema it names (OpenAPI 3.0 ignores siblings of $ref)
                }
                if (property.path("description").asString().isBlank()) {
                    missing.add(where + ": description");
                }
                if (!property.has("example")) {
                    missing.add(where + ": example");
                }
            });
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void everyDecimalRefersToTheOneDecimalSchemaWhichStatesTheServersGrammarAndLimits() {
        Set<String> decimals = Set.of("PerformancePeriod.benchmarkExpenditure", "PracticePerformance.totalCostOfCare",
                "PracticePerformance.averageRiskScore", "SettlementLine.amount", "Totals.payerTotal", "PracticeTotal.total",
                "BacktestMiss.expected", "SweepRange.step", "SimulationRequest.coefficientOfVariation", "TotalDelta.delta",
                "SweepPoint.riskSharing", "OutcomeSummary.p95", "CashFlowMonth.cumulativeNet");
        for (String decimal : decimals) {
            String[] at = decimal.split("\\.");
            JsonNode property = document.at("/components/schemas/" + at[0] + "/properties/" + at[1]);
            assertThat(property.path("$ref").asString()).as(decimal).isEqualTo("#/components/schemas/Decimal");
        }
        JsonNode schema = document.at("/components/schemas/Decimal");
        assertThat(schema.path("type").asString()).isEqualTo("string");
        assertThat(schema.path("maxLength").asInt()).isEqualTo(Decimals.MAX_TEXT_LENGTH);
        assertThat(schema.path("description").asString()).contains(Decimals.MAX_INTEGER_DIGITS + " digits before the point",
                Decimals.MAX_FRACTION_DIGITS + " after");
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(schema.path("pattern").asString());
        for (String accepted : List.of("0.50", "-12.50", "+3", "5.253755E+8", "0E-8", "1e2", ".5", "-.5", "+.5", ".5e1")) {
            assertThat(pattern.matcher(accepted).find()).as(accepted).isTrue();
            assertThat(Decimals.parse(accepted)).as(accepted).isPresent();
        }
        for (String refused : List.of("1.", ".", "-.", ".e1", "1,5", "0x10", "1E", " 1", "NaN")) {
            assertThat(pattern.matcher(refused).find()).as(refused).isFalse();
            assertThat(Decimals.parse(refused)).as(refused).isEmpty();
        }
    }

    @Test
    void noDecimalIsWrittenOutsideTheDecimalSchema() throws IOException {
        assertThat(Files.readString(Path.of("api-spec/accord.yaml"))).doesNotContain("format: number");
    }

    @Test
    void everyErrorIsOneProblemDetailAsRfc9457HasIt() {
        JsonNode problem = document.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.at("/components/schemas/InputProblem/properties").propertyNames())
                .contains("pointer", "reason");

        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            method.getValue().get("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    return;
                }
                String ref = response.getValue().path("$ref").asString();
                JsonNode declared = document.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(declared.at("/content").propertyNames()).as(response.getKey() + " of " + path.getKey())
                        .containsExactly("application/problem+json");
                assertThat(declared.at("/content/application~1problem+json/schema/$ref").asString())
                        .isEqualTo("#/components/schemas/ProblemDetail");
            });
        }));
    }

    @Test
    void everyScenarioAnswersJsonOrCsvAndEveryBoundOfWorkIsInTheDocument() {
        for (String operation : List.of("compare", "sweep", "simulate", "cash-flow")) {
            JsonNode ok = document.at("/paths/~1scenarios~1" + operation + "/post/responses/200/content");
            assertThat(ok.propertyNames()).as(operation).containsExactly("application/json", "text/csv");
            JsonNode table = document.at("/paths/~1scenarios~1" + operation + ".csv/post/responses/200/content");
            assertThat(table.propertyNames()).as(operation + ".csv").containsExactly("text/csv");
        }
        assertThat(document.at("/components/schemas/SimulationRequest/properties/trials/maximum").asInt())
                .isEqualTo(100_000);
        assertThat(document.at("/info/description").asString()).contains("at most 100,000",
                String.format(java.util.Locale.ROOT, "%,d points", WorkLimits.MAX_SWEEP_POINTS),
                String.format(java.util.Locale.ROOT, "%,d practice-years", WorkLimits.MAX_PRACTICE_YEARS));
        assertThat(document.at("/paths/~1backtests/post/requestBody/content").propertyNames()).containsExactly("text/csv");
    }

    @Test
    void theEvaluationRequestTakesTheFactsAsTheExamplesWriteThem() {
        JsonNode request = document.at("/components/schemas/EvaluationRequest");

        // the facts themselves, or the id of stored facts: exactly one, checked by the server (StoredFactsApiTest)
        assertThat(request.get("required").valueStream().map(JsonNode::asString).toList()).containsExactly("contract");
        assertThat(request.at("/properties/facts/$ref").asString()).isEqualTo("#/components/schemas/PerformanceFacts");
        assertThat(request.at("/properties/factsId/$ref").asString()).isEqualTo("#/components/schemas/FactsId");
        assertThat(Map.of("ipa", "Ipa", "period", "PerformancePeriod"))
                .allSatisfy((field, schema) -> assertThat(document.at("/components/schemas/PerformanceFacts/properties/"
                        + field + "/$ref").asString()).endsWith(schema));
    }
}
