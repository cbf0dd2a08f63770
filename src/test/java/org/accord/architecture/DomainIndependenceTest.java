package org.accord.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain and engine run without Spring, HTTP or generated transport types, so that they can
 * become a plain library jar (for the Spark batch) in a day; only adapters may know the web.
 */
class DomainIndependenceTest {

    private static final List<String> DOMAIN = List.of("content", "distribution", "document", "engine", "evaluation", "facts", "jobs",
            "money", "replay", "settlement", "terms", "validation");

    @Test
    void domainAndEnginePackagesImportNoSpringAndNoTransportTypes() throws IOException {
        for (String pkg : DOMAIN) {
            Path dir = Path.of("src/main/java/org/accord", pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    assertThat(source).as(file.toString()).doesNotContain("import org.springframework")
                            .doesNotContain("import org.accord.api").doesNotContain("import org.accord.cli")
                            .doesNotContain("import jakarta.servlet");
                }
            }
        }
    }

    @Test
    void onlyTheEnginePackageTouchesKieApis() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/accord"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.startsWith(Path.of("src/main/java/org/accord/engine"))) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import org.kie.").doesNotContain("import org.drools.");
                }
            }
        }
    }
}
