package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The API document against the latest released one (api-spec/released/accord-<version>.yaml):
 * a change that would break a client of that release (an operation or a response field removed,
 * a new required input, a property's type changed, a response word list opened or an input's
 * narrowed) fails the build unless info.version's major number is higher than the release's.
 * A new release is recorded by copying the document there.
 */
class ApiCompatibilityTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void theDocumentKeepsEveryPromiseOfTheLatestReleaseUnlessItsMajorVersionChanges() throws IOException {
        Path released = latestRelease();
        JsonNode before = YAML.readTree(Files.readString(released));
        JsonNode now = YAML.readTree(Files.readString(Path.of("api-spec/accord.yaml")));

        List<String> breaks = breakingChanges(before, now);

        if (major(now) <= major(before)) {
            assertThat(breaks).as("changes that break clients of %s; raise info.version's major number to make them", released)
                    .isEmpty();
        }
    }

    /** The checker finds this version's own deliberate breaks, so it can fail. */
    @Test
    void version2sBreaksFrom1AreFoundAndExplainTheMajorVersion() throws IOException {
        JsonNode before = YAML.readTree(Files.readString(Path.of("api-spec/released/accord-1.0.0.yaml")));
        JsonNode now = YAML.readTree(Files.readString(Path.of("api-spec/accord.yaml")));

        assertThat(breakingChanges(before, now)).contains(
                "response word list opened: SettlementLine.flow",
                "response word list opened: ParameterDeclaration.type");
        assertThat(major(now)).isEqualTo(2);
    }

    @Test
    void removedOperationsAndNewRequiredInputsAreBreaks() throws IOException {
        JsonNode before = YAML.readTree("""
                info: {version: 1.0.0}
                paths:
                  /a: {get: {operationId: a}, post: {operationId: b, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/In'}}}}}}
                components:
                  schemas:
                    In: {type: object, properties: {x: {type: string}, y: {type: integer}}}
                """);
        JsonNode now = YAML.readTree("""
                info: {version: 1.1.0}
                paths:
                  /a: {post: {operationId: b, requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/In'}}}}}}
                components:
                  schemas:
                    In: {type: object, required: [x], properties: {x: {type: string}, y: {type: string}}}
                """);

        assertThat(breakingChanges(before, now)).containsExactlyInAnyOrder(
                "operation removed: GET /a", "new required input: In.x", "type changed: In.y");
    }

    static List<String> breakingChanges(JsonNode before, JsonNode now) {
        List<String> breaks = new ArrayList<>();
        Set<String> requestSchemas = new HashSet<>();
        for (var path : before.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode after = now.path("paths").path(path.getKey()).path(operation.getKey());
                if (after.isMissingNode()) {
                    breaks.add("operation removed: " + operation.getKey().toUpperCase() + " " + path.getKey());
                    continue;
                }
                reachable(now, after.path("requestBody"), requestSchemas);
                Set<String> requiredBefore = requiredParameters(operation.getValue());
                for (String parameter : requiredParameters(after)) {
                    if (!requiredBefore.contains(parameter)) {
                        breaks.add("new required parameter: " + parameter + " of " + path.getKey());
                    }
                }
            }
        }
        for (var schema : before.path("components").path("schemas").properties()) {
            JsonNode after = now.path("components").path("schemas").path(schema.getKey());
            if (after.isMissingNode()) {
                breaks.add("schema removed: " + schema.getKey());
                continue;
            }
            Set<String> requiredBefore = names(schema.getValue().path("required"));
            for (String name : names(after.path("required"))) {
                if (!requiredBefore.contains(name) && requestSchemas.contains(schema.getKey())) {
                    breaks.add("new required input: " + schema.getKey() + "." + name);
                }
            }
            for (var property : schema.getValue().path("properties").properties()) {
                String field = schema.getKey() + "." + property.getKey();
                JsonNode was = property.getValue();
                JsonNode is = after.path("properties").path(property.getKey());
                if (is.isMissingNode()) {
                    breaks.add("field removed: " + field);
                } else if (!was.path("type").equals(is.path("type")) && !sameDecimal(was, is)) {
                    breaks.add("type changed: " + field);
                } else if (was.has("enum") && !is.has("enum") && !requestSchemas.contains(schema.getKey())) {
                    breaks.add("response word list opened: " + field);
                } else if (is.has("enum") && !names(is.path("enum")).containsAll(names(was.path("enum")))) {
                    breaks.add("word list narrowed: " + field);
                }
            }
        }
        return breaks;
    }

    /** A decimal written inline in 1.0.0 and as a reference to the Decimal schema since: the same text. */
    private static boolean sameDecimal(JsonNode was, JsonNode is) {
        boolean wasDecimal = "number".equals(was.path("format").asString("")) || was.path("$ref").asString("").endsWith("/Decimal");
        return wasDecimal && is.path("$ref").asString("").endsWith("/Decimal");
    }

    /** Every schema a node refers to, followed through references, properties, items and compositions. */
    private static void reachable(JsonNode document, JsonNode node, Set<String> names) {
        if (node.isObject()) {
            String ref = node.path("$ref").asString("");
            if (ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                if (names.add(name)) {
                    reachable(document, document.path("components").path("schemas").path(name), names);
                }
            }
            for (var child : node.properties()) {
                reachable(document, child.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> reachable(document, child, names));
        }
    }

    private static Set<String> requiredParameters(JsonNode operation) {
        Set<String> required = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("required").asBoolean(false) && parameter.has("name")) {
                required.add(parameter.path("in").asString("") + " " + parameter.path("name").asString(""));
            }
        }
        return required;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static int major(JsonNode document) {
        return Integer.parseInt(document.path("info").path("version").asString().split("\\.")[0]);
    }

    private static Path latestRelease() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("api-spec/released"))) {
            return files.filter(f -> f.getFileName().toString().matches("accord-\\d+\\.\\d+\\.\\d+\\.yaml"))
                    .max(Comparator.comparing(ApiCompatibilityTest::versionOf))
                    .orElseThrow(() -> new AssertionError("no released document in api-spec/released"));
        }
    }

    private static String versionOf(Path file) {
        String[] parts = file.getFileName().toString().replaceAll("accord-|\\.yaml", "").split("\\.");
        return String.format("%09d.%09d.%09d", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
