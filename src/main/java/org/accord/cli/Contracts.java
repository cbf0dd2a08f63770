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

    /**
     * A template and {@code --set name=value} overrides; true and false become flags, a value that
     * opens with a brace or a bracket is JSON (a table by measure, a scale's rungs), and
     * {@code name.KEY=value} is one entry of a table keyed by measure id
     * ({@code bonusPerMemberMeetingMeasure.CBP=5}): the entries given together are the table, as the
     * API's object is. Anything else stays text, for the template's declaration to read.
     */
    static ContractChoice of(String templateId, Map<String, String> overrides) {
        Map<String, Object> typed = new LinkedHashMap<>();
        overrides.forEach((name, value) -> {
            java.util.regex.Matcher entry = TABLE_ENTRY.matcher(name);
            if (entry.matches()) {
                Object table = typed.computeIfAbsent(entry.group(1), n -> new LinkedHashMap<String, Object>());
                if (!(table instanceof Map<?, ?>)) {
                    throw new InvalidInputException("--set", "'" + entry.group(1) + "' is given whole and by entry ('" + name
                            + "'); give one or the other");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> entries = (Map<String, Object>) table;
                entries.put(entry.group(2), typed(name, value));
            } else if (typed.containsKey(name)) {
                throw new InvalidInputException("--set", "'" + name + "' is given whole and by entry; give one or the other");
            } else {
                typed.put(name, typed(name, value));
            }
        });
        return new ContractChoice(templateId, typed);
    }

    /** {@code name.KEY}: one entry of a table (a measure id may hold '-'); a scale's {@code name[rung].field} is not one. */
    private static final java.util.regex.Pattern TABLE_ENTRY = java.util.regex.Pattern.compile("^(\\w+)\\.([^\\[\\].=]+)$");

    private static Object typed(String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        String text = value.strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                return org.accord.io.Json.STRICT.readValue(text, Object.class);
            } catch (tools.jackson.core.JacksonException e) {
                throw new InvalidInputException("--set", name + ": not readable JSON (" + org.accord.io.JsonProblems.reason(e) + ")");
            }
        }
        return value;
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
            // The value as typed, as --set takes it: a decimal is never stripped (a space beside its digits is refused,
            // naming the option), while a space after a comma or around a name is only the list's layout.
            if (overrides.put(name, assignment.substring(equals + 1)) != null) {
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
