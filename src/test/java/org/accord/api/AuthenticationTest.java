package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.accord.testing.TestKeys;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who gets in: API keys by hash, bearer tokens by signature and expiry, roles from the token's
 * claim; health and the page's files for anyone, the rest of the actuator for admins only.
 */
class AuthenticationTest extends ServerTest {

    private Reply getWith(String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (header != null) {
            request.header(header, value);
        }
        return sendAsIs(request.build());
    }

    private Reply getAnonymously(String path) {
        return getWith(path, null, null);
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("title").asString()).isEqualTo(status == 401 ? "Unauthorized" : "Forbidden");
    }

    @Nested
    class ApiKeys {

        @Test
        void aKnownKeyIsLetIn() {
            assertThat(getWith("/api/v1/contract-templates", TestKeys.HEADER, TestKeys.only("integrator")).status()).isEqualTo(200);
        }

        @Test
        void anUnknownKeyIsUnauthorizedEvenWhereNoKeyIsNeeded() {
            assertProblem(getWith("/api/v1/contract-templates", TestKeys.HEADER, "acc_not-a-key"), 401);
            assertProblem(getWith("/actuator/health", TestKeys.HEADER, "acc_not-a-key"), 401);
        }

        @Test
        void anExpiredKeyIsUnauthorized() {
            Reply reply = getWith("/api/v1/contract-templates", TestKeys.HEADER, TestKeys.EXPIRED);

            assertProblem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-API-Key\", Bearer");
        }

        @Test
        void theRefusalSaysNothingOfTheKey() {
            Reply reply = getWith("/api/v1/contract-templates", TestKeys.HEADER, TestKeys.EXPIRED);

            assertThat(reply.body()).doesNotContain("expired").doesNotContain("tests,");
        }
    }

    @Nested
    class BearerTokens {

        @Test
        void aSignedTokenCarriesItsRolesFromTheRolesClaim() {
            String negotiator = "Bearer " + TestTokens.withRoles("someone", List.of("negotiator"));

            assertThat(getWith("/api/v1/contract-templates", "Authorization", negotiator).status()).isEqualTo(200);
            assertProblem(getWith("/actuator/info", "Authorization", negotiator), 403);
        }

        @Test
        void rolesOfOtherApplicationsGrantNothing() {
            String other = "Bearer " + TestTokens.withRoles("someone", List.of("billing-clerk"));

            assertProblem(getWith("/api/v1/contract-templates", "Authorization", other), 403);
        }

        @Test
        void anExpiredTokenIsUnauthorized() {
            assertProblem(getWith("/api/v1/contract-templates", "Authorization",
                    "Bearer " + TestTokens.expired("someone", List.of("admin"))), 401);
        }

        @Test
        void aTokenNotSignedByTheIssuerIsUnauthorized() {
            String token = TestTokens.withRoles("someone", List.of("admin"));
            String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

            assertProblem(getWith("/api/v1/contract-templates", "Authorization", "Bearer " + forged), 401);
        }
    }

    @Nested
    class Operators {

        @Test
        void healthIsPublicAndSaysNoMoreThanUp() {
            Reply health = getAnonymously("/actuator/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.json().propertyNames()).doesNotContain("components", "details");
        }

        @Test
        void theRestOfTheActuatorIsForAdminsOnly() {
            for (String path : List.of("/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
                assertProblem(getAnonymously(path), 401);
                assertProblem(getWith(path, TestKeys.HEADER, TestKeys.only("reviewer")), 403);
                assertThat(getWith(path, TestKeys.HEADER, TestKeys.only("admin")).status()).as(path).isEqualTo(200);
            }
        }

        @Test
        void prometheusShowsEvaluationsByTemplateAndRuleFirings() {
            assertThat(postJson("/api/v1/evaluations", JSON.writeValueAsString(Requests.small())).status()).isEqualTo(200);

            String metrics = getWith("/actuator/prometheus", TestKeys.HEADER, TestKeys.only("admin")).body();

            assertThat(metrics).containsPattern("accord_evaluations_seconds_count\\{[^}]*outcome=\"settled\"[^}]*template=\"mssp-basic\"[^}]*} [1-9]")
                    .containsPattern("accord_rule_firings_total\\{[^}]*template=\"mssp-basic\"[^}]*} [1-9]")
                    .containsPattern("accord_evaluations_cpu_seconds_count\\{[^}]*template=\"mssp-basic\"[^}]*} [1-9]")
                    .containsPattern("accord_evaluations_cpu_seconds_sum\\{[^}]*template=\"mssp-basic\"[^}]*} 0\\.0*[1-9]");
        }
    }

    @Nested
    class ThePage {

        @Test
        void itsFilesNeedNoCredential() {
            for (String path : List.of("/", "/index.html", "/js/api.js", "/api-spec/accord.yaml", "/swagger-ui/index.html")) {
                assertThat(getAnonymously(path).status()).as(path).isEqualTo(200);
                Reply head = sendAsIs(HttpRequest.newBuilder(URI.create(url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
                assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
            }
            Reply api = sendAsIs(HttpRequest.newBuilder(URI.create(url("/api/v1/contract-templates"))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(api.status()).as("HEAD of an operation still needs a credential").isEqualTo(401);
        }

        @Test
        void everyAnswerCarriesSecurityHeaders() {
            for (String path : List.of("/", "/api/v1/contract-templates")) {
                Reply reply = path.startsWith("/api") ? get(path) : getAnonymously(path);

                assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
                assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
                assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            }
        }

        @Test
        void anotherSitesPageMayNotCallTheApi() {
            Reply preflight = sendAsIs(HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations")))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "x-api-key,content-type").build());
            Reply call = get("/api/v1/contract-templates");
            Reply crossOrigin = sendAsIs(HttpRequest.newBuilder(URI.create(url("/api/v1/contract-templates"))).GET()
                    .header("Origin", "https://elsewhere.example").header(TestKeys.HEADER, TestKeys.EVERY_ROLE).build());

            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(call.header("Access-Control-Allow-Origin")).isNull();
            assertThat(crossOrigin.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Nested
    class RequestIds {

        @Test
        void aRequestIdIsEchoed() {
            Reply reply = sendAsIs(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).GET().header("X-Request-Id", "batch-7/run-12").build());

            assertThat(reply.header("X-Request-Id")).isEqualTo("batch-7/run-12");
        }

        @Test
        void aRequestWithoutOneGetsOne() {
            assertThat(getAnonymously("/actuator/health").header("X-Request-Id")).matches("[0-9a-f-]{36}");
            assertThat(getAnonymously("/api/v1/contract-templates").header("X-Request-Id")).matches("[0-9a-f-]{36}");
        }

        @Test
        void bidirectionalOverridesAndControlsAreStrippedFromIt() {
            // U+202E turns the rest of a log line around on screen ("run" then "21-nur" shown reversed)
            assertThat(org.accord.api.RequestIds.idOf("run\u202E21-nur")).isEqualTo("run21-nur");
            assertThat(org.accord.api.RequestIds.idOf("a\u0000b\u001b[2Jc\u2066d")).isEqualTo("ab[2Jcd");
            assertThat(org.accord.api.RequestIds.idOf("\u202E\u0007")).matches("[0-9a-f-]{36}");
            // U+202E sent in UTF-8 and read, as header bytes are, as ISO-8859-1: E2 80 AE, three characters
            assertThat(org.accord.api.RequestIds.idOf("run\u00E2\u0080\u00AE21-nur")).isEqualTo("run21-nur");
            assertThat(org.accord.api.RequestIds.idOf("x".repeat(500))).hasSize(128);
        }
    }
}
