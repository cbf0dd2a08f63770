package org.accord.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.content.ClasspathFolder;
import org.accord.validation.InvalidInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The layouts shipped in {@code backtest/layouts/}, and which one a file's header matches. A
 * layout that does not read correctly is a packaging error and fails loudly with its file name.
 */
final class Layouts {

    static final String FOLDER = "backtest/layouts";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final List<Layout> layouts;

    private Layouts(List<Layout> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    static Layouts load() {
        List<Layout> layouts = new ArrayList<>();
        ClasspathFolder.read(FOLDER).forEach((path, bytes) -> {
            if (path.endsWith(".yaml")) {
                layouts.add(parse(path, bytes));
            }
        });
        return new Layouts(layouts);
    }

    List<Layout> all() {
        return layouts;
    }

    /**
     * The layout whose required columns the header has.
     *
     * @throws InvalidInputException naming, for each known layout, the columns the header lacks
     */
    Layout matching(List<String> header) {
        List<Layout> matches = layouts.stream().filter(l -> l.missingFrom(header).isEmpty()).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new IllegalStateException("the header matches more than one layout: "
                    + matches.stream().map(Layout::id).toList() + "; make their required columns tell them apart");
        }
        StringBuilder reason = new StringBuilder("the file's header matches no known layout");
        for (Layout layout : layouts) {
            reason.append("; it lacks columns that layout ").append(layout.id()).append(" (").append(layout.name())
                    .append(") requires: ").append(String.join(", ", layout.missingFrom(header)));
        }
        throw new InvalidInputException("header", reason.toString());
    }

