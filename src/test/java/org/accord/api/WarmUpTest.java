package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service evaluates the bundled example, and replays that evaluation, before it reports ready:
 * readiness refuses until the warm-up has run while liveness and health answer, and the warm-up
 * stores no run and no audit event.
 * A runner ordered before the warm-up reads the probes while the server is up and the warm-up not yet run.
 */
@SpringBootTest(classes = {AccordService.class, WarmUpTest.BeforeWarmUp.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"accord.warm-up.evaluations=3", "accord.warm-up.replays=2"})
class WarmUpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each probe's status code and body, read before the warm-up ran. */
    static final Map<String, String> BEFORE = new LinkedHashMap<>();
    static int evaluationsDoneBefore = -1;

    @LocalServerPort
    int port;

    @Autowired
    WarmUp warmUp;

    @Autowired
    DataSource dataSource;

    @TestConfiguration(proxyBeanMethods = false)
    static class BeforeWarmUp {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner probesBeforeWarmUp(Environment environment, WarmUp warmUp) {
            return arguments -> {
                evaluationsDoneBefore = warmUp.evaluationsDone();
                int port = environment.getRequiredProperty("local.server.port", Integer.class);
                for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
                    BEFORE.put(probe, get(port, probe));
                }
            };
        }
    }

    @Test
    void readinessRefusesUntilTheWarmUpHasRunWhileLivenessAndHealthAnswer() {
        assertThat(evaluationsDoneBefore).isZero();
        assertThat(BEFORE.get("/actuator/health")).startsWith("200 ").contains("\"status\":\"UP\"");
        assertThat(BEFORE.get("/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(BEFORE.get("/actuator/health/readiness")).isEqualTo("503 {\"status\":\"OUT_OF_SERVICE\"}");

        assertThat(warmUp.evaluationsDone()).isEqualTo(3);
        assertThat(warmUp.replaysDone()).isEqualTo(2);
        assertThat(get(port, "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(get(port, "/actuator/health")).startsWith("200 ").contains("\"status\":\"UP\"");
    }

    @Test
    void theWarmUpStoresNoRunAndAuditsNothing() {
        JdbcTemplate database = new JdbcTemplate(dataSource);

        assertThat(warmUp.evaluationsDone()).isEqualTo(3);
        assertThat(warmUp.replaysDone()).isEqualTo(2);
        assertThat(database.queryForObject("SELECT COUNT(*) FROM run", Integer.class)).isZero();
        assertThat(database.queryForObject("SELECT COUNT(*) FROM stored_facts", Integer.class)).isZero();
        assertThat(database.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isZero();
    }

    /** "status body", e.g. {@code 503 {"status":"OUT_OF_SERVICE"}}. */
    static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
