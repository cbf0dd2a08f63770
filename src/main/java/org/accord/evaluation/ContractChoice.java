package org.accord.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.settlement.Settlement;
import org.accord.validation.InputProblem;

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

    /**
     * Problems named where the request holds them: a stored version's terms are not in the request, so a problem
     * with one of them ({@code /contract/overrides/budgetPmpm}) is named at the version it chose,
     * {@code /contract/contractVersionId}, saying which term of the version it is. From no version, unchanged.
     */
    public List<InputProblem> namedInTheRequest(List<InputProblem> problems) {
        if (version == null) {
            return problems;
        }
        String terms = "/contract/overrides/";
        List<InputProblem> named = new ArrayList<>(problems.size());
        for (InputProblem problem : problems) {
            if (!problem.pointer().startsWith(terms)) {
                named.add(problem);
                continue;
            }
            String rest = problem.pointer().substring(terms.length());
            String parameter = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            Object value = overrides.get(parameter);
            named.add(new InputProblem("/contract/contractVersionId", "the contract version's " + parameter
                    + (value == null ? "" : " is " + (value instanceof BigDecimal decimal ? decimal.toPlainString() : value))
                    + ": " + problem.reason()));
        }
        return named;
    }
}
