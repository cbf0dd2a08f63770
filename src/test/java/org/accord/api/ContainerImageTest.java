package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the container image without a container engine (this machine has none):
 * the Dockerfile copies what {@code mvn package} builds, from a context .dockerignore admits; its
 * entrypoint runs the jar it copied, with the libraries where the jar's manifest looks for them;
 * its health check can run in the image; and the README's {@code docker run} gives a stop the time
 * the service's shutdown may take.
 */
class ContainerImageTest {

    private static final List<String> DOCKERFILE = lines("Dockerfile");
    private static final String POM = text("pom.xml");

    @Test
    void copiesWhatPackageBuildsBesideEachOtherAsTheJarsManifestExpects() {
        // pom.xml: <finalName>accord</finalName>, libraries to ${project.build.directory}/lib, manifest classpathPrefix lib/
        assertThat(POM).contains("<finalName>accord</finalName>", "<outputDirectory>${project.build.directory}/lib</outputDirectory>",
                "<classpathPrefix>lib/</classpathPrefix>");
        assertThat(instructions("COPY")).startsWith("target/lib/ lib/", "target/accord.jar accord.jar");
    }

    @Test
    void theEntrypointsAheadOfTimeCacheIsTheOneTrainedInTheImageOnTheCopiedJar() {
        // A cache serves only the JVM that made it and the jar files at the paths it was made with: trained in the image.
        assertThat(instructions("COPY")).contains("src/build/aot-caches.sh examples/valley-ipa-request.json /tmp/aot-training/");
        assertThat(instructions("RUN")).anySatisfy(run -> assertThat(run)
                .contains("JAR=accord.jar CACHE_DIR=. REQUEST=/tmp/aot-training/valley-ipa-request.json bash /tmp/aot-training/aot-caches.sh service"));
        assertThat(instructions("FROM").get(0)).startsWith("eclipse-temurin:25");
        assertThat(instructions("ENTRYPOINT").get(0)).contains("\"-XX:AOTCache=accord-service.aot\"");
    }

    @Test
    void theBuildContextAdmitsEveryCopiedSourceAndNothingElse() {
        List<String> ignore = lines(".dockerignore").stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(ignore.get(0)).as("everything is left out first").isEqualTo("*");
        for (String copy : instructions("COPY")) {
            List<String> sourcesAndTarget = List.of(copy.split(" "));
            for (String source : sourcesAndTarget.subList(0, sourcesAndTarget.size() - 1)) {
                assertThat(ignore).contains("!" + source);
            }
        }
    }

    @Test
    void theEntrypointRunsTheCopiedJarInItsWorkingDirectory() {
        assertThat(instructions("WORKDIR")).containsExactly("/srv/accord");
        assertThat(instructions("ENTRYPOINT").get(0)).startsWith("[\"java\", ").endsWith("\"-jar\", \"accord.jar\"]");
        assertThat(instructions("USER")).containsExactly("accord");
    }

    @Test
    void theHealthCheckUsesBashForDevTcpOnTheExposedPort() {
        String check = instructions("HEALTHCHECK").get(0);
        // /dev/tcp is bash's own; the image's sh (dash) would fail every check and mark the container unhealthy.
        assertThat(check).contains("CMD [\"bash\", \"-c\"").contains("/dev/tcp/127.0.0.1/" + instructions("EXPOSE").get(0))
                .contains("/actuator/health");
    }

    @Test
    void theReadmesDockerRunWaitsForTheWholeShutdown() throws IOException {
        Properties service = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            service.load(in);
        }
        // jobs get their grace, then the web server's graceful phase its timeout: 20 s + 30 s with the shipped settings
        Duration shutdown = seconds(service.getProperty("accord.jobs.shutdown-grace"))
                .plus(seconds(service.getProperty("spring.lifecycle.timeout-per-shutdown-phase")));
        Matcher run = Pattern.compile("docker run --stop-timeout (\\d+) ").matcher(text("README.md"));
        assertThat(run.find()).as("the README's docker run sets --stop-timeout").isTrue();
        assertThat(Duration.ofSeconds(Long.parseLong(run.group(1)))).isGreaterThanOrEqualTo(shutdown);
        assertThat(text("README.md")).contains("docker build -t accord .");
    }

    /** The arguments of each instruction of that name, in order. */
    private static List<String> instructions(String name) {
        return DOCKERFILE.stream().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1).strip())
                .map(arguments -> name.equals("HEALTHCHECK") ? arguments : arguments.replaceAll("\\s+", " ")).toList();
    }

    private static Duration seconds(String value) {
        assertThat(value).as("a duration in seconds").matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    private static List<String> lines(String file) {
        return text(file).lines().toList();
    }

    private static String text(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
