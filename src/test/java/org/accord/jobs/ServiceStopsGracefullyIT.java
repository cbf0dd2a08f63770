package org.accord.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.accord.testing.PackagedService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SIGTERM, as an operator or a container runtime sends it, stops the packaged service the way
 * application.properties promises: a job that finished before the signal keeps its stored result,
 * a job still running gets the jobs' shutdown grace and then fails as "service stopped before the
 * job finished", and the process ends well within the shutdown phase's timeout with the JVM's
 * exit for a handled SIGTERM. After a restart on the same data directory both jobs read as they
 * ended. Runs after {@code package} (failsafe); without the jar it fails, never skips.
 */
class ServiceStopsGracefullyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** How long running jobs may go on after the signal (accord.jobs.shutdown-grace). */
    private static final Duration JOBS_GRACE = Duration.ofSeconds(2);
    /** The bound on each phase of the shutdown (spring.lifecycle.timeout-per-shutdown-phase). */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(10);
    /** The JVM's exit code once its shutdown hooks have run after SIGTERM (128 + 15). */
    private static final int STOPPED_BY_SIGTERM = 128 + 15;

    @Test
    void sigtermLetsFinishedJobsKeepTheirResultsAndFailsTheRunningOneWithinTheGrace() throws Exception {
        assertThat(PackagedService.JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "stop-test-");
        Map<String, String> environment = Map.of("ACCORD_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "ACCORD_JOBS_SHUTDOWN_GRACE", JOBS_GRACE.toMillis() + "ms",
                "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", PHASE_TIMEOUT.toSeconds() + "s");

        PackagedService first = PackagedService.start(environment, dataDir.resolve("first.log"));
        String shortJob;
        String longJob;
        JsonNode shortJobEnded;
        try {
            shortJob = create(first, simulation(200));
            shortJobEnded = ended(first, shortJob);
            assertThat(shortJobEnded.path("state").asString()).as(shortJobEnded.toString()).isEqualTo("succeeded");
            // 100,000 trials of the 25-practice example: minutes of work, far beyond the grace
            longJob = create(first, simulation(100_000));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (job(first, longJob).path("done").asLong() == 0) {
                assertThat(System.nanoTime()).as("the long job never reported progress").isLessThan(end);
                Thread.sleep(100);
            }
        } catch (AssertionError | Exception e) {
            first.process().destroyForcibly();
            throw e;
        }

        long signalled = System.nanoTime();
        first.process().destroy(); // SIGTERM
        boolean exited = first.process().waitFor(PHASE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        if (!exited) {
            first.process().destroyForcibly();
        }
        String firstLog = Files.readString(first.log());
        assertThat(exited).as("the service exits after SIGTERM within the shutdown phase's timeout; log:%n%s", firstLog).isTrue();
        assertThat(stopping).as("the running job is stopped after the grace, not waited for").isLessThan(PHASE_TIMEOUT);
        assertThat(first.process().exitValue()).as("a handled SIGTERM, not a crash or a kill").isEqualTo(STOPPED_BY_SIGTERM);
        assertThat(firstLog).contains("Graceful shutdown complete").doesNotContain("Exception");

        PackagedService second = PackagedService.start(environment, dataDir.resolve("second.log"));
        try {
            JsonNode shortAfter = job(second, shortJob);
            assertThat(shortAfter.path("state").asString()).isEqualTo("succeeded");
            assertThat(shortAfter.path("runId").asString()).isEqualTo(shortJobEnded.path("runId").asString());
            assertThat(shortAfter.path("done").asLong()).isEqualTo(200);
            HttpResponse<String> result = second.get("/api/v1/jobs/" + shortJob + "/result");
            assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
            assertThat(JSON.readTree(result.body()).path("trials").asLong()).isEqualTo(200);

            JsonNode longAfter = job(second, longJob);
            assertThat(longAfter.path("state").asString()).as(longAfter.toString()).isEqualTo("failed");
            assertThat(longAfter.path("failure").asString()).isEqualTo("service stopped before the job finished");
            assertThat(longAfter.path("done").asLong()).isPositive().isLessThan(100_000);
            assertThat(longAfter.has("runId")).isFalse();
            assertThat(second.get("/api/v1/jobs/" + longJob + "/result").statusCode()).isEqualTo(409);
        } finally {
            second.stop();
        }
    }

    private static ObjectNode simulation(int trials) throws IOException {
        ObjectNode simulation = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples/scenarios/simulate-small-panel.json")));
        simulation.set("facts", JSON.readTree(Files.readString(Path.of("examples/valley-ipa.json"))));
        simulation.put("trials", trials);
        ObjectNode body = JSON.createObjectNode();
        body.set("simulate", simulation);
        return body;
    }

    private static String create(PackagedService service, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> made = service.post("/api/v1/jobs", JSON.writeValueAsString(body));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        return JSON.readTree(made.body()).path("id").asString();
    }

    private static JsonNode job(PackagedService service, String id) throws IOException, InterruptedException {
        HttpResponse<String> read = service.get("/api/v1/jobs/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.readTree(read.body());
    }

    private static JsonNode ended(PackagedService service, String id) throws IOException, InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonNode job = job(service, id);
            if (List.of("succeeded", "failed", "cancelled").contains(job.path("state").asString())) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s still %s", id, job.path("state").asString()).isLessThan(end);
            Thread.sleep(100);
        }
    }
}
