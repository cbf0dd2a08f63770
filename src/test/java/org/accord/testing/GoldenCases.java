package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The golden cases under {@code src/test/resources/golden/<concept>/}: short YAML files in the
 * OpenFisca manner that give the template, the changed terms and only the facts that matter over
 * the documented defaults ({@code golden/defaults.yaml}). Each reads as one case: its description,
 * contract choice, full facts and expectations.
 */
public final class GoldenCases {

    public static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern COUNTS = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s+excluded\\s*)?");

    /** One golden case: where it is, what it says, and the evaluation it asks for. */
    public record GoldenCase(Path file, String description, ContractChoice choice, PerformanceFacts facts, JsonNode expected) {
    }

    private GoldenCases() {
    }

    /** The concept folders, in name order. */
    public static List<Path> concepts() {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of one concept folder, in name order. */
    public static List<Path> files(Path concept) {
        try (Stream<Path> files = Files.list(concept)) {
            return files.filter(GoldenCases::isCase).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case of every concept. */
    public static List<GoldenCase> all() {
        return concepts().stream().flatMap(concept -> files(concept).stream()).map(GoldenCases::read).toList();
    }

    public static GoldenCase read(Path file) {
        try {
            JsonNode golden = YAML.readTree(Files.readString(file));
            JsonNode given = golden.get("given");
            JsonNode facts = expand(given, YAML.readTree(Files.readString(GOLDEN.resolve("defaults.yaml"))));
            return new GoldenCase(file, golden.get("description").asString(),
                    choice(given.get("template").asString(), given.get("changedTerms")),
                    Json.readFacts(Json.MAPPER.writeValueAsBytes(facts)), golden.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("golden case " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ContractChoice choice(String template, JsonNode changedTerms) {
        Map<String, Object> overrides = changedTerms == null || changedTerms.isNull()
                ? Map.of() : Json.MAPPER.convertValue(changedTerms, Map.class);
        return new ContractChoice(template, overrides);
    }

    /** The facts a case means: its own over the defaults, in the shape of the JSON facts the API reads. */
    static JsonNode expand(JsonNode given, JsonNode defaults) {
        ObjectNode facts = Json.MAPPER.createObjectNode();
        facts.set("ipa", merged(defaults.get("ipa"), given.get("ipa")));
        ObjectNode period = merged(defaults.get("period"), given.get("period"));
        int year = period.get("performanceYear").asInt();
        if (!period.has("start")) {
            period.put("start", year + "-01-01");
        }
        if (!period.has("end")) {
            period.put("end", year + "-12-31");
        }
        facts.set("period", period);
        ArrayNode practices = facts.putArray("practices");
        for (JsonNode given1 : given.get("practices")) {
            ObjectNode practice = merged(defaults.get("practice"), given1);
            String id = practice.get("id").asString();
            if (!practice.has("name")) {
                practice.put("name", "Practice " + id);
            }
            if (!practice.has("attributedMembers")) {
                practice.put("attributedMembers", practice.get("memberMonths").asInt() / 12);
            }
            practice.set("qualityMeasures", measures(practice.get("qualityMeasures")));
            practices.add(practice);
        }
        return facts;
    }

    private static ObjectNode merged(JsonNode defaults, JsonNode own) {
        ObjectNode merged = defaults == null ? Json.MAPPER.createObjectNode() : (ObjectNode) defaults.deepCopy();
        if (own != null) {
            own.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        }
        return merged;
    }

    /** {@code {CBP: 75/100, BCS: "80/110, 10 excluded"}} as the facts' list of counts (a list is taken as it is). */
    private static JsonNode measures(JsonNode measures) {
        if (measures == null || measures.isArray()) {
            return measures == null ? Json.MAPPER.createArrayNode() : measures;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        measures.properties().forEach(e -> {
            Matcher counts = COUNTS.matcher(e.getValue().asString());
            if (!counts.matches()) {
                throw new IllegalArgumentException("measure " + e.getKey() + ": \"" + e.getValue().asString()
                        + "\" is not \"numerator/denominator\" or \"numerator/denominator, exclusions excluded\"");
            }
            ObjectNode count = list.addObject();
            count.put("measureId", e.getKey());
            count.put("numerator", Integer.parseInt(counts.group(1)));
            count.put("denominator", Integer.parseInt(counts.group(2)));
            count.put("exclusions", counts.group(3) == null ? 0 : Integer.parseInt(counts.group(3)));
        });
        return list;
    }

    private static boolean isCase(Path file) {
        return file.getFileName().toString().endsWith(".yaml");
    }
}
