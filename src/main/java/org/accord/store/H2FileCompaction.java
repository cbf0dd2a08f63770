package org.accord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Compacts the embedded store's H2 file when the service starts, if the file is large and mostly
 * dead. H2 appends every commit and never reuses the space freed inside the file (a killed service
 * lost data when it did: {@link DataDirectory#h2Url}), so the file only grows while the service
 * runs; at start, before anything else opens it, H2's {@code SHUTDOWN COMPACT} rewrites its live
 * pages into a new file and renames that over the old one (a start killed midway leaves the old
 * file, which H2 opens as it was). docs/store.md, "The H2 file".
 *
 * <p>Nothing happens when another process has the file open (the command line reading runs, a
 * second service): H2 refuses a second exclusive open, and the file is left as it is.
 */
public final class H2FileCompaction implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** Below this the dead pages are not worth a rewrite at every start. */
    static final long WORTH_COMPACTING_BYTES = 64L * 1024 * 1024;
    /** The share of the chunks' space still live (H2's {@code info.CHUNKS_FILL_RATE}) below which the file is rewritten. */
    static final int MOSTLY_DEAD_BELOW_PERCENT = 50;

    /** What a start did to the file, for its log line and the tests. */
    record Outcome(boolean compacted, long bytesBefore, long bytesAfter, int livePercent, Duration took, String why) {
    }

    /**
     * Compacts the file in {@code directory} if it is at least {@code worthBytes} and its live share is
     * below {@link #MOSTLY_DEAD_BELOW_PERCENT}.
     */
    static Outcome compactIfMostlyDead(Path directory, long worthBytes) {
        Path file = directory.resolve("accord.mv.db");
        long before = sizeOf(file);
        if (before < worthBytes) {
            return new Outcome(false, before, before, -1, Duration.ZERO, "smaller than " + worthBytes + " bytes");
        }
        long started = System.nanoTime();
        // Not the service's URL: without AUTO_SERVER the open is exclusive, so a file another process
        // serves is refused rather than compacted under it.
        String exclusive = "jdbc:h2:file:" + directory.resolve("accord") + ";REUSE_SPACE=FALSE";
        int live;
        try (Connection db = DriverManager.getConnection(exclusive, "", ""); Statement statement = db.createStatement()) {
            live = livePercent(statement);
            if (live >= MOSTLY_DEAD_BELOW_PERCENT) {
                return new Outcome(false, before, before, live, Duration.ofNanos(System.nanoTime() - started), live + "% live");
            }
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            return new Outcome(false, before, sizeOf(file), -1, Duration.ofNanos(System.nanoTime() - started),
                    "not opened alone: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new Outcome(true, before, sizeOf(file), live, Duration.ofNanos(System.nanoTime() - started), live + "% live");
    }

    private static int livePercent(Statement statement) throws SQLException {
        try (ResultSet setting = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return setting.next() ? Integer.parseInt(setting.getString(1)) : 100;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the embedded default is compacted: a database the operator named is theirs to keep. */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!DataDirectory.h2Url().equals(event.getEnvironment().getProperty("spring.datasource.url"))) {
            return;
        }
        Outcome outcome = compactIfMostlyDead(DataDirectory.path(), WORTH_COMPACTING_BYTES);
        if (outcome.compacted()) {
            LOG.info("Compacted the H2 file from {} to {} bytes in {} ms ({})", outcome.bytesBefore(), outcome.bytesAfter(),
                    outcome.took().toMillis(), outcome.why());
        } else if (outcome.bytesBefore() >= WORTH_COMPACTING_BYTES) {
            LOG.info("Left the H2 file of {} bytes as it is: {}", outcome.bytesBefore(), outcome.why());
        }
    }

    /** After Spring Boot's logging is configured from the environment, so the lines above follow it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
