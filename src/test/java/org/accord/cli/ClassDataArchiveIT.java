package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.accord.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The launcher the README's commands run ({@code target/accord}, from src/main/launcher/accord) maps
 * the class-data sharing archive the build made for a command or for the service. When an archive is
 * stale (made for another jar) the JVM says so through its unified logging, whose default output is
 * standard output: a warning there would corrupt {@code --json} and CSV, so the launcher sends it to
 * standard error. Where no archive can serve (none made, or the launcher started from another
 * directory than the one the archive names its jar from) it is left out without a word. Runs after
 * {@code package} (failsafe); without the launcher, the jar or its archives it fails, never skips.
 */
class ClassDataArchiveIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("accord");
    private static final Path FACTS = Path.of("examples/valley-ipa.json").toAbsolutePath();
    /** The JVM refuses to start when it cannot map the archive it was given. */
    private static final Map<String, String> ARCHIVE_REQUIRED = Map.of("ACCORD_JAVA_OPTIONS", "-Xshare:on");

    @TempDir
    Path temp;

    @Test
    void theReadmesFirstCommandMapsItsArchiveAndPrintsTheSettlement() throws Exception {
        Result run = run(Path.of("."), ARCHIVE_REQUIRED, readmeCommand());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertSettlementJson(run.out());
        assertThat(archives(Path.of("."), "evaluate")).contains("Dynamic archive name: target/accord.jsa");
    }

    @Test
    void theServiceMapsItsOwnArchive() throws Exception {
        assertThat(archives(Path.of("."), "serve")).contains("Static archive name: target/accord-service.jsa");
    }

    @Test
    void fromAnotherDirectoryTheArchiveIsLeftOutWithoutAWord() throws Exception {
        Result run = run(temp, Map.of(), evaluate(LAUNCHER));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertSettlementJson(run.out());
        assertThat(archives(temp, "evaluate")).doesNotContain("target/accord.jsa");
    }

    @Test
    void withoutAnArchiveTheCommandRunsAsWell() throws Exception {
        Path launcher = copiedBuild(false);

        Result run = run(temp, ARCHIVE_REQUIRED, evaluate(launcher));

        // -Xshare:on held for the JDK's own archive only: the launcher asked for none of its own
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertSettlementJson(run.out());
    }

    @Test
    void aStaleArchiveIsReportedOnStandardErrorAndLeavesStandardOutputToTheJson() throws Exception {
        // The archive records the jar it was made from; a copy of the jar, written later, is not that jar.
        Path launcher = copiedBuild(true);

        Result run = run(temp, Map.of(), evaluate(launcher));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("the JVM's word that it could not use the archive").contains("shared archive");
        assertSettlementJson(run.out());
    }

    /** The link to the build's libraries goes before JUnit empties the directory (which warns of a link leading out of it). */
    @AfterEach
    void removeTheLinkToTheLibraries() throws IOException {
        Files.deleteIfExists(temp.resolve("target/lib"));
    }

    /** A target directory of the build's launcher and jar under the temporary directory, with or without the command line's archive. */
    private Path copiedBuild(boolean withArchive) throws IOException {
        Path target = Files.createDirectory(temp.resolve("target"));
        Files.copy(TARGET.resolve("accord.jar"), target.resolve("accord.jar"));
        // the libraries beside the jar, as its manifest's class path expects
        Files.createSymbolicLink(target.resolve("lib"), TARGET.resolve("lib"));
        if (withArchive) {
            Files.copy(TARGET.resolve("accord.jsa"), target.resolve("accord.jsa"));
        }
        Path launcher = Files.copy(LAUNCHER, target.resolve("accord"));
        assertThat(launcher).isExecutable();
        return launcher;
    }

    /** What the JVM the launcher starts in this directory for this first argument maps: it checks its archives and exits. */
    private String archives(Path directory, String firstArgument) throws Exception {
        Result run = run(directory, Map.of("ACCORD_JAVA_OPTIONS", "-Xshare:on -XX:+PrintSharedArchiveAndExit"),
                List.of(LAUNCHER.toString(), firstArgument));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out() + run.err();
    }

    private static List<String> evaluate(Path launcher) {
        return List.of(launcher.toString(), "evaluate", "--template", "mssp-basic", "--facts", FACTS.toString(), "--json");
    }

    private static void assertSettlementJson(String out) throws Exception {
        JsonNode settlement = Json.MAPPER.readTree(out);
        assertThat(settlement.get("ipaId").asString()).isEqualTo("valley-ipa");
        assertThat(settlement.get("lines").size()).isPositive();
        assertThat(out.strip()).startsWith("{").endsWith("}");
    }

    /** The README's first command after the build, as written, with --json. */
    private static List<String> readmeCommand() throws IOException {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("mvn ") && l.contains("&& target/accord "))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no 'mvn ... && target/accord ...' command"));
        List<String> words = new ArrayList<>(Arrays.asList(line.substring(line.indexOf("&& ") + 3).split(" +")));
        assertThat(words).startsWith("target/accord", "evaluate");
        words.add("--json");
        return words;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Path directory, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        assertThat(LAUNCHER).as("the launcher (mvn package copies it before this test)").isExecutable();
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the launcher runs JAVA_HOME's java, as Maven does: this JVM's, the one the build ran on
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("ACCORD_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within five minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
