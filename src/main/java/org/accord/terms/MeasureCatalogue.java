package org.accord.terms;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The quality measures Accord knows, as the shipped catalogue declares them
 * ({@code contract-templates/parameters/quality/measure-gates.yaml}), read for what belongs to a measure
 * rather than to a contract: whether a higher or a lower rate is better. HEDIS defines HBD-POOR (HbA1c poor
 * control) as inverse whichever contract pays on it, so a clause that pays per member meeting a measure asks
 * here instead of declaring the catalogue as a parameter of its own. A contract's gates stay its terms
 * ({@code measureGates}); only the direction is read from here.
 */
public final class MeasureCatalogue {

    /** The catalogue, relative to the templates' folder, as a template includes it. */
    public static final String FILE = TemplateComposition.PARAMETERS + "quality/measure-gates.yaml";

    public static final String HIGHER_IS_BETTER = "higher-is-better";
    public static final String LOWER_IS_BETTER = "lower-is-better";

    private static final Map<String, String> DIRECTIONS = read();

    private MeasureCatalogue() {
    }

    /**
     * Whether a higher or a lower rate of the measure is better: {@value #HIGHER_IS_BETTER} or
     * {@value #LOWER_IS_BETTER}; a measure the catalogue does not know is read as higher-is-better, as a
     * gates table without a direction is.
     */
    public static String direction(String measureId) {
        return DIRECTIONS.getOrDefault(measureId, HIGHER_IS_BETTER);
    }

    /** The measure ids the catalogue declares, in order. */
    public static Set<String> measureIds() {
        return DIRECTIONS.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> read() {
        String folder = TemplateCatalog.FOLDER + "/" + FILE.substring(0, FILE.lastIndexOf('/'));
        byte[] bytes = ClasspathFolder.read(folder).get(FILE.substring(FILE.lastIndexOf('/') + 1));
        if (bytes == null) {
            throw new IllegalStateException(TemplateCatalog.FOLDER + "/" + FILE + " is not on the classpath");
        }
        Map<String, Object> declaration = YAMLMapper.builder().build().readValue(bytes, Map.class);
        // Checked as a measureGates value is: each measure has a direction of the two words, and gates.
        Map<String, Object> gates = (Map<String, Object>) ParameterType.MEASURE_GATES.convert(declaration.get("value"));
        Map<String, String> directions = new TreeMap<>();
        gates.forEach((measureId, spec) -> directions.put(measureId, (String) ((Map<String, Object>) spec).get("direction")));
        return Collections.unmodifiableMap(directions);
    }
}
