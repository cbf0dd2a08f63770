package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's first command maps a class-data sharing archive. When that archive is missing or
 * stale (made for another jar) the JVM says so through its unified logging, whose default output
 * is standard output: a warning there would corrupt {@code --json} and CSV. The README's own
 * command, read from the README, must keep standard output to the settlement in both cases.
 * Runs after {@code package} (failsafe); without the jar or its archive it fails, never skips.
 */
class ClassDataArchiveIT {

    private static final Path JAR = Path.of("target/accord.jar");
    private static final Path ARCHIVE = Path.of("target/accord.jsa");

    @TempDir
    Path temp;

    @Test
    void aMissingArchiveLeavesStandardOutputToTheJson() throws Exception {
        Result run = run(readmeCommand(temp.resolve("missing.jsa"), JAR));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSettlementJson(run.out());
    }

    @Test
    void aStaleArchiveIsReportedOnStandardErrorAndLeavesStandardOutputToTheJson() throws Exception {
        // The archive records the jar it was made from; the same jar at another path (with its
        // libraries beside it, as the manifest's class path expects) is not that jar.
        Path elsewhere = Files.copy(JAR, temp.resolve("accord.jar"));
        Files.createSymbolicLink(temp.resolve("lib"), Path.of("target/lib").toAbsolutePath());
        assertThat(ARCHIVE).as("the archive the build makes").exists();

        Result run = run(readmeCommand(ARCHIVE, elsewhere));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("the JVM's word that it could not use the archive").contains("shared archive");
        assertSettlementJson(run.out());
    }

    private static void assertSettlementJson(String out) throws Exception {
        JsonNode settlement = Json.MAPPER.readTree(out);
        assertThat(settlement.get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(settlement.get("lines").size()).isPositive();
        assertThat(out.strip()).startsWith("{").endsWith("}");
    }

    /** The java part of the README's first command, with --json, its archive and jar replaced. */
    private static List<String> readmeCommand(Path archive, Path jar) throws IOException {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("mvn ") && l.contains("&& java "))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no 'mvn ... && java ...' command"));
        List<String> words = new ArrayList<>(Arrays.asList(line.substring(line.indexOf("&& java ") + 3).split(" +")));
        assertThat(words).contains("-XX:SharedArchiveFile=" + ARCHIVE, JAR.toString(), "evaluate");
        words.replaceAll(w -> w.equals("-XX:SharedArchiveFile=" + ARCHIVE) ? "-XX:SharedArchiveFile=" + archive
                : w.equals(JAR.toString()) ? jar.toString() : w);
        words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.add("--json");
        return words;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (mvn package builds it before this test)").exists();
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within five minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
