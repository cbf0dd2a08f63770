package org.accord.terms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns a template file that shares with others into the self-contained template it stands for
 * (contract-templates/README.md): {@code extends: <template id>} takes that template whole, a clause of
 * the same id changes the fields it gives (a parameter's by field) and a new clause goes where
 * {@code after: <clause id>} says (else last); a parameter written {@code {include: quality/measure-gates}}
 * is the declaration in {@code parameters/quality/measure-gates.yaml}, and {@code measureDirections: {include:
 * quality/measure-gates}} is that catalogue's direction of each measure. The self-contained text is what
 * the catalog reads, hashes and stores, so a run replays without the files it was composed from.
 */
final class TemplateComposition {

    static final String PARAMETERS = "parameters/";

    /** The template's own record of each measure's direction (a property of the measure, not a term). */
    static final String MEASURE_DIRECTIONS = "measureDirections";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TemplateComposition() {
    }

    /**
     * The template file at {@code path} in {@code folder} (the templates' folder, by relative path) as a
     * self-contained template: its own bytes when it neither extends nor includes, else the composed YAML.
     */
    static byte[] selfContained(String path, Map<String, byte[]> folder) {
        Map<String, Object> doc = read(path, folder.get(path));
        if (!sharesWithOthers(doc)) {
            return folder.get(path);
        }
        return YAML.writeValueAsBytes(compose(path, folder, new LinkedHashSet<>()));
    }

    @SuppressWarnings("unchecked")
    private static boolean sharesWithOthers(Map<String, Object> doc) {
        if (doc.containsKey("extends") || doc.get(MEASURE_DIRECTIONS) instanceof Map<?, ?> directions && directions.containsKey("include")) {
            return true;
        }
        if (!(doc.get("clauses") instanceof List<?> clauses)) {
            return false;
        }
        for (Object clause : clauses) {
            Object parameters = clause instanceof Map<?, ?> c ? c.get("parameters") : null;
            if (parameters instanceof Map<?, ?> p && p.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("include"))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose(String path, Map<String, byte[]> folder, Set<String> chain) {
        String where = TemplateCatalog.FOLDER + "/" + path;
        if (!chain.add(path)) {
            throw new IllegalStateException(where + ": extends itself through " + String.join(" -> ", chain));
        }
        Map<String, Object> doc = read(path, folder.get(path));
        Object base = doc.remove("extends");
        if (base != null) {
            String basePath = base + ".yaml";
            if (!folder.containsKey(basePath) || basePath.contains("/")) {
                throw new IllegalStateException(where + ": extends '" + base + "', which is no template in " + TemplateCatalog.FOLDER + "/");
            }
            for (String own : List.of("id", "version")) {
                if (!doc.containsKey(own)) {
                    throw new IllegalStateException(where + ": a template that extends another gives its own '" + own + "'");
                }
            }
            Map<String, Object> composed = compose(basePath, folder, chain);
            List<Map<String, Object>> clauses = (List<Map<String, Object>>) composed.get("clauses");
            doc.forEach((key, value) -> {
                if (value == null) {
                    // A field given as null is the base's left out: a program that goes on after the one it extends.
                    composed.remove(key);
                } else if (!"clauses".equals(key)) {
                    composed.put(key, value);
                }
            });
            for (Map<String, Object> clause : (List<Map<String, Object>>) doc.getOrDefault("clauses", List.of())) {
                change(clauses, clause, where);
            }
            doc = composed;
        }
        for (Map<String, Object> clause : (List<Map<String, Object>>) doc.getOrDefault("clauses", List.of())) {
            Map<String, Object> parameters = (Map<String, Object>) clause.get("parameters");
            if (parameters != null) {
                parameters.replaceAll((name, declaration) -> included(name, declaration, folder, where + " clause " + clause.get("id")));
            }
        }
        if (doc.get(MEASURE_DIRECTIONS) instanceof Map<?, ?> directions && directions.containsKey("include")) {
            doc.put(MEASURE_DIRECTIONS, includedDirections(directions, folder, where + " " + MEASURE_DIRECTIONS));
        }
        chain.remove(path);
        return doc;
    }

    /** The direction of each measure of the measure catalogue that {@code {include: <name>}} names, in its order. */
    private static Map<String, String> includedDirections(Map<?, ?> include, Map<String, byte[]> folder, String at) {
        if (include.size() != 1) {
            throw new IllegalStateException(at + ": included directions are the catalogue's as it is; give no other field beside 'include'");
        }
        String file = PARAMETERS + include.get("include") + ".yaml";
        if (!folder.containsKey(file)) {
            throw new IllegalStateException(at + ": includes '" + include.get("include") + "', but there is no " + TemplateCatalog.FOLDER + "/" + file);
        }
        return MeasureCatalogue.directionsIn(read(file, folder.get(file)), at + " (" + TemplateCatalog.FOLDER + "/" + file + ")");
    }

    /** A clause of the extending template: changes the base's clause of its id, or goes after the one it names. */
    @SuppressWarnings("unchecked")
    private static void change(List<Map<String, Object>> clauses, Map<String, Object> clause, String where) {
        Object id = clause.get("id");
        if (id == null) {
            throw new IllegalStateException(where + ": every clause of a template that extends another names its id");
        }
        Map<String, Object> changed = new LinkedHashMap<>(clause);
        Object after = changed.remove("after");
        for (Map<String, Object> existing : clauses) {
            if (id.equals(existing.get("id"))) {
                if (after != null) {
                    throw new IllegalStateException(where + " clause " + id + ": 'after' places a new clause; " + id + " is the base template's");
                }
                changed.forEach((field, value) -> {
                    if ("parameters".equals(field) && existing.get(field) instanceof Map<?, ?> inherited) {
                        Map<String, Object> parameters = new LinkedHashMap<>((Map<String, Object>) inherited);
                        ((Map<String, Object>) value).forEach((name, given) -> parameters.put(name, changed(parameters.get(name), given)));
                        existing.put(field, parameters);
                    } else {
                        existing.put(field, value);
                    }
                });
                return;
            }
        }
        int at = clauses.size();
        if (after != null) {
            at = -1;
            for (int i = 0; i < clauses.size(); i++) {
                if (after.equals(clauses.get(i).get("id"))) {
                    at = i + 1;
                }
            }
            if (at < 0) {
                throw new IllegalStateException(where + " clause " + id + ": after '" + after + "', which is no clause of the base template");
            }
        }
        clauses.add(at, changed);
    }

    /**
     * An inherited parameter with the fields the extending template gives (its source, its value):
     * a value given replaces the inherited value or values; an include replaces the declaration whole.
     */
    @SuppressWarnings("unchecked")
    private static Object changed(Object inherited, Object given) {
        if (!(inherited instanceof Map<?, ?> base) || !(given instanceof Map<?, ?> fields) || fields.containsKey("include")) {
            return given;
        }
        Map<String, Object> declaration = new LinkedHashMap<>((Map<String, Object>) base);
        if (fields.containsKey("value") || fields.containsKey("values")) {
            declaration.remove("value");
            declaration.remove("values");
        }
        declaration.putAll((Map<String, Object>) fields);
        return declaration;
    }

    /** A parameter's declaration: its own, or the shared file's that {@code {include: <name>}} names. */
    private static Object included(String name, Object declaration, Map<String, byte[]> folder, String where) {
        if (!(declaration instanceof Map<?, ?> map) || !map.containsKey("include")) {
            return declaration;
        }
        String at = where + " parameter " + name;
        if (map.size() != 1) {
            throw new IllegalStateException(at + ": an included parameter is the shared file's as it is; give no other field beside 'include'"
                    + " (declare the parameter in full where it differs)");
        }
        String file = PARAMETERS + map.get("include") + ".yaml";
        if (!folder.containsKey(file)) {
            throw new IllegalStateException(at + ": includes '" + map.get("include") + "', but there is no " + TemplateCatalog.FOLDER + "/" + file);
        }
        return read(file, folder.get(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String path, byte[] bytes) {
        try {
            Object doc = YAML.readValue(bytes, Object.class);
            if (doc instanceof Map<?, ?>) {
                return (Map<String, Object>) doc;
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(TemplateCatalog.FOLDER + "/" + path + ": not readable YAML: " + e.getMessage(), e);
        }
        throw new IllegalStateException(TemplateCatalog.FOLDER + "/" + path + ": is not a YAML mapping");
    }
}
