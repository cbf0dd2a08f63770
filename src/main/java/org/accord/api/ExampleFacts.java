package org.accord.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.validation.InputProblem;

/**
 * The example fact sets shipped on the classpath under {@code examples/} (the pom names which of
 * the repository's {@code examples/} files), read once at start-up: an example that does not read
 * or validate stops the service rather than failing a user later.
 */
final class ExampleFacts {

    private static final String JSON = ".json";

    private final Map<String, PerformanceFacts> byId;

    private ExampleFacts(Map<String, PerformanceFacts> byId) {
        this.byId = byId;
    }

    static ExampleFacts load() {
        Map<String, PerformanceFacts> byId = new TreeMap<>();
        ClasspathFolder.read("examples").forEach((path, bytes) -> {
            if (path.endsWith(JSON) && !path.contains("/")) {
                PerformanceFacts facts = Json.readFacts(bytes);
                List<InputProblem> problems = FactsValidator.problems(facts);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("example " + path + ": " + problems);
                }
                byId.put(path.substring(0, path.length() - JSON.length()), facts);
            }
        });
        return new ExampleFacts(Map.copyOf(byId));
    }

    /** By id, in id order. */
    Map<String, PerformanceFacts> all() {
        return new TreeMap<>(byId);
    }

    Optional<PerformanceFacts> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
