package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.accord.io.Json;
import org.accord.jobs.HeavyWork;
import org.accord.jobs.JobState;
import org.accord.jobs.Jobs;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;
import org.accord.security.AuditLog;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs through HTTP: made (202 and Location), polled to the end, their result read from the
 * stored run, cancelled; seen only by their caller, reviewers and admins; refused with 429 when
 * the queue is full. States are reached by polling with a deadline, never by waiting a while.
 */
class JobsApiTest extends ServerTest {

    private static final String JOBS = "/api/v1/jobs";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    Scenarios scenarios;
    @Autowired
    HeavyWork heavy;
    @Autowired
    Jobs jobs;
    @Autowired
    AuditLog audit;
    @Autowired
    JobSettings settings;
    @Autowired
    ApplicationContext context;

    private static ObjectNode simulation(int trials) {
        ObjectNode request = ScenariosApiTest.example("simulate-small-panel");
        request.put("trials", trials);
        return request;
    }

    private static ObjectNode job(String kind, JsonNode request) {
        ObjectNode body = JSON.createObjectNode();
        body.set(kind, request);
        return body;
    }

    private Reply create(JsonNode body, String key) {
        return send(HttpRequest.newBuilder(URI.create(url(JOBS)))
                .header("Content-Type", "application/json")
                .header(TestKeys.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private Reply as(String key, String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header(TestKeys.HEADER, key).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls the job until it is in a final state, failing after the deadline. */
    private JsonNode finished(String location, String key) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonNode job = as(key, "GET", location).json();
            if (List.of("succeeded", "failed", "cancelled").contains(job.path("state").asText())) {
                return job;
            }
            assertThat(System.nanoTime()).as("job still %s after %s", job.path("state").asText(), DEADLINE).isLessThan(end);
            pause();
        }
    }

    /**
     * Spring's test context cache pauses a context it is not using and resumes it later; the jobs'
     * end is not paused with it, since it cannot be undone: a resumed context refused every job with
     * a 503 "the service is stopping" (seen when another test class's context ran first).
     */
    @Test
    void theJobsAreNotStoppedWhenTheContextIsPaused() {
        assertThat(context.getBean("jobsShutdown", SmartLifecycle.class).isPauseable()).isFalse();
    }

    @Test
    void aSimulationJobIsAcceptedPolledAndItsStoredResultIsTheSimulationsOwn() {
        String negotiator = TestKeys.only("negotiator");
        Reply made = create(job("simulate", simulation(300)), negotiator);

        assertThat(made.status()).as(made.body()).isEqualTo(202);
        String location = made.header("Location");
        assertThat(location).isEqualTo(JOBS + "/" + made.json().path("id").asText());
        assertThat(made.json().path("kind").asText()).isEqualTo("simulate");
        assertThat(made.json().path("caller").asText()).isEqualTo("key:tests, negotiator");

        JsonNode job = finished(location, negotiator);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
        // 300 trials: the progress counts trials, and a finished job has done them all
        assertThat(job.path("done").asLong()).isEqualTo(300);
        assertThat(job.path("total").asLong()).isEqualTo(300);
        assertThat(job.path("result").asText()).isEqualTo(location + "/result");

        Reply result = as(negotiator, "GET", location + "/result");
        assertThat(result.status()).isEqualTo(200);
        SimulationRequest sameRequest = Json.MAPPER.readValue(JSON.writeValueAsBytes(simulation(300)), SimulationRequest.class);
        assertThat(result.json()).isEqualTo(BacktestsApiTest.withoutNulls(JSON.readTree(Json.write(scenarios.simulate(sameRequest)))));
        // the result survives as a stored run, exported to those who read runs
        assertThat(get("/api/v1/evaluations/" + job.path("runId").asText() + "/export").status()).isEqualTo(200);
    }

    /** The export names the layout its file was read with by hash and carries the layout's text (it carried none). */
    @Test
    void aBacktestJobsRunExportsTheLayoutItsFileWasReadWith() throws Exception {
        ObjectNode backtest = JSON.createObjectNode();
        backtest.put("file", read("examples/cms/mssp-aco-puf-2018.csv"));
        Reply made = create(job("backtest", backtest), TestKeys.only("reviewer"));
        assertThat(made.status()).as(made.body()).isEqualTo(202);
        JsonNode job = finished(made.header("Location"), TestKeys.only("reviewer"));
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");

        JsonNode export = as(TestKeys.only("reviewer"), "GET", "/api/v1/evaluations/" + job.path("runId").asText() + "/export").json();
        String layoutHash = export.at("/result/layoutHash").asText();
        byte[] shipped = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/main/resources/backtest/layouts/mssp-aco-puf-2018.yaml"));
        assertThat(export.at("/result/layout").asText()).isEqualTo("mssp-aco-puf-2018");
        assertThat(layoutHash).isEqualTo(org.accord.content.ContentHash.of(shipped));
        List<JsonNode> layouts = new ArrayList<>();
        export.get("content").forEach(content -> {
            if (content.path("kind").asText().equals("layout")) {
                layouts.add(content);
            }
        });
        assertThat(layouts).singleElement().satisfies(layout -> {
            assertThat(layout.path("hash").asText()).isEqualTo(layoutHash);
            assertThat(layout.path("text").asText()).isEqualTo(new String(shipped, StandardCharsets.UTF_8));
        });
    }

    @Test
    void aJobIsSeenByItsCallerReviewersAndAdminsOnly() {
        Reply made = create(job("sweep", ScenariosApiTest.example("sweep-sharing-rate")), TestKeys.only("negotiator"));
        assertThat(made.status()).as(made.body()).isEqualTo(202);
        String location = made.header("Location");
        finished(location, TestKeys.only("negotiator"));

        assertThat(as(TestKeys.only("reviewer"), "GET", location).status()).isEqualTo(200);
        assertThat(as(TestKeys.only("admin"), "GET", location).status()).isEqualTo(200);
        assertThat(as(TestKeys.only("integrator"), "GET", location).status()).isEqualTo(403);

        Reply others = create(job("sweep", ScenariosApiTest.example("sweep-sharing-rate")), TestKeys.EVERY_ROLE);
        Reply hidden = as(TestKeys.only("negotiator"), "GET", others.header("Location"));
        assertThat(hidden.status()).as("another caller's job does not exist for a negotiator").isEqualTo(404);
        assertThat(as(TestKeys.only("negotiator"), "DELETE", others.header("Location")).status()).isEqualTo(404);
        assertThat(as(TestKeys.only("reviewer"), "DELETE", others.header("Location")).status()).isEqualTo(403);
    }

    /**
     * A problem the work finds (an unknown template, a term out of range) is refused at once, as the
     * synchronous call refuses it, pointing into the job's request under the work's name; no job is made
     * (it was accepted with 202 and failed when it ran, found by trying the API from outside).
     */
    @Test
    void aJobTheWorkRefusesIsRefusedAtOncePointingIntoItsOwnRequest() {
        long before = jobs.queued() + jobs.running();
        ObjectNode unknown = simulation(10);
        ((ObjectNode) unknown.get("contract")).put("templateId", "no-such-template");
        Reply made = create(job("simulate", unknown), TestKeys.only("negotiator"));
        assertThat(made.status()).as(made.body()).isEqualTo(422);
        assertThat(made.header("Location")).isNull();
        assertThat(made.json().at("/errors/0/pointer").asText()).isEqualTo("/simulate/contract/templateId");

        ObjectNode outOfRange = simulation(10);
        ((ObjectNode) outOfRange.get("contract")).putObject("overrides").put("maximumSharingRate", "2");
        Reply refused = create(job("simulate", outOfRange), TestKeys.only("negotiator"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/simulate/contract/overrides/maximumSharingRate");

        ObjectNode sweep = ScenariosApiTest.example("sweep-sharing-rate");
        ((ObjectNode) sweep.at("/vary/0")).put("parameter", "nosuch");
        Reply badSweep = create(job("sweep", sweep), TestKeys.only("negotiator"));
        assertThat(badSweep.status()).as(badSweep.body()).isEqualTo(422);
        assertThat(badSweep.json().at("/errors/0/pointer").asText()).isEqualTo("/sweep/vary/0/parameter");

        // The facts' period is checked as an evaluation checks it: four years are not one performance year.
        ObjectNode fourYears = simulation(10);
        ((ObjectNode) fourYears.at("/facts/period")).put("performanceYear", 2025).put("start", "2022-01-01").put("end", "2025-12-31");
        Reply longPeriod = create(job("simulate", fourYears), TestKeys.only("negotiator"));
        assertThat(longPeriod.status()).as(longPeriod.body()).isEqualTo(422);
        assertThat(longPeriod.json().at("/errors/0/pointer").asText()).isEqualTo("/simulate/facts/period/end");
        assertThat(longPeriod.json().at("/errors/0/reason").asText()).startsWith("the period 2022-01-01 to 2025-12-31 lasts 48 months");
        assertThat(jobs.queued() + jobs.running()).isEqualTo(before);
    }

    /**
     * A sweep job is checked at every point, as the synchronous sweep settles them: a budgetPmpm range from 0 and a floor
     * range whose last point exceeds the pool are refused at once at their range; no job is made (both were accepted
     * with 202 and failed when they ran).
     */
    @Test
    void aSweepJobWithAPointTheSweepRefusesIsRefusedAtOnce() {
        ObjectNode budgets = ScenariosApiTest.example("sweep-sharing-rate");
        ((ObjectNode) budgets.get("contract")).put("templateId", "commercial-global-budget");
        ((ObjectNode) budgets.at("/vary/0")).put("parameter", "budgetPmpm").put("start", "0").put("end", "1000").put("step", "500");
        Reply fromZero = create(job("sweep", budgets), TestKeys.only("negotiator"));
        assertThat(fromZero.status()).as(fromZero.body()).isEqualTo(422);
        assertThat(fromZero.header("Location")).isNull();
        assertThat(fromZero.json().at("/errors/0/pointer").asText()).isEqualTo("/sweep/vary/0");
        assertThat(fromZero.json().at("/errors/0/reason").asText()).startsWith("at the point where budgetPmpm is 0: ");

        ObjectNode floors = ScenariosApiTest.example("sweep-sharing-rate");
        ((ObjectNode) floors.at("/vary/0")).put("parameter", "practiceFloorShare").put("start", "0").put("end", "0.06").put("step", "0.02");
        Reply lastPoint = create(job("sweep", floors), TestKeys.only("negotiator"));
        assertThat(lastPoint.status()).as(lastPoint.body()).isEqualTo(422);
        assertThat(lastPoint.json().at("/errors/0/pointer").asText()).isEqualTo("/sweep/vary/0");
        assertThat(lastPoint.header("Location")).isNull();
        assertThat(lastPoint.json().at("/errors/0/reason").asText()).startsWith("at the point where practiceFloorShare is 0.06: ");
    }

    /** A sweep job whose contract has a rung without a field its rule reads is refused at once (it was 202, then failed). */
    @Test
    void aSweepJobWithARungMissingAFieldIsRefusedAtOnce() {
        long before = jobs.queued() + jobs.running();
        ObjectNode sweep = ScenariosApiTest.example("sweep-corridor");
        ((ObjectNode) sweep.at("/contract/overrides")).putArray("corridorBands").addObject().put("threshold", "0").put("ipaShareOfGains", "1");
        Reply refused = create(job("sweep", sweep), TestKeys.only("negotiator"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Location")).isNull();
        assertThat(refused.json().at("/errors/0/pointer").asText()).isEqualTo("/sweep/contract/overrides/corridorBands/0/ipaShareOfLosses");
        assertThat(refused.json().at("/errors/0/reason").asText()).isEqualTo("is required");
        assertThat(jobs.queued() + jobs.running()).isEqualTo(before);
    }

    @Test
    void aCallerMakesOnlyJobsItsRolesMayRunAndNamesExactlyOnePieceOfWork() {
        Reply reviewerSimulates = create(job("simulate", simulation(10)), TestKeys.only("reviewer"));
        assertThat(reviewerSimulates.status()).isEqualTo(403);
        assertThat(reviewerSimulates.json().path("detail").asText()).contains("simulate");
        // refused by the job's work rather than by the route, and audited as every refusal is: denied
        assertThat(get("/api/v1/audit-events?limit=50&action=denied&actor=key:tests,%20reviewer").json().get("events"))
                .anySatisfy(e -> {
                    assertThat(e.get("target").asText()).isEqualTo("POST /api/v1/jobs");
                    assertThat(e.get("status").asInt()).isEqualTo(403);
                });

        ObjectNode two = job("simulate", simulation(10));
        two.set("sweep", ScenariosApiTest.example("sweep-sharing-rate"));
        Reply both = create(two, TestKeys.only("negotiator"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("a job runs one");

        ObjectNode tooMany = simulation(100_001);
        Reply bounded = create(job("simulate", tooMany), TestKeys.only("negotiator"));
        assertThat(bounded.status()).isEqualTo(400);
        assertThat(bounded.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/simulate/trials");
    }

    @Test
    void aQueuedJobCancelledNeverRunsAndAFullQueueIsA429WithRetryAfter() {
        List<String> made = new ArrayList<>();
        int slots = takeEverySlot();
        jobs.perCaller(Integer.MAX_VALUE); // one caller fills the whole queue here
        try {
            Reply refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                Reply reply = create(job("simulate", simulation(10)), TestKeys.only("negotiator"));
                if (reply.status() == 202) {
                    made.add(reply.header("Location"));
                } else {
                    refused = reply;
                }
            }
            assertThat(refused).as("the queue never filled").isNotNull();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().path("detail").asText()).contains("the job queue is full");
            assertThat(jobs.queued()).isEqualTo(made.size());

            Reply cancelled = as(TestKeys.only("negotiator"), "DELETE", made.get(0));
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().path("state").asText()).isEqualTo("cancelled");
            assertThat(as(TestKeys.only("negotiator"), "GET", made.get(0) + "/result").status()).isEqualTo(409);
            assertThat(audit.list(null, "cancelJob", 10, 0)).anySatisfy(event -> assertThat(event.target()).isEqualTo(made.get(0)));
        } finally {
            jobs.perCaller(settings.perCaller());
            made.forEach(location -> as(TestKeys.only("negotiator"), "DELETE", location));
            for (int i = 0; i < slots; i++) {
                heavy.finish();
            }
        }
        for (String location : made) {
            assertThat(finished(location, TestKeys.only("negotiator")).path("state").asText()).isEqualTo("cancelled");
        }
        assertThat(jobs.finished(JobState.CANCELLED)).isGreaterThanOrEqualTo(made.size());
    }

    @Test
    void aCallerWithItsShareOfJobsGetsA429WhileAnotherCallersJobIsQueued() {
        List<Reply> made = new ArrayList<>();
        int slots = takeEverySlot();
        try {
            for (int i = 0; i < settings.perCaller(); i++) {
                made.add(create(job("simulate", simulation(10)), TestKeys.only("negotiator")));
            }
            assertThat(made).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(202));

            Reply refused = create(job("simulate", simulation(10)), TestKeys.only("negotiator"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().path("detail").asText())
                    .startsWith("you have " + settings.perCaller() + " jobs queued or running, as many as one caller may have at once");

            Reply another = create(job("simulate", simulation(10)), TestKeys.EVERY_ROLE);
            assertThat(another.status()).as(another.body()).isEqualTo(202);
            made.add(another);
        } finally {
            for (Reply reply : made) {
                as(TestKeys.EVERY_ROLE, "DELETE", reply.header("Location"));
            }
            for (int i = 0; i < slots; i++) {
                heavy.finish();
            }
        }
    }

    @Test
    void aRunningSimulationCancelledStopsAtItsNextBatch() {
        String negotiator = TestKeys.only("negotiator");
        Reply made = create(job("simulate", simulation(100_000)), negotiator);
        String location = made.header("Location");
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (as(negotiator, "GET", location).json().path("done").asLong() == 0) {
            assertThat(System.nanoTime()).as("the simulation never reported progress").isLessThan(end);
            pause();
        }
        as(negotiator, "DELETE", location);
        JsonNode job = finished(location, negotiator);
        assertThat(job.path("state").asText()).isEqualTo("cancelled");
        assertThat(job.path("done").asLong()).isLessThan(100_000);
        assertThat(job.has("runId")).isFalse();
    }

    /** A caller of its own, so that what it lists is only what the test made: a new key with this role. */
    private record NewCaller(String key, String name) {
    }

    private NewCaller newCaller(String role) {
        String name = "jobs-" + role + "-" + java.util.UUID.randomUUID();
        Reply made = postJson("/api/v1/api-keys", "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"],\"expires\":\""
                + java.time.Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return new NewCaller(made.json().get("key").asText(), "key:" + name);
    }

    /** A small job of this caller's, made and polled to its end. */
    private JsonNode finishedJob(NewCaller caller) {
        Reply made = create(job("simulate", simulation(10)), caller.key());
        assertThat(made.status()).as(made.body()).isEqualTo(202);
        return finished(made.header("Location"), caller.key());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("jobs").forEach(job -> ids.add(job.path("id").asText()));
        return ids;
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aNegotiatorListsOnlyTheJobsItMadeEachAsItReadsAlone() {
        NewCaller first = newCaller("negotiator");
        NewCaller second = newCaller("negotiator");
        JsonNode older = finishedJob(first);
        JsonNode newer = finishedJob(first);
        JsonNode others = finishedJob(second);

        Reply mine = as(first.key(), "GET", JOBS);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(ids(mine.json())).containsExactly(newer.path("id").asText(), older.path("id").asText());
        assertThat(mine.json().path("total").asLong()).isEqualTo(2);
        assertThat(mine.json().path("limit").asInt()).isEqualTo(50);
        assertThat(mine.json().path("offset").asInt()).isEqualTo(0);
        // each item is the job as GET /jobs/{jobId} answers it
        assertThat(mine.json().path("jobs").get(0)).isEqualTo(as(first.key(), "GET", JOBS + "/" + newer.path("id").asText()).json());
        assertThat(ids(as(second.key(), "GET", JOBS).json())).containsExactly(others.path("id").asText());

        // naming another caller lists nothing for a negotiator, as its stored runs do; naming itself lists its own
        JsonNode another = as(first.key(), "GET", JOBS + "?caller=" + query(second.name())).json();
        assertThat(ids(another)).isEmpty();
        assertThat(another.path("total").asLong()).isZero();
        assertThat(ids(as(first.key(), "GET", JOBS + "?caller=" + query(first.name())).json())).hasSize(2);
    }

    @Test
    void reviewersAndAdminsListEveryCallersJobsAndPickOneCallersIntegratorsListNone() {
        NewCaller first = newCaller("negotiator");
        NewCaller second = newCaller("negotiator");
        String firsts = finishedJob(first).path("id").asText();
        String seconds = finishedJob(second).path("id").asText();

        for (String key : List.of(TestKeys.only("reviewer"), TestKeys.only("admin"))) {
            JsonNode every = as(key, "GET", JOBS + "?limit=500").json();
            assertThat(ids(every)).contains(firsts, seconds);
            assertThat(every.path("total").asLong()).isGreaterThanOrEqualTo(2);
            JsonNode one = as(key, "GET", JOBS + "?caller=" + query(second.name())).json();
            assertThat(ids(one)).containsExactly(seconds);
            assertThat(one.path("jobs").get(0).path("caller").asText()).isEqualTo(second.name());
        }
        Reply integrator = as(TestKeys.only("integrator"), "GET", JOBS);
        assertThat(integrator.status()).isEqualTo(403);
        assertThat(integrator.header("Content-Type")).startsWith("application/problem+json");
        assertThat(integrator.json().path("detail").asText()).contains("listJobs");
    }

    @Test
    void theStateFilterTakesStatesRepeatedOrCommaSeparated() throws Exception {
        NewCaller negotiator = newCaller("negotiator");
        String succeeded = finishedJob(negotiator).path("id").asText();
        String queued;
        String cancelled;
        int slots = takeEverySlot();
        try {
            cancelled = create(job("simulate", simulation(10)), negotiator.key()).json().path("id").asText();
            assertThat(as(negotiator.key(), "DELETE", JOBS + "/" + cancelled).json().path("state").asText()).isEqualTo("cancelled");
            queued = create(job("simulate", simulation(10)), negotiator.key()).json().path("id").asText();

            // as the README lists work not yet finished
            JsonNode unfinished = as(negotiator.key(), "GET", JOBS + "?state=queued,running").json();
            assertThat(ids(unfinished)).containsExactly(queued);
            assertThat(unfinished.path("jobs").get(0).path("state").asText()).isEqualTo("queued");
            assertThat(unfinished.path("total").asLong()).isEqualTo(1);
            assertThat(ids(as(negotiator.key(), "GET", JOBS + "?state=succeeded&state=cancelled").json()))
                    .containsExactly(cancelled, succeeded);
            assertThat(ids(as(negotiator.key(), "GET", JOBS + "?state=cancelled,succeeded&state=queued").json()))
                    .containsExactly(queued, cancelled, succeeded);
            assertThat(ids(as(negotiator.key(), "GET", JOBS + "?state=failed").json())).isEmpty();
            // the client generated from the document sends the states as repeated parameters
            org.accord.client.model.JobPage generated = new org.accord.client.api.JobsApi(client())
                    .listJobs(List.of("queued", "running"), negotiator.name(), 50, 0);
            assertThat(generated.getJobs()).extracting(org.accord.client.model.Job::getId).containsExactly(queued);
            assertThat(ids(as(negotiator.key(), "GET", JOBS).json())).containsExactly(queued, cancelled, succeeded);
        } finally {
            for (int i = 0; i < slots; i++) {
                heavy.finish();
            }
        }
        as(negotiator.key(), "DELETE", JOBS + "/" + queued);
    }

    @Test
    void pagesAreNewestFirstAndTogetherListEveryJobOnce() {
        NewCaller negotiator = newCaller("negotiator");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, finishedJob(negotiator).path("id").asText());
        }

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            Reply page = as(negotiator.key(), "GET", JOBS + "?limit=2&offset=" + offset);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("total").asLong()).isEqualTo(5);
            assertThat(page.json().path("limit").asInt()).isEqualTo(2);
            assertThat(page.json().path("offset").asInt()).isEqualTo(offset);
            paged.addAll(ids(page.json()));
        }
        assertThat(paged).as("newest first, each once").isEqualTo(made);
        JsonNode whole = as(negotiator.key(), "GET", JOBS + "?limit=500").json();
        assertThat(ids(whole)).isEqualTo(made);
        List<String> madeAt = new ArrayList<>();
        whole.path("jobs").forEach(job -> madeAt.add(job.path("createdAt").asText()));
        assertThat(madeAt).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
        assertThat(ids(as(negotiator.key(), "GET", JOBS + "?limit=2&offset=6").json())).isEmpty();
    }

    @Test
    void aStateThatIsNoneOrAPageOutOfBoundsIsA400NamingTheParameter() {
        Reply unknown = as(TestKeys.only("negotiator"), "GET", JOBS + "?state=queued,done");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().at("/errors/0/parameter").asText()).isEqualTo("state");
        assertThat(unknown.json().at("/errors/0/reason").asText())
                .isEqualTo("'done' is not a job state; the states are queued, running, succeeded, failed, cancelled");
        Reply capital = as(TestKeys.only("negotiator"), "GET", JOBS + "?state=queued&state=Running");
        assertThat(capital.status()).isEqualTo(400);
        assertThat(capital.json().at("/errors/0/parameter").asText()).isEqualTo("state");
        assertThat(capital.json().at("/errors/0/reason").asText()).startsWith("'Running' is not a job state");
        Reply empty = as(TestKeys.only("negotiator"), "GET", JOBS + "?state=queued,");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/reason").asText()).startsWith("names an empty state");
        // An empty state (state=, or a bare state) lists no job: it was read as no filter, and listed every job (found
        // from outside); it is refused as the blank one is, naming the states.
        for (String given : List.of("state=", "state", "state=%20", "limit=5&state=")) {
            Reply none = as(TestKeys.only("negotiator"), "GET", JOBS + "?" + given);
            assertThat(none.status()).as(given).isEqualTo(400);
            assertThat(none.header("Content-Type")).startsWith("application/problem+json");
            assertThat(none.json().at("/errors/0/parameter").asText()).isEqualTo("state");
            assertThat(none.json().at("/errors/0/reason").asText()).as(given)
                    .isEqualTo("names an empty state; the states are queued, running, succeeded, failed, cancelled");
        }
        // The other parameters given without a value are refused as the stored evaluations' list refuses them.
        for (String given : List.of("caller=", "caller=%20", "limit=", "offset=")) {
            Reply none = as(TestKeys.only("negotiator"), "GET", JOBS + "?" + given);
            assertThat(none.status()).as(given).isEqualTo(400);
            assertThat(none.json().at("/errors/0/parameter").asText()).isEqualTo(given.substring(0, given.indexOf('=')));
            assertThat(none.json().path("errors")).as(given)
                    .isEqualTo(as(TestKeys.only("negotiator"), "GET", "/api/v1/evaluations?" + given).json().path("errors"));
        }

        // the page's bounds are the stored evaluations' list's, refused alike
        for (String page : List.of("limit=0", "limit=501", "offset=-1")) {
            Reply jobsPage = as(TestKeys.only("negotiator"), "GET", JOBS + "?" + page);
            Reply runsPage = as(TestKeys.only("negotiator"), "GET", "/api/v1/evaluations?" + page);
            assertThat(jobsPage.status()).as(page).isEqualTo(400);
            assertThat(jobsPage.json().path("errors")).as(page).isEqualTo(runsPage.json().path("errors"));
            assertThat(jobsPage.json().at("/errors/0/parameter").asText()).isEqualTo(page.substring(0, page.indexOf('=')));
        }
    }

    /** Between polls, so that polling does not take the server's processors from the job. */
    /**
     * Takes every heavy slot, waiting for work another test left running to free its own, so that
     * jobs made now stay queued (had one such slot been freed later, a job would run, finish and make
     * room); answers how many to give back.
     */
    private int takeEverySlot() {
        int slots = 0;
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (slots < heavy.limit()) {
            if (heavy.tryStart()) {
                slots++;
            } else {
                assertThat(System.nanoTime()).as("a slot still busy after %s", DEADLINE).isLessThan(end);
                pause();
            }
        }
        return slots;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
