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

    /** The H2 URL of the database file in the directory (an absolute path, as H2 asks). */
    public static String h2Url() {
        return "jdbc:h2:file:" + path().resolve("accord");
    }

    /**
     * Spring properties of the lowest precedence: the embedded database, unless the environment or
     * the command line configures a data source.
     */
    public static Map<String, Object> defaultProperties() {
        return Map.of("spring.datasource.url", h2Url());
    }
}
