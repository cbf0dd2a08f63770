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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "On Java 25" evaluation, run as written on the JDK the Maven profile
 * java25-aot-cache trained its caches with: it uses the cache (the JVM's [aot] messages say when it
 * cannot), prints no warning on standard error, and settles byte for byte as the README's first
 * command does on Java 17. Runs only in that profile (failsafe, after the caches are made), which
 * names the JDK in the system property java25.home; outside it this class is not run at all.
 */
class Java25AotCacheCheck {

    @TempDir
    Path temp;

    @Test
    void theReadmesJava25EvaluationUsesItsCacheQuietlyAndSettlesAsJava17Does() throws Exception {
        String java25 = Path.of(System.getProperty("java25.home"), "bin", "java").toString();
        List<String> onJava25 = command(readmeLine("-XX:AOTCache=target/accord.aot"), java25);
        List<String> onJava17 = command(readmeLine("-XX:SharedArchiveFile=target/accord.jsa"), javaRunningThisTest());
        assertThat(Path.of("target/accord.aot")).as("the cache the profile trains").exists();

        Result java25Run = run(onJava25);
        Result java17Run = run(onJava17);

        assertThat(java25Run.exitCode()).as(java25Run.err()).isZero();
        assertThat(java25Run.err()).as("the cache used, no warning").doesNotContain("[aot]").doesNotContain("WARNING");
        assertThat(java25Run.out()).startsWith("{").isEqualTo(java17Run.out());
    }

    @Test
    void theReadmesJava25ServiceCommandNamesTheCacheTheProfileTrains() throws IOException {
        String service = readmeLine("-XX:AOTCache=target/accord-service.aot");
        assertThat(service).endsWith("-jar target/accord.jar");
        assertThat(Path.of("target/accord-service.aot")).exists();
    }

    /** The README line (an evaluation, or the service) holding that option. */
    private static String readmeLine(String option) throws IOException {
        return Files.readAllLines(Path.of("README.md")).stream().filter(line -> line.contains(option) && !line.startsWith("`"))
                .map(line -> line.contains("&& java ") ? line.substring(line.indexOf("&& java ") + 3) : line)
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no command with " + option));
    }

    /** The command's words with its java replaced by that one and --json added. */
    private static List<String> command(String line, String java) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" +")));
        assertThat(words).contains("evaluate");
        words.set(0, java);
        words.add("--json");
        return words;
    }

    private static String javaRunningThisTest() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within five minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
