package org.accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar, as released, reads a file of a year it ships no layout for, with a layout
 * and templates written as data and passed from outside: no Java change, no rebuild. Runs after
 * {@code package} (Maven's failsafe plugin); without the jar it fails, never skips.
 */
class ReleasedJarIT {

    private static final Path JAR = Path.of("target/accord.jar");
    private static final Path FIXTURE = Path.of("examples/cms/fixture-2024");

    @Test
    void aYearTheReleaseDoesNotKnowIsReadWithLayoutsAndTemplatesFromOutsideTheJar() throws Exception {
        Result run = java("backtest", "cms-puf", "--file", FIXTURE.resolve("mssp-aco-puf-2024-fixture.csv").toString(),
                "--layouts", FIXTURE.resolve("layouts").toString(), "--templates", FIXTURE.resolve("templates").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("layout").asString()).isEqualTo("mssp-aco-puf-2024");
        assertThat(json.get("performanceYear").asInt()).isEqualTo(2024);
        // Worked by hand in examples/cms/fixture-2024/README.md: X0007's losses exceed its
        // revenue-based loss limit, which needs the participants' revenue the file does not publish.
        assertThat(json.get("total").asInt()).isEqualTo(9);
        assertThat(json.get("reproduced").asInt()).isEqualTo(8);
        assertThat(json.get("explained").asInt()).isEqualTo(1);
        assertThat(json.get("unexplained").asInt()).isZero();
        assertThat(json.get("misses").get(0).get("acoId").asString()).isEqualTo("X0007");
        assertThat(json.get("misses").get(0).get("explainedBy").get(0).asString()).isEqualTo("participantRevenue");
    }

    @Test
    void aUserLayoutWithTheIdOfAShippedOneIsRefused() throws Exception {
        Path folder = Files.createTempDirectory("layouts");
        Files.writeString(folder.resolve("mssp-aco-puf-2018.yaml"), Files.readString(FIXTURE.resolve("layouts/mssp-aco-puf-2024.yaml"))
                .replace("id: mssp-aco-puf-2024", "id: mssp-aco-puf-2018"));

        Result run = java("backtest", "cms-puf", "--file", "examples/cms/mssp-aco-puf-2018.csv", "--layouts", folder.toString(),
                "--templates", FIXTURE.resolve("templates").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a layout with id 'mssp-aco-puf-2018' is already known: give yours another id");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish within five minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