    @SuppressWarnings("unchecked")
    static Layout parse(String path, byte[] bytes) {
        String where = FOLDER + "/" + path;
        Map<String, Object> doc;
        try {
            doc = YAML.readValue(bytes, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": not readable YAML: " + e.getMessage(), e);
        }
        List<String> required = strings(doc, "requiredColumns", where);
        Set<String> columnsUsed = new LinkedHashSet<>();
        String key = text(doc, "key", where);
        columnsUsed.add(key);

        List<Layout.Track> tracks = new ArrayList<>();
        Set<String> trackNames = new LinkedHashSet<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) value(doc, "tracks", where)) {
            Layout.Track track = new Layout.Track(text(raw, "track", where + " tracks"),
                    text(raw, "flag", where + " tracks"), text(raw, "template", where + " tracks"));
            if (!trackNames.add(track.track())) {
                throw new IllegalStateException(where + ": track '" + track.track() + "' is listed twice");
            }
            columnsUsed.add(track.flag());
            tracks.add(track);
        }

        Map<String, Object> facts = (Map<String, Object>) value(doc, "facts", where);
        Map<String, Layout.Source> ipa = sources(facts, "ipa", Layout.IPA_FIELDS, where, columnsUsed);
        Map<String, Layout.Source> period = sources(facts, "period", Layout.PERIOD_FIELDS, where, columnsUsed);
        Map<String, Layout.Source> practice = sources(facts, "practice", Layout.PRACTICE_FIELDS, where, columnsUsed);
        if (!ipa.containsKey("id") || !practice.keySet().containsAll(Layout.PRACTICE_FIELDS_REQUIRED)) {
            throw new IllegalStateException(where + ": facts.ipa needs an id and facts.practice needs "
                    + Layout.PRACTICE_FIELDS_REQUIRED.stream().sorted().toList());
        }

        List<Layout.OverrideMapping> overrides = new ArrayList<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) doc.getOrDefault("overrides", List.of())) {
            Layout.OverrideMapping override = new Layout.OverrideMapping(text(raw, "parameter", where + " overrides"),
                    text(raw, "column", where + " overrides"), tracksOf(raw, where + " overrides", trackNames));
            columnsUsed.add(override.column());
            overrides.add(override);
        }

        Map<String, Object> rawExpected = (Map<String, Object>) value(doc, "expected", where);
        Map<String, Object> rawTolerance = (Map<String, Object>) value(rawExpected, "tolerance", where + " expected");
        Layout.Tolerance tolerance = new Layout.Tolerance(text(rawTolerance, "savings", where + " tolerance"),
                text(rawTolerance, "sharingRateParameter", where + " tolerance"),
                new BigDecimal(text(rawTolerance, "qualityScoreHalfUnit", where + " tolerance")),
                new BigDecimal(text(rawTolerance, "dollars", where + " tolerance")));
        columnsUsed.add(tolerance.savings());
        List<Layout.FindingCheck> findings = new ArrayList<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) rawExpected.getOrDefault("findings", List.of())) {
            String at = where + " expected.findings";
            Layout.FindingCheck check = new Layout.FindingCheck(tracksOf(raw, at, trackNames), text(raw, "rule", at),
                    text(raw, "basis", at), text(raw, "column", at), Integer.parseInt(text(raw, "decimals", at)));
            columnsUsed.add(check.column());
            findings.add(check);
        }
        Layout.Expected expected = new Layout.Expected(text(rawExpected, "amount", where + " expected"),
                strings(rawExpected, "clauses", where + " expected"), tolerance, List.copyOf(findings));
        columnsUsed.add(expected.amount());

        List<String> undeclared = columnsUsed.stream().filter(c -> !required.contains(c)).toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException(where + ": columns " + undeclared + " are read but not listed in requiredColumns");
        }
        String id = text(doc, "id", where);
        if (!path.equals(id + ".yaml") && !path.endsWith("/" + id + ".yaml")) {
            throw new IllegalStateException(where + ": the layout id '" + id + "' must be the file's name");
        }
        return new Layout(id, text(doc, "name", where), text(doc, "source", where),
                Integer.parseInt(text(doc, "performanceYear", where)), List.copyOf(required), key, List.copyOf(tracks),
                ipa, period, practice, List.copyOf(overrides), expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layout.Source> sources(Map<String, Object> facts, String part, Set<String> fields,
            String where, Set<String> columnsUsed) {
        Map<String, Object> raw = (Map<String, Object>) value(facts, part, where + " facts");
        Map<String, Layout.Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String at = where + " facts." + part + "." + entry.getKey();
            if (!fields.contains(entry.getKey())) {
                throw new IllegalStateException(at + ": no such field; " + part + " has " + fields.stream().sorted().toList());
            }
            Layout.Source source;
            if (entry.getValue() instanceof String column) {
                source = Layout.Source.column(column);
            } else if (entry.getValue() instanceof Map<?, ?> map) {
                Map<String, Object> spec = (Map<String, Object>) map;
                for (String word : spec.keySet()) {
                    if (!Set.of("column", "negate", "times", "blank", "value").contains(word)) {
                        throw new IllegalStateException(at + ": unknown word '" + word + "'");
                    }
                }
                String column = spec.get("column") == null ? null : spec.get("column").toString();
                String constant = spec.get("value") == null ? null : spec.get("value").toString();
                if ((column == null) == (constant == null)) {
                    throw new IllegalStateException(at + ": give either a column or a value");
                }
                source = new Layout.Source(column, Boolean.TRUE.equals(spec.get("negate")),
                        spec.get("times") == null ? 1 : Integer.parseInt(spec.get("times").toString()),
                        spec.get("blank") == null ? null : spec.get("blank").toString(), constant);
            } else {
                throw new IllegalStateException(at + ": expected a column name or a map");
            }
            if (source.column() != null) {
                columnsUsed.add(source.column());
            }
            sources.put(entry.getKey(), source);
        }
        return Map.copyOf(sources);
    }

    private static Set<String> tracksOf(Map<String, Object> raw, String where, Set<String> known) {
        List<String> tracks = strings(raw, "tracks", where);
        for (String track : tracks) {
            if (!known.contains(track)) {
                throw new IllegalStateException(where + ": unknown track '" + track + "'; tracks are " + known);
            }
        }
        return Set.copyOf(tracks);
    }

    private static Object value(Map<String, Object> map, String name, String where) {
        Object value = map.get(name);
        if (value == null) {
            throw new IllegalStateException(where + ": '" + name + "' is required");
        }
        return value;
    }

    private static String text(Map<String, Object> map, String name, String where) {
        return value(map, name, where).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String name, String where) {
        Object value = value(map, name, where);
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException(where + ": '" + name + "' must be a list");
        }
        return ((List<Object>) list).stream().map(Object::toString).toList();
    }
}
