package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every malformed request is a 4xx RFC 9457 problem naming the field and the reason; none is evaluated. */
class ProblemResponsesTest extends ServerTest {

    private static final String EVALUATIONS = "/api/v1/evaluations";
    private static final String VALIDATE = "/api/v1/evaluations:validate";

    @BeforeEach
    void forgetEarlierEvaluations() {
        clearInvocations(evaluations);
    }

    /** Asserts the problem's shape and returns its errors. */
    static JsonNode assertProblem(Reply reply, int status, String instance) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        return problem.get("errors");
    }

    static void assertOnlyError(JsonNode errors, String pointer, String reason) {
        assertThat(errors).as("errors").isNotNull();
        assertThat(errors.size()).as(errors.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo(pointer);
        assertThat(errors.get(0).get("reason").asString()).contains(reason);
    }

    private static ObjectNode at(ObjectNode request, String pointer) {
        return (ObjectNode) request.at(pointer);
    }

    private static Arguments problem(String name, Consumer<ObjectNode> breakIt, String pointer, String reason) {
        ObjectNode request = Requests.small();
        breakIt.accept(request);
        return Arguments.of(name, ServerTest.JSON.writeValueAsString(request), pointer, reason);
    }

    @Nested
    @DisplayName("a body that does not match the API document is a 400")
    class NotTheDocumentsShape {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("malformed JSON", "{\"contract\": {\"templateId\": \"mssp-basic\"}, \"facts\": {",
                            "/facts", "not valid JSON"),
                    Arguments.of("not an object", "[1, 2]", "", "expected an object"),
                    Arguments.of("trailing text", "{\"contract\": {\"templateId\": \"mssp-basic\"}} and more", "",
                            "not valid JSON"),
                    Arguments.of("a field twice", "{\"contract\": {\"templateId\": \"a\", \"templateId\": \"b\"}}",
                            "/contract/templateId", "Duplicate"),
                    problem("unknown field", r -> at(r, "/facts/practices/1").put("favouriteColour", "blue"),
                            "/facts/practices/1/favouriteColour", "unknown field 'favouriteColour'"),
                    problem("unknown top-level field", r -> r.put("priority", "high"),
                            "/priority", "unknown field 'priority'"),
                    problem("whole number expected", r -> at(r, "/facts/practices/0").put("memberMonths", "many"),
                            "/facts/practices/0/memberMonths", "expected a whole number"),
                    problem("whole number with a fraction", r -> at(r, "/facts/practices/0").put("visits", 12.5),
                            "/facts/practices/0/visits", "expected a whole number"),
                    problem("number out of range", r -> at(r, "/facts/practices/0").put("visits", 99999999999L),
                            "/facts/practices/0/visits", "out of range: a whole number here is at most 2147483647"),
                    problem("date expected", r -> at(r, "/facts/period").put("start", "2025-13-01"),
                            "/facts/period/start", "expected a date"),
                    // A day is YYYY-MM-DD alone: a date-time or a space after the day was taken, its day kept.
                    problem("date-time where a day belongs", r -> at(r, "/facts/period").put("start", "2025-01-01T00:00:00Z"),
                            "/facts/period/start", "expected a date as YYYY-MM-DD"),
                    problem("date-time without a zone where a day belongs", r -> at(r, "/facts/period").put("end", "2025-12-31T23:30:00"),
                            "/facts/period/end", "expected a date as YYYY-MM-DD"),
                    problem("a space after the day", r -> at(r, "/facts/period").put("start", "2025-01-01 "),
                            "/facts/period/start", "expected a date as YYYY-MM-DD"),
                    problem("true or false expected", r -> at(r, "/facts/period").put("metQualityStandard", "yes"),
                            "/facts/period/metQualityStandard", "expected true or false"),
                    problem("string expected", r -> at(r, "/contract").put("templateId", 42),
                            "/contract/templateId", "expected a string"),
                    problem("null in a list", r -> ((ArrayNode) r.at("/facts/practices")).insertNull(1),
                            "/facts/practices/1", "must not be null"),
                    problem("missing template id", r -> at(r, "/contract").remove("templateId"),
                            "/contract/templateId", "is required"),
                    problem("missing facts", r -> r.remove("facts"), "/facts", "is required"),
                    problem("missing total cost of care", r -> at(r, "/facts/practices/2").remove("totalCostOfCare"),
                            "/facts/practices/2/totalCostOfCare", "is required"),
                    problem("missing measure exclusions", r -> at(r, "/facts/practices/0/qualityMeasures/3").remove("exclusions"),
                            "/facts/practices/0/qualityMeasures/3/exclusions", "is required"),
                    problem("no practices", r -> r.withObject("/facts").putArray("practices"),
                            "/facts/practices", "must not be empty"),
                    problem("negative member months", r -> at(r, "/facts/practices/0").put("memberMonths", -12),
                            "/facts/practices/0/memberMonths", "must be greater than or equal to 0 (was -12)"),
                    problem("negative numerator", r -> at(r, "/facts/practices/1/qualityMeasures/0").put("numerator", -1),
                            "/facts/practices/1/qualityMeasures/0/numerator", "must be greater than or equal to 0"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void isABadRequestNamingTheField(String name, String body, String pointer, String reason) {
            JsonNode errors = assertProblem(postJson(EVALUATIONS, body), 400, EVALUATIONS);

            assertOnlyError(errors, pointer, reason);
            verify(evaluations, never()).evaluate(any(), any());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void isTheSameBadRequestWhenOnlyValidating(String name, String body, String pointer, String reason) {
            JsonNode errors = assertProblem(postJson(VALIDATE, body), 400, VALIDATE);

            assertOnlyError(errors, pointer, reason);
            verify(evaluations, never()).check(any(), any());
        }

        @Test
        void anEmptyBodyIsABadRequest() {
            JsonNode errors = assertProblem(post(EVALUATIONS, "application/json", new byte[0]), 400, EVALUATIONS);

            assertOnlyError(errors, "", "a JSON body is required");
        }

        @Test
        void everyMissingFieldIsListed() {
            ObjectNode request = Requests.small();
            at(request, "/facts/practices/0").remove("memberMonths");
            at(request, "/facts/practices/2").remove("averageRiskScore");

            JsonNode errors = assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(request)), 400, EVALUATIONS);

            assertThat(errors.size()).isEqualTo(2);
            assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/facts/practices/0/memberMonths");
            assertThat(errors.get(1).get("pointer").asString()).isEqualTo("/facts/practices/2/averageRiskScore");
        }
    }

    @Nested
    @DisplayName("a body the evaluator cannot accept is a 422")
    class NotEvaluable {

        static Stream<Arguments> unprocessable() {
            return Stream.of(
                    problem("numerator above the denominator less exclusions",
                            r -> at(r, "/facts/practices/0/qualityMeasures/0").put("numerator", 119).put("denominator", 121).put("exclusions", 3),
                            "/facts/practices/0/qualityMeasures/0/numerator", "exceeds the denominator less exclusions (118)"),
                    problem("exclusions above the denominator",
                            r -> at(r, "/facts/practices/1/qualityMeasures/2").put("exclusions", 500),
                            "/facts/practices/1/qualityMeasures/2/exclusions", "exceed the denominator"),
                    problem("negative cost of care", r -> at(r, "/facts/practices/2").put("totalCostOfCare", "-1.00"),
                            "/facts/practices/2/totalCostOfCare", "cannot be negative"),
                    problem("a practice id used twice", r -> at(r, "/facts/practices/1").put("id", "P01"),
                            "/facts/practices/1/id", "used twice"),
                    problem("unknown template", r -> at(r, "/contract").put("templateId", "mssp-platinum"),
                            "/contract/templateId", "no template 'mssp-platinum'"),
                    problem("unknown override", r -> at(r, "/contract").putObject("overrides").put("sharingRatio", "0.5"),
                            "/contract/overrides/sharingRatio", "has no parameter 'sharingRatio'"),
                    problem("override above its range", r -> at(r, "/contract").putObject("overrides").put("maximumSharingRate", "1.5"),
                            "/contract/overrides/maximumSharingRate", "above the maximum 1"),
                    // 42 CFR 425.605(b)(2) offers 0%, or 0.5% to 2.0% in steps of 0.5%: 0.7% was settled (found from outside).
                    problem("an elected minimum savings rate the regulation does not offer", r -> at(r, "/contract").putObject("overrides")
                            .put("minimumSavingsRateBasis", "elected").put("electedMinimumSavingsRate", "0.007"),
                            "/contract/overrides/electedMinimumSavingsRate", "0.007 is not one of the values electedMinimumSavingsRate may take in any contract of concept shared-savings: 0, 0.005, 0.01, 0.015, 0.02"),
                    problem("override below its range", r -> at(r, "/contract").putObject("overrides").put("reconciliationLagMonths", -1),
                            "/contract/overrides/reconciliationLagMonths", "below the minimum 0"),
                    problem("override not one of the words", r -> at(r, "/contract").putObject("overrides").put("adminFeeBasis", "per-visit"),
                            "/contract/overrides/adminFeeBasis", "is not one of [pmpm, share-of-pool]"),
                    problem("override of the wrong type", r -> at(r, "/contract").putObject("overrides").put("maximumSharingRate", true),
                            "/contract/overrides/maximumSharingRate", "expected a decimal number"),
                    // An override's type is the template's, not the document's: a value its parameter cannot read is
                    // refused as one of the wrong type is, whatever it looks like (".1" was a 400 and "0x1" a 422).
                    problem("override too long to be a rate", r -> at(r, "/contract").putObject("overrides")
                            .put("maximumSharingRate", "1E+999999999"), "/contract/overrides/maximumSharingRate", "at most 30 digits"),
                    problem("override as a JSON number with an exponent beyond int", r -> at(r, "/contract").putObject("overrides")
                            .put("maximumSharingRate", new java.math.BigDecimal("-1E+2147483647")), "/contract/overrides/maximumSharingRate", "at most 30 digits"),
                    // A well-formed body whose field the document types as a decimal holds none: the value's problem, in the
                    // status and words an override's is refused in ("1." was a 400 in a fact, a 422 in an override).
                    problem("decimal expected", r -> at(r, "/facts/practices/2").put("totalCostOfCare", "lots"),
                            "/facts/practices/2/totalCostOfCare", "'lots' is not a decimal in bounds: expected a decimal"),
                    problem("decimal with a comma for its point", r -> at(r, "/facts/period").put("benchmarkExpenditure", "1,5e7"),
                            "/facts/period/benchmarkExpenditure", "'1,5e7' is not a decimal in bounds"),
                    problem("decimal with a space before its digits", r -> at(r, "/facts/period").put("benchmarkExpenditure", " 15000000"),
                            "/facts/period/benchmarkExpenditure", "' 15000000' is not a decimal in bounds"),
                    problem("decimal with an exponent beyond int, as a JSON number", r -> at(r, "/facts/period").put("benchmarkExpenditure",
                            new java.math.BigDecimal("1E+2147483647")), "/facts/period/benchmarkExpenditure", "at most 30 digits"),
                    problem("negative decimal with an exponent beyond int, as a string", r -> at(r, "/facts/practices/1")
                            .put("totalCostOfCare", "-1E+2147483647"), "/facts/practices/1/totalCostOfCare", "at most 30 digits"),
                    problem("risk score with an exponent beyond int", r -> at(r, "/facts/practices/0")
                            .put("averageRiskScore", new java.math.BigDecimal("1E+2147483647")), "/facts/practices/0/averageRiskScore", "at most 30 digits"),
                    problem("decimal too long to be money", r -> at(r, "/facts/period").put("benchmarkExpenditure",
                            new java.math.BigDecimal("1E+400")), "/facts/period/benchmarkExpenditure", "at most 30 digits"),
                    problem("override with a point and no fraction", r -> at(r, "/contract").putObject("overrides")
                            .put("maximumSharingRate", "1."), "/contract/overrides/maximumSharingRate", "'1.' is not a decimal in bounds"),
                    problem("override in hexadecimal", r -> at(r, "/contract").putObject("overrides")
                            .put("maximumSharingRate", "0x1"), "/contract/overrides/maximumSharingRate", "'0x1' is not a decimal in bounds"),
                    // A rung without a field its rules read was a 500 (a null share in the corridor rule), and stored as a version.
                    problem("a scale's rung without one of its fields", r -> {
                        at(r, "/contract").put("templateId", "ma-capitation");
                        at(r, "/contract").putObject("overrides").putArray("corridorBands").addObject()
                                .put("threshold", "0").put("ipaShareOfGains", "1");
                    }, "/contract/overrides/corridorBands/0/ipaShareOfLosses", "is required"),
                    problem("a scale's rung with a field the scale does not have", r -> {
                        at(r, "/contract").put("templateId", "ma-capitation");
                        at(r, "/contract").putObject("overrides").putArray("corridorBands").addObject()
                                .put("threshold", "0").put("ipaShareOfGains", "1").put("ipaShareOfLosses", "1").put("bogus", "0.7");
                    }, "/contract/overrides/corridorBands/0/bogus", "is not a field of corridorBands"),
                    problem("a period input a clause requires", r -> {
                        at(r, "/contract").put("templateId", "mssp-aco-basic-a");
                        at(r, "/facts/period").remove("reportedQualityScore");
                    }, "/facts/period/reportedQualityScore", "needs reportedQualityScore"),
                    problem("a risk corridor's target of 0: no practice has member months", r -> {
                        at(r, "/contract").put("templateId", "ma-capitation");
                        for (int i = 0; i < 3; i++) {
                            at(r, "/facts/practices/" + i).put("memberMonths", 0).put("attributedMembers", 0).put("annualWellnessVisits", 0);
                        }
                    }, "/facts/practices", "no practice has member months, so that target is 0: no variance is a share of it"),
                    problem("a risk corridor's target of 0: a targetPmpm of 0", r -> {
                        at(r, "/contract").put("templateId", "ma-capitation");
                        at(r, "/contract").putObject("overrides").put("targetPmpm", "0");
                    }, "/contract/overrides/targetPmpm", "a targetPmpm of 0 makes that target 0"),
                    problem("a global budget of 0: no practice has member months", r -> {
                        at(r, "/contract").put("templateId", "commercial-global-budget");
                        for (int i = 0; i < 3; i++) {
                            at(r, "/facts/practices/" + i).put("memberMonths", 0).put("attributedMembers", 0).put("annualWellnessVisits", 0);
                        }
                    }, "/facts/practices", "no practice has member months, so that budget is 0: the whole cost compared with it would be a deficit"),
                    problem("a global budget of 0: a budgetPmpm of 0", r -> {
                        at(r, "/contract").put("templateId", "commercial-global-budget-stop-loss");
                        at(r, "/contract").putObject("overrides").put("budgetPmpm", "0");
                    }, "/contract/overrides/budgetPmpm", "a budgetPmpm of 0 makes that budget 0"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unprocessable")
        void isUnprocessableNamingTheField(String name, String body, String pointer, String reason) {
            JsonNode errors = assertProblem(postJson(EVALUATIONS, body), 422, EVALUATIONS);

            assertThat(postJson(EVALUATIONS, body).json().get("type").asString()).isEqualTo("urn:accord:problem:invalid-input");
            assertOnlyError(errors, pointer, reason);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unprocessable")
        void isTheSameProblemWhenOnlyValidating(String name, String body, String pointer, String reason) {
            assertOnlyError(assertProblem(postJson(VALIDATE, body), 422, VALIDATE), pointer, reason);
        }

        @Test
        void everyProblemIsListedNotJustTheFirst() {
            ObjectNode request = Requests.small();
            at(request, "/facts/practices/0/qualityMeasures/1").put("exclusions", 400);
            at(request, "/contract").putObject("overrides").put("maximumSharingRate", "2").put("sharingRatio", "0.5");

            JsonNode errors = assertProblem(postJson(EVALUATIONS, JSON.writeValueAsString(request)), 422, EVALUATIONS);

            List<String> pointers = new ArrayList<>();
            errors.forEach(e -> pointers.add(e.get("pointer").asString()));
            assertThat(pointers).containsExactly("/facts/practices/0/qualityMeasures/1/exclusions",
                    "/contract/overrides/maximumSharingRate", "/contract/overrides/sharingRatio");
        }
    }

    @Nested
    @DisplayName("the request as a whole")
    class TheRequest {

        /** A body of more than 2 MiB: the small example with a very long IPA name. */
        private byte[] oversized() {
            ObjectNode request = Requests.small();
            at(request, "/facts/ipa").put("name", "x".repeat(3 * 1024 * 1024));
            return JSON.writeValueAsBytes(request);
        }

        @Test
        void aBodyAboveTheLimitIsTooLarge() {
            Reply reply = post(EVALUATIONS, "application/json", oversized());

            assertThat(assertProblem(reply, 413, EVALUATIONS)).isNull();
            assertThat(reply.json().get("detail").asString()).isEqualTo("the request body exceeds 2097152 bytes");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            verify(evaluations, never()).evaluate(any(), any());
        }

        @Test
        void aChunkedBodyAboveTheLimitIsTooLarge() {
            byte[] body = oversized();
            // A publisher of unknown length makes the client send the body chunked, without Content-Length.
            Flow.Publisher<java.nio.ByteBuffer> unknownLength = HttpRequest.BodyPublishers.ofByteArray(body);
            Reply reply = send(HttpRequest.newBuilder(URI.create(url(EVALUATIONS)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(unknownLength)));

            assertProblem(reply, 413, EVALUATIONS);
            verify(evaluations, never()).evaluate(any(), any());
        }

        @Test
        void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
            Reply reply = post(EVALUATIONS, "text/plain", "contract=mssp-basic".getBytes(StandardCharsets.UTF_8));

            assertProblem(reply, 415, EVALUATIONS);
            assertThat(reply.json().get("detail").asString()).contains("text/plain");
        }

        @Test
        void aWrongMethodIsNotAllowed() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(url(EVALUATIONS))).DELETE());

            assertProblem(reply, 405, EVALUATIONS);
            assertThat(reply.json().get("detail").asString()).contains("DELETE");
        }

        @Test
        void aResponseTypeTheOperationCannotGiveIsNotAcceptable() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(url("/api/v1/contract-templates")))
                    .header("Accept", "application/xml").GET());

            assertProblem(reply, 406, "/api/v1/contract-templates");
        }

        @Test
        void anUnknownPathIsNotFound() {
            // /api/v1/contracts is an operation since contracts are stored; this path is no operation
            assertProblem(get("/api/v1/agreements"), 404, "/api/v1/agreements");
        }

        @Test
        void anUnknownTemplateIsNotFound() {
            Reply reply = get("/api/v1/contract-templates/mssp-platinum");

            assertProblem(reply, 404, "/api/v1/contract-templates/mssp-platinum");
            assertThat(reply.json().get("detail").asString()).startsWith("no template 'mssp-platinum'; known: [");
        }

        @Test
        void anUnknownRuleFileIsNotFound() {
            assertProblem(get("/api/v1/rules/payment%2Fbonus.drl"), 404, "/api/v1/rules/payment%2Fbonus.drl");
            assertProblem(get("/api/v1/rules/payment/bonus.drl"), 404, "/api/v1/rules/payment/bonus.drl");
        }

        @Test
        void aRulePathThatClimbsOutOfTheRulesIsRejected() {
            for (String path : List.of("/api/v1/rules/..%2Fpom.xml", "/api/v1/rules/payment%2F..%2F..%2Fpom.xml",
                    "/api/v1/rules/%2Fetc%2Fpasswd", "/api/v1/rules/payment/..%2F..%2Fpom.xml")) {
                JsonNode errors = assertProblem(get(path), 400, path);

                assertThat(errors.get(0).get("parameter").asString()).isEqualTo("path");
                assertThat(errors.get(0).get("reason").asString()).contains("without '..'");
            }
        }

        @Test
        void anIdLongerThanTheDocumentAllowsIsABadRequestNamingTheParameter() {
            String tooLong = "a".repeat(5000);
            for (String[] operation : new String[][] {{"/api/v1/evaluations/", "evaluationId"}, {"/api/v1/jobs/", "jobId"},
                    {"/api/v1/contracts/", "contractId"}}) {
                String path = operation[0] + tooLong;
                JsonNode errors = assertProblem(get(path), 400, path);

                assertThat(errors.get(0).get("parameter").asString()).isEqualTo(operation[1]);
                assertThat(errors.get(0).get("reason").asString()).isEqualTo("at most 36 characters, got 5000");
            }
            assertThat(get("/api/v1/evaluations/" + "a".repeat(36)).status()).as("36 characters are looked up").isEqualTo(404);
        }

        /** A misspelt filter listed every run, as if none were asked for: a query parameter the operation does not take is a 400. */
        @Test
        void aQueryParameterTheOperationDoesNotTakeIsABadRequestNamingIt() {
            JsonNode errors = assertProblem(get("/api/v1/evaluations?ipa=valley-ipa"), 400, "/api/v1/evaluations");
            assertThat(errors.get(0).get("parameter").asString()).isEqualTo("ipa");
            assertThat(errors.get(0).get("reason").asString()).isEqualTo("this operation takes no such query parameter; it takes "
                    + "caller, ipaId, limit, offset, performanceYear, storedBefore, storedFrom, templateId");
            assertThat(assertProblem(get("/api/v1/contract-templates?x=1"), 400, "/api/v1/contract-templates").get(0).get("reason")
                    .asString()).isEqualTo("this operation takes no query parameters");
            assertThat(get("/api/v1/evaluations?ipaId=valley-ipa&limit=5").status()).isEqualTo(200);
        }

        /** A path parameter the document gives a form (a content hash) is checked against it: it was a 404. */
        @Test
        void aHashNotOfTheFormTheDocumentGivesIsABadRequestNamingTheParameter() {
            for (String hash : new String[] {"xyz", "sha256:" + "AB".repeat(32)}) {
                String path = "/api/v1/decision-tables/" + hash;
                JsonNode errors = assertProblem(get(path), 400, path);

                assertThat(errors.get(0).get("parameter").asString()).isEqualTo("tableHash");
                assertThat(errors.get(0).get("reason").asString()).isEqualTo("not of the form ^sha256:[0-9a-f]{64}$");
            }
            assertThat(get("/api/v1/decision-tables/sha256:" + "ab".repeat(32)).status()).as("a well-formed hash is looked up")
                    .isEqualTo(404);
        }

        @Test
        void aPathTomcatRefusesItselfIsABadRequestProblemNotAnHtmlPage() {
            for (String path : List.of("/api/v1/%00", "/api/v1/rules/%5c", "/api/v1/rules/%c0%af", "/api/v1/evaluations%00")) {
                Reply reply = get(path);

                assertThat(reply.status()).as(path).isEqualTo(400);
                assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
                assertThat(reply.json().get("status").asInt()).isEqualTo(400);
                assertThat(reply.json().get("title").asString()).isEqualTo("Bad Request");
                assertThat(reply.json().get("detail").asString()).contains("malformed");
            }
        }

        @Test
        void aPathWithADotDotSemicolonIsABadRequestProblem() {
            // Spring Security's firewall refuses the path before any handler; its refusal is a problem too.
            assertProblem(get("/api/v1/..;/evaluations"), 400, "/api/v1/..;/evaluations");
        }

        @Test
        void aMultipartBodyIsAnUnsupportedMediaTypeProblem() {
            Reply reply = post(EVALUATIONS, "multipart/form-data; boundary=xyz",
                    "--xyz\r\nContent-Disposition: form-data; name=\"facts\"\r\n\r\n{}\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8));

            assertProblem(reply, 415, EVALUATIONS);
            verify(evaluations, never()).evaluate(any(), any());
        }

        @Test
        void acceptingOnlyProblemsOnAValidRequestIsNotAcceptableRatherThanASettlementLabelledAsAProblem() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(url(EVALUATIONS))).header("Content-Type", "application/json")
                    .header("Accept", "application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerTest.JSON.writeValueAsString(Requests.small()))));

            assertProblem(reply, 406, EVALUATIONS);
            assertThat(reply.json().get("detail").asString()).contains("application/problem+json is the type of errors only");
            verify(evaluations, never()).evaluate(any(), any());
        }

        @Test
        void acceptingJsonOrProblemsStillGivesTheSettlement() {
            Reply reply = send(HttpRequest.newBuilder(URI.create(url(EVALUATIONS))).header("Content-Type", "application/json")
                    .header("Accept", "application/problem+json, application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerTest.JSON.writeValueAsString(Requests.small()))));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
        }
    }
}
