package org.accord.terms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The quality measures Accord knows, as the shipped catalogue declares them
 * ({@code contract-templates/parameters/quality/measure-gates.yaml}), read for what belongs to a measure
 * rather than to a contract: whether a higher or a lower rate is better. HEDIS defines HBD-POOR (HbA1c poor
 * control) as inverse whichever contract pays on it. A template whose clause reads a measure's direction
 * carries the directions in its own text ({@code measureDirections}, composed from this file), so a run
 * replays with the directions it was settled with, whatever this file says later; the catalogue checks that a
 * template published now agrees with it.
 */
public final class MeasureCatalogue {

    /** The catalogue, relative to the templates' folder, as a template includes it. */
    public static final String FILE = TemplateComposition.PARAMETERS + "quality/measure-gates.yaml";

    public static final String HIGHER_IS_BETTER = "higher-is-better";
    public static final String LOWER_IS_BETTER = "lower-is-better";

    /**
     * The directions a template text that carries none was settled with: the catalogue as shipped from the
     * first rule that read a direction (f3608e3) until templates carried theirs, when HBD-POOR was its only
     * lower-is-better measure. Runs stored with such a text (medicaid-ffs-p4p 2025.4, a template uploaded
     * before) replay with these, not with what the catalogue says later; they never change.
     */
    public static final Map<String, String> BEFORE_TEMPLATES_CARRIED_THEM = Map.of("HBD-POOR", LOWER_IS_BETTER);

    private static final Map<String, String> DIRECTIONS = read();

    private MeasureCatalogue() {
    }

    /**
     * Whether a higher or a lower rate of the measure is better in the shipped catalogue: {@value #HIGHER_IS_BETTER} or
     * {@value #LOWER_IS_BETTER}; a measure the catalogue does not know is read as higher-is-better, as a gates
     * table without a direction is.
     */
    public static String direction(String measureId) {
        return direction(DIRECTIONS, measureId);
    }

    /** The measure's direction in these directions, higher-is-better for a measure they do not name. */
    public static String direction(Map<String, String> directions, String measureId) {
        return directions.getOrDefault(measureId, HIGHER_IS_BETTER);
    }

    /** The measure ids the catalogue declares, in order. */
    public static Set<String> measureIds() {
        return DIRECTIONS.keySet();
    }

    /**
     * The directions of a catalogue file's measures ({@code type: measure-gates}), in its order, checked as a
     * measureGates value is: each measure has a direction of the two words, and gates.
     *
     * @param where how messages name the file
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> directionsIn(Map<String, Object> declaration, String where) {
        if (!ParameterType.MEASURE_GATES.word().equals(declaration.get("type"))) {
            throw new IllegalStateException(where + ": measure directions are read from a measure-gates file; this one is of type "
                    + declaration.get("type"));
        }
        Map<String, Object> gates;
        try {
            gates = (Map<String, Object>) ParameterType.MEASURE_GATES.convert(declaration.get("value"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        Map<String, String> directions = new LinkedHashMap<>();
        gates.forEach((measureId, spec) -> directions.put(measureId, (String) ((Map<String, Object>) spec).get("direction")));
        return directions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read() {
        String folder = TemplateCatalog.FOLDER + "/" + FILE.substring(0, FILE.lastIndexOf('/'));
        byte[] bytes = ClasspathFolder.read(folder).get(FILE.substring(FILE.lastIndexOf('/') + 1));
        if (bytes == null) {
            throw new IllegalStateException(TemplateCatalog.FOLDER + "/" + FILE + " is not on the classpath");
        }
        Map<String, Object> declaration = YAMLMapper.builder().build().readValue(bytes, Map.class);
        return Collections.unmodifiableMap(new TreeMap<>(directionsIn(declaration, TemplateCatalog.FOLDER + "/" + FILE)));
    }
}
