package org.accord.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded store lives: the directory {@code ACCORD_DATA_DIR} names, or
 * {@code ./accord-data}, holding the H2 database file {@code accord.mv.db}. Used only when no
 * {@code spring.datasource.url} (environment: {@code SPRING_DATASOURCE_URL}) names another
 * database, such as PostgreSQL.
 */
public final class DataDirectory {

    public static final String VARIABLE = "ACCORD_DATA_DIR";
    private static final String DEFAULT = "accord-data";

    private DataDirectory() {
    }

    public static Path path() {
        String configured = System.getenv(VARIABLE);
        return Path.of(configured == null || configured.isBlank() ? DEFAULT : configured).toAbsolutePath().normalize();
    }

    /**
     * The H2 URL of the database file in the directory (an absolute path, as H2 asks).
     * {@code WRITE_DELAY=0}: a commit is written to the file before it returns, so a run the
     * service acknowledged survives the process being killed (docs/store.md).
     * {@code AUTO_SERVER=TRUE}: the first process to open the file serves it to the others, so
     * {@code accord runs list} reads the data directory while the service runs.
     * {@code CACHE_SIZE=256} (KB): H2's page cache (16 MB by default) kept every stored run's
     * compressed texts for seconds, long enough to be copied between the young generation's
     * survivor spaces at every collection and then promoted; with 2 MB they die younger and the
     * service's young pauses copy half as much (docs/performance.md, "Young pauses and H2's page cache");
     * with 256 KB the pauses are a fifth to a third shorter again, for about the same CPU per commit
     * (docs/performance.md, "Storing's addition at p99 on a quiet 2.6 GHz machine").
     * {@code PAGE_SIZE=2048}: H2 splits a B-tree page above this size (16 KB by default); each commit
     * rewrites the last leaf of every index and table it adds to, and smaller leaves made a run's
     * commit write a third fewer bytes (74 to 49 KB) for a little less CPU (docs/performance.md, issue 16).
     * {@code REUSE_SPACE=FALSE}: every commit is written after the last, never into space freed
     * inside the file. With space reused, a file much of whose space was free lost, on SIGKILL,
     * every commit since it was opened (acknowledged runs, contracts, facts: H2 2.5 read the file
     * back as it was at the open); appended, each survives (docs/store.md, "The H2 file").
     */
    public static String h2Url() {
        return h2Url(path());
    }

    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("accord") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE;CACHE_SIZE=256;PAGE_SIZE=2048;REUSE_SPACE=FALSE";
    }

    /**
     * Spring properties of the lowest precedence: the embedded database, unless the environment or
     * the command line configures a data source.
     */
    public static Map<String, Object> defaultProperties() {
        return Map.of("spring.datasource.url", h2Url());
    }
}
