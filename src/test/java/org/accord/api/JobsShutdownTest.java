package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.accord.jobs.Job;
import org.accord.jobs.JobState;
import org.accord.jobs.Jobs;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stopping the service (what SIGTERM does: Spring's shutdown hook closes the context) leaves no
 * job running: a job still running after the grace period fails as "service stopped", a queued
 * one fails at once. Its own server, with one heavy slot and a grace of a fifth of a second.
 */
class JobsShutdownTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void runningAndQueuedJobsFailAsServiceStoppedWhenTheServiceStops() throws Exception {
        // arguments, which outrank the tests' configuration file (its heavy-at-once is 16)
        ConfigurableApplicationContext service = new SpringApplicationBuilder(AccordService.class)
                .run("--server.port=0", "--accord.security.heavy-at-once=1", "--accord.jobs.shutdown-grace=200ms",
                        "--spring.datasource.url=jdbc:h2:mem:jobs-shutdown;DB_CLOSE_DELAY=-1");
        Jobs jobs = service.getBean(Jobs.class);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        Job running;
        Job queued;
        try {
            // 100,000 trials of the 25-practice example: far longer than the grace period
            ObjectNode simulation = (ObjectNode) JSON.readTree(ServerTest.read("examples/scenarios/simulate-small-panel.json"));
            simulation.set("facts", JSON.readTree(ServerTest.read("examples/valley-ipa.json")));
            simulation.put("trials", 100_000);
            ObjectNode body = JSON.createObjectNode();
            body.set("simulate", simulation);
            running = jobs.find(create(port, body).path("id").asString()).orElseThrow();
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (running.done() == 0) {
                assertThat(System.nanoTime()).as("the job never reported progress").isLessThan(end);
                Thread.sleep(20);
            }
            queued = jobs.find(create(port, body).path("id").asString()).orElseThrow();
            assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        } finally {
            service.close();
        }
        assertThat(running.state()).isEqualTo(JobState.FAILED);
        assertThat(running.failure()).isEqualTo("service stopped before the job finished");
        assertThat(running.done()).isLessThan(100_000);
        assertThat(running.runId()).isNull();
        assertThat(queued.state()).isEqualTo(JobState.FAILED);
        assertThat(queued.failure()).isEqualTo("service stopped before the job finished");
        assertThat(jobs.running()).isZero();
    }

    private static JsonNode create(int port, JsonNode body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs"))
                .header("Content-Type", "application/json").header(TestKeys.HEADER, TestKeys.only("negotiator"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }
}
