package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.content.Canonical;
import org.accord.content.ContentHash;
import org.accord.testing.PackagedService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run is stored whole or not at all, and a run the service acknowledged survives SIGKILL: the
 * packaged service runs as its own process on its own data directory (or PostgreSQL schema),
 * evaluations stream at it from a few threads, it is killed mid-stream and started again on the
 * same data, and then every acknowledged run exports intact (every hash recomputes from the
 * exported text, the answer is the one the client received) and every stored run is whole.
 * Runs after {@code package} (Maven's failsafe plugin); without the jar it fails, never skips.
 */
class RunsSurviveAKillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STREAMS = 4;
    /** Acknowledged runs to wait for before the kill; the streams keep sending until it lands. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    /** Linux reports a process ended by signal 9 as exit code 128 + 9. */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    /** An H2 file much of whose space is free, as a store long in use leaves it. */
    private static final String H2_MOSTLY_FREE = "H2, a file mostly free";

    static List<String> databases() {
        List<String> databases = new ArrayList<>(TestDatabase.configured());
        databases.add(1, H2_MOSTLY_FREE);
        return databases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyAcknowledgedRunSurvivesSigkillWholeAndNoPartialRunIsStored(String database) throws Exception {
        assertThat(PackagedService.JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kill-test-");
        String schema = "accord_kill_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> environment = environment(database, dataDir, schema);
        if (database.equals(H2_MOSTLY_FREE)) {
            // H2 2.5 reusing such space read the file back, after SIGKILL, as it was when opened: every
            // run acknowledged since was lost (found by trying the service from outside).
            MostlyFreeH2File.make(dataDir);
        }
        try {
            killAndRestart(environment, dataDir);
        } finally {
            if (database.equals("PostgreSQL")) {
                dropKillSchemas(schema);
            }
        }
    }

    private static void killAndRestart(Map<String, String> environment, Path dataDir) throws Exception {
        String request = Files.readString(Path.of("examples/valley-ipa-request.json"));

        PackagedService first = PackagedService.start(environment, dataDir.resolve("first.log"));
        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        List<Thread> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            Thread stream = new Thread(() -> {
                while (!killed.get()) {
                    try {
                        HttpResponse<String> answer = first.post("/api/v1/evaluations", request);
                        var location = answer.headers().firstValue("Location");
                        if (answer.statusCode() / 100 == 2 && location.isPresent()) {
                            acknowledged.put(location.get().substring(location.get().lastIndexOf('/') + 1),
                                    JSON.readTree(answer.body()));
                            enough.countDown();
                        } else if (!killed.get()) {
                            refused.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (IOException | InterruptedException lostWithTheProcess) {
                        // Not acknowledged: the kill may or may not have let it commit; either way it must be whole.
                    }
                }
            }, "evaluations-" + i);
            stream.start();
            streams.add(stream);
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("%s runs acknowledged within a minute; refused: %s",
                ACKNOWLEDGED_BEFORE_KILL, refused).isTrue();
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        killed.set(true);
        for (Thread stream : streams) {
            stream.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(first.process().exitValue()).as("killed by SIGKILL, not stopped").isEqualTo(KILLED_BY_SIGKILL);
        assertThat(refused).isEmpty();

        PackagedService second = PackagedService.start(environment, dataDir.resolve("second.log"));
        try {
            List<String> stored = storedRunIds(second);
            assertThat(stored).containsAll(acknowledged.keySet()).doesNotHaveDuplicates();
            for (String id : stored) {
                HttpResponse<String> export = second.get("/api/v1/evaluations/" + id + "/export");
                assertThat(export.statusCode()).as("export of %s: %s", id, export.body()).isEqualTo(200);
                JsonNode document = JSON.readTree(export.body());
                assertWhole(id, document);
                if (acknowledged.containsKey(id)) {
                    assertThat(document.get("result")).as("run %s's answer", id).isEqualTo(acknowledged.get(id));
                }
            }
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Every hash the run names is there and recomputes from the exported text; request and answer are whole. */
    private static void assertWhole(String id, JsonNode document) {
        JsonNode run = document.get("run");
        assertThat(run.get("id").asString()).isEqualTo(id);
        assertThat(document.at("/request/facts/practices").size()).as("run %s's request", id).isPositive();
        assertThat(document.at("/result/rulesHash").asString()).isEqualTo(run.get("rulesHash").asString());
        assertThat(document.at("/result/factsHash").asString()).isEqualTo(run.get("factsHash").asString());
        Map<String, String> ruleFiles = new TreeMap<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode content : document.get("content")) {
            String hash = content.get("hash").asString();
            assertThat(ContentHash.of(content.get("text").asString().getBytes(StandardCharsets.UTF_8)))
                    .as("run %s's %s", id, content.get("kind").asString()).isEqualTo(hash);
            kinds.add(content.get("kind").asString());
            if (content.get("kind").asString().equals("rule-file")) {
                ruleFiles.put(content.get("path").asString(), hash);
            } else if (content.get("kind").asString().equals("template")) {
                assertThat(hash).isEqualTo(run.get("templateHash").asString());
            } else {
                assertThat(hash).isEqualTo(run.get("factsHash").asString());
            }
        }
        assertThat(kinds).contains("rule-file", "template", "facts");
        assertThat(Canonical.hash(ruleFiles)).as("run %s's rule set", id).isEqualTo(run.get("rulesHash").asString());
    }

    private static List<String> storedRunIds(PackagedService service) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> page = service.get("/api/v1/evaluations?limit=500&offset=" + offset);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(page.body()).get("runs");
            items.forEach(item -> ids.add(item.get("id").asString()));
            if (items.size() < 500) {
                return ids;
            }
        }
    }

    /**
     * Drops this run's schema, and those runs of this test left behind before they dropped theirs:
     * a schema whose migrations are more than an hour old belongs to no run going on now (a run
     * takes minutes), so another build's run beside this one keeps its schema.
     */
    private static void dropKillSchemas(String schema) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv(TestDatabase.POSTGRES_URL),
                System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_PASSWORD", ""));
                Statement sql = db.createStatement()) {
            List<String> drop = new ArrayList<>(List.of(schema));
            List<String> others = new ArrayList<>();
            try (ResultSet found = sql.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'accord\\_kill\\_%' "
                    + "AND to_regclass(quote_ident(nspname) || '.flyway_schema_history') IS NOT NULL")) {
                while (found.next()) {
                    others.add(found.getString(1));
                }
            }
            for (String other : others) {
                try (ResultSet old = sql.executeQuery("SELECT MAX(installed_on) < now() - interval '1 hour' FROM "
                        + other + ".flyway_schema_history")) {
                    if (old.next() && old.getBoolean(1)) {
                        drop.add(other);
                    }
                }
            }
            for (String each : drop) {
                sql.execute("DROP SCHEMA IF EXISTS " + each + " CASCADE");
            }
        }
    }

    /** The data directory, or a PostgreSQL schema of its own (as TestDatabase makes them). */
    private static Map<String, String> environment(String database, Path dataDir, String schema) {
        Map<String, String> environment = new TreeMap<>();
        environment.put(DataDirectory.VARIABLE, dataDir.toAbsolutePath().toString());
        if (database.equals("PostgreSQL")) {
            String url = System.getenv(TestDatabase.POSTGRES_URL);
            environment.put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            environment.put("SPRING_DATASOURCE_USERNAME", System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_USER", "postgres"));
            environment.put("SPRING_DATASOURCE_PASSWORD", System.getenv().getOrDefault("ACCORD_TEST_POSTGRES_PASSWORD", ""));
            environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        }
        return environment;
    }
}
