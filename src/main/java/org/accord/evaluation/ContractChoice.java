package org.accord.evaluation;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which contract to evaluate: a template and overrides of its parameters.
 *
 * @param templateId the template's id
 * @param overrides  parameter name to value (a decimal as a string keeps its precision)
 */
public record ContractChoice(String templateId, Map<String, Object> overrides) {

    public ContractChoice {
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    public static ContractChoice of(String templateId) {
        return new ContractChoice(templateId, Map.of());
    }

    /** The same template with one more override. */
    public ContractChoice with(String parameter, Object value) {
        Map<String, Object> more = new TreeMap<>(overrides);
        more.put(parameter, value);
        return new ContractChoice(templateId, more);
    }
}
