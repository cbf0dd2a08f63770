package org.accord.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.accord.engine.RuleBases;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.terms.ClauseTemplate;
import org.accord.validation.InvalidInputException;

/** Contracts as the command line writes them. */
final class Contracts {

    private Contracts() {
    }

    /** A template and {@code --set name=value} overrides; true and false become flags, anything else stays text. */
    static ContractChoice of(String templateId, Map<String, String> overrides) {
        Map<String, Object> typed = new LinkedHashMap<>();
        overrides.forEach((name, value) -> typed.put(name, "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : value));
        return new ContractChoice(templateId, typed);
    }

    /**
     * Parses {@code template} or {@code template:name=value,name=value}, for example
     * {@code mssp-basic:maximumSharingRate=0.50,electedMinimumSavingsRate=0.02}.
     *
     * @param option the option that gave it, where a malformed contract is reported
     */
    static ContractChoice parse(String spec, String option) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return ContractChoice.of(spec.trim());
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String assignment : spec.substring(colon + 1).split(",")) {
            if (assignment.isBlank()) {
                continue;
            }
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException(option, "expected template:name=value[,name=value...], got '" + spec + "'");
            }
            String name = assignment.substring(0, equals).trim();
            if (overrides.put(name, assignment.substring(equals + 1).trim()) != null) {
                throw new InvalidInputException(option, "'" + name + "' is given twice in '" + spec + "'; give it once");
            }
        }
        return of(spec.substring(0, colon).trim(), overrides);
    }

    /**
     * Starts making the base of the shipped rules that the template's clauses settle on, on a thread
     * of its own, so that it is made while the command reads its facts rather than after; a template
     * not found is left for the evaluation to report.
     */
    static void prepareRules(EvaluationService service, String templateId) {
        service.templates().find(templateId).ifPresent(template ->
                RuleBases.prepare(template.clauses().stream().map(ClauseTemplate::concept).collect(Collectors.toSet())));
    }

    static String describe(ContractChoice contract) {
        if (contract.overrides().isEmpty()) {
            return contract.templateId();
        }
        StringBuilder out = new StringBuilder(contract.templateId()).append(" with ");
        contract.overrides().forEach((name, value) -> out.append(name).append('=').append(value instanceof BigDecimal d
                ? d.toPlainString() : value).append(", "));
        return out.substring(0, out.length() - 2);
    }
}
