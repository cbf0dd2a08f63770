package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain runs without Spring and knows nothing of the API's transport types, so that it can
 * move into a plain library (the CLI, Spark executors): only this adapter, the security adapter
 * around it and the store's persistence adapter import them (the CLI opens the store through
 * {@code Stores.open}).
 */
class DomainBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java/org/accord");

    @Test
    void onlyTheApiAdapterImportsSpringOrTheGeneratedTypes() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("api")))
                    // who may call: Spring Security around the API adapter
                    .filter(file -> !file.startsWith(SOURCES.resolve("security")))
                    // where runs are kept: Spring's JDBC and transactions, an adapter like the API
                    .filter(file -> !file.startsWith(SOURCES.resolve("store")))
                    // the launcher starts the service when run without arguments
                    .filter(file -> !file.equals(SOURCES.resolve("Accord.java")))
                    .filter(DomainBoundaryTest::importsTheWeb)
                    .map(Path::toString)
                    .toList();
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckSeesTheApiAdapterItself() throws IOException {
        assertThat(importsTheWeb(SOURCES.resolve("api/EvaluationsController.java"))).isTrue();
    }

    private static boolean importsTheWeb(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import org.springframework.")
                    || line.startsWith("import org.accord.api.") || line.startsWith("import org.accord.client."));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
