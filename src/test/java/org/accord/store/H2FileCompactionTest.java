package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file compacted at start: a large, mostly dead file is rewritten with every
 * row kept; a small one, a live one and one another process holds open are left alone.
 */
class H2FileCompactionTest {

    /** The tests' threshold: a mostly free file of 1,500 rows of 8 KB passes it; the service's is 64 MB. */
    private static final long WORTH = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void aLargeMostlyDeadFileIsRewrittenSmallerWithEveryRowKept() throws Exception {
        long checksum = MostlyFreeH2File.make(directory);
        long before = Files.size(file());

        H2FileCompaction.Outcome outcome = H2FileCompaction.compactIfMostlyDead(directory, WORTH);

        assertThat(outcome.compacted()).as(outcome.why()).isTrue();
        assertThat(outcome.livePercent()).isLessThan(H2FileCompaction.MOSTLY_DEAD_BELOW_PERCENT);
        assertThat(outcome.bytesBefore()).isEqualTo(before);
        assertThat(Files.size(file())).isEqualTo(outcome.bytesAfter()).isLessThan(before / 2);
        assertThat(MostlyFreeH2File.checksum(directory)).isEqualTo(checksum);
    }

    @Test
    void aFileJustCompactedIsMostlyLiveAndLeftAsItIs() throws Exception {
        MostlyFreeH2File.make(directory);
        // 1,500 rows of 8 KB, a fifth kept: about 2.4 MB live, above the threshold once compacted.
        H2FileCompaction.compactIfMostlyDead(directory, WORTH);
        long compacted = Files.size(file());

        H2FileCompaction.Outcome again = H2FileCompaction.compactIfMostlyDead(directory, WORTH);

        assertThat(again.compacted()).isFalse();
        assertThat(again.livePercent()).isGreaterThanOrEqualTo(H2FileCompaction.MOSTLY_DEAD_BELOW_PERCENT);
        assertThat(again.why()).endsWith("% live");
        // Opened to read its fill and closed: H2 writes a chunk at the close, nothing is rewritten.
        assertThat(Files.size(file())).isBetween(compacted, compacted + 64 * 1024);
    }

    @Test
    void aFileBelowTheThresholdIsNotOpened() throws Exception {
        MostlyFreeH2File.make(directory);
        long before = Files.size(file());

        H2FileCompaction.Outcome outcome = H2FileCompaction.compactIfMostlyDead(directory, before + 1);

        assertThat(outcome.compacted()).isFalse();
        assertThat(outcome.livePercent()).as("not opened to read its fill").isEqualTo(-1);
        assertThat(Files.size(file())).isEqualTo(before);
    }

    @Test
    void noFileIsNothingToDo() {
        H2FileCompaction.Outcome outcome = H2FileCompaction.compactIfMostlyDead(directory, WORTH);

        assertThat(outcome.compacted()).isFalse();
        assertThat(Files.exists(file())).isFalse();
    }

    /** The command line reading runs while the service is down, say: its file is not rewritten under it. */
    @Test
    void aFileAnotherProcessHoldsOpenIsLeftAsItIs() throws Exception {
        long checksum = MostlyFreeH2File.make(directory);
        long before = Files.size(file());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsTheFileOpen.class.getName(), DataDirectory.h2Url(directory))
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).as("the other process opened the file").isEqualTo("open");

            H2FileCompaction.Outcome outcome = H2FileCompaction.compactIfMostlyDead(directory, WORTH);

            assertThat(outcome.compacted()).isFalse();
            assertThat(outcome.why()).startsWith("not opened alone");
            assertThat(Files.size(file())).isEqualTo(before);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(MostlyFreeH2File.checksum(directory)).isEqualTo(checksum);
    }

    /** Another process with the service's URL: opens the file, says so, and holds it until its input closes. */
    static final class HoldsTheFileOpen {
        public static void main(String[] args) throws Exception {
            try (Connection db = DriverManager.getConnection(args[0], "", "")) {
                System.out.println("open");
                System.out.flush();
                System.in.read();
            }
        }
    }

    private Path file() {
        return directory.resolve("accord.mv.db");
    }
}
