package org.accord.evaluation;

import java.util.Map;
import java.util.TreeMap;
import org.accord.settlement.Settlement;

/**
 * Which contract to evaluate: a template and overrides of its parameters, and the stored contract
 * version they were read from when the request named one (its settlement names it too).
 *
 * @param templateId the template's id
 * @param overrides  parameter name to value (a decimal as a string keeps its precision)
 * @param version    the stored contract version, or null
 */
public record ContractChoice(String templateId, Map<String, Object> overrides, Settlement.StoredVersion version) {

    public ContractChoice {
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    /** A template and overrides sent as they are, from no stored version. */
    public ContractChoice(String templateId, Map<String, Object> overrides) {
        this(templateId, overrides, null);
    }

    public static ContractChoice of(String templateId) {
        return new ContractChoice(templateId, Map.of());
    }

    /** The same template with one more override: a contract of its own, no longer the stored version. */
    public ContractChoice with(String parameter, Object value) {
        Map<String, Object> more = new TreeMap<>(overrides);
        more.put(parameter, value);
        return new ContractChoice(templateId, more);
    }
}
