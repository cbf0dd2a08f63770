package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.testing.PackagedService;
import org.accord.testing.TestJwkSet;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar runs on the bean definitions generated at build time, whose conditions and
 * logging configuration saw the build's properties and profiles; what an operator sets at run time
 * must still hold: a JWK set for bearer tokens (and {@code -Dspring.aot.enabled=false} starts the
 * same jar the usual way, with the same result), the {@code dev} and {@code json-logs} profiles.
 * Runs after {@code package} (failsafe); without the jar it fails, never skips.
 */
class GeneratedBeanDefinitionsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "generated bean definitions: {0}")
    @ValueSource(booleans = {true, false})
    void aJwkSetNamedAtRunTimeChecksBearerTokens(boolean generated) throws Exception {
        assertThat(PackagedService.JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        Path target = Files.createDirectories(Path.of("target"));
        Path log = Files.createTempFile(target, "bearer-tokens-", ".log");
        try (TestJwkSet jwkSet = TestJwkSet.serve()) {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "ACCORD_DATA_DIR", Files.createTempDirectory(target, "bearer-tokens-data-").toString(),
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", jwkSet.uri()));
            if (!generated) {
                environment.put("JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=false");
            }
            PackagedService service = PackagedService.start(environment, log);
            try {
                String started = Files.readString(log);
                if (generated) {
                    assertThat(started).as("the jar starts on the generated bean definitions by default").contains("Starting AOT-processed");
                } else {
                    assertThat(started).contains("Starting ").doesNotContain("AOT-processed");
                }

                assertThat(get(service, "Bearer " + TestTokens.withRoles("someone", List.of("negotiator"))).statusCode()).isEqualTo(200);
                assertThat(jwkSet.fetches()).as("the keys came from the JWK set").isPositive();
                assertThat(get(service, "Bearer " + TestTokens.withRoles("someone", List.of("billing-clerk"))).statusCode()).isEqualTo(403);
                assertThat(get(service, "Bearer " + TestTokens.expired("someone", List.of("admin"))).statusCode()).isEqualTo(401);
            } finally {
                service.stop();
            }
        }
    }

    @Test
    void profilesTurnedOnAtRunTimeApply() throws Exception {
        assertThat(PackagedService.JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        Path target = Files.createDirectories(Path.of("target"));
        Path log = Files.createTempFile(target, "profiles-", ".log");
        PackagedService service = PackagedService.start(Map.of(
                "ACCORD_DATA_DIR", Files.createTempDirectory(target, "profiles-data-").toString(),
                "SPRING_PROFILES_ACTIVE", "dev,json-logs"), log);
        try {
            List<String> lines = Files.readAllLines(log);
            // json-logs: every line of Spring's start is a JSON object (Elastic Common Schema)
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("{").contains("\"ecs\"").contains("Starting AOT-processed"));
            assertThat(lines).filteredOn(line -> line.contains("Tomcat started on port")).allSatisfy(line -> assertThat(line).startsWith("{"));
            // dev: the admin key printed once on standard error
            String key = lines.stream().filter(line -> line.startsWith("Development admin key")).findFirst()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1)).orElseThrow(() -> new AssertionError("no development key:\n" + lines));
            HttpResponse<String> templates = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/contract-templates"))
                    .timeout(Duration.ofSeconds(30)).header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(templates.statusCode()).isEqualTo(200);
        } finally {
            service.stop();
        }
    }

    private static HttpResponse<String> get(PackagedService service, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/contract-templates"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
