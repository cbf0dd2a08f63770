package org.accord.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/accord.jar}) as its own process, configured from the
 * environment as in a container, on a port it chose, with one key holding every role. For the
 * integration tests that stop or kill it; {@code mvn package} builds the jar before them.
 */
public record PackagedService(Process process, int port, Path log) {

    public static final Path JAR = Path.of("target/accord.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port\\D*(\\d+)");

    /** Starts the jar with the environment added to the test key's, and waits until it serves. */
    public static PackagedService start(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        // With no arguments the jar is the service.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SERVER_PORT", "0",
                "ACCORD_SECURITY_API_KEYS_0_NAME", "process test",
                "ACCORD_SECURITY_API_KEYS_0_SHA256", sha256(TestKeys.EVERY_ROLE),
                "ACCORD_SECURITY_API_KEYS_0_ROLES", "negotiator,integrator,reviewer,admin",
                "ACCORD_SECURITY_API_KEYS_0_EXPIRES", "2100-01-01T00:00:00Z",
                "ACCORD_SECURITY_REQUESTS_PER_SECOND", "1000000",
                // no warm-up before readiness: these tests wait for the server, not for its speed
                "ACCORD_WARM_UP_EVALUATIONS", "0"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return new PackagedService(process, Integer.parseInt(started.group(1)), log);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped at start-up:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not start within 90 s:\n" + Files.readString(log));
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Stops it as an operator would (SIGTERM) and waits for it to end; a test's clean-up. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header(TestKeys.HEADER, TestKeys.EVERY_ROLE);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
