package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Swagger UI shows the API document itself; health and build information come from Actuator. */
class OperationsTest extends ServerTest {

    @Test
    void swaggerUiIsServed() {
        Reply page = get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void swaggerUiShowsTheApiDocumentNotAGeneratedOne() {
        JsonNode config = get("/v3/api-docs/swagger-config").json();

        assertThat(config.get("url").asString()).isEqualTo("/api-spec/accord.yaml");
        assertThat(get("/v3/api-docs").status()).isEqualTo(404);
    }

    @Test
    void theApiDocumentIsServedAsWritten() throws IOException {
        Reply document = get("/api-spec/accord.yaml");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/yaml");
        assertThat(document.body()).isEqualTo(Files.readString(Path.of("api-spec/accord.yaml")));
    }

    @Test
    void healthIsUp() {
        Reply health = get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void infoNamesTheBuildAndTheRules() {
        JsonNode info = get("/actuator/info").json();

        assertThat(info.at("/build/artifact").asString()).isEqualTo("accord");
        assertThat(info.at("/build/version").asString()).isNotBlank();
        assertThat(info.at("/accord/rulesHash").asString()).isEqualTo(evaluations.rules().hash());
        // the shipped templates, and any another test of this shared server published
        assertThat(info.at("/accord/templates").size()).isGreaterThanOrEqualTo(EndToEndTest.TEMPLATES.size());
    }

    @Test
    void theValidateRouteWithItsColonIsNotTakenForAnEvaluation() {
        Reply reply = postJson("/api/v1/evaluations:validate", JSON.writeValueAsString(Requests.small()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().has("termsHash")).isTrue();
        assertThat(reply.json().has("lines")).isFalse();
    }
}
