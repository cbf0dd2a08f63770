package org.accord.terms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.accord.content.Canonical;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/** Applies overrides to a template's values for a performance year, checking each override. */
public final class TermsResolver {

    private TermsResolver() {
    }

    /**
     * @param overrides parameter name to raw value; every name must be declared by the template
     * @throws InvalidInputException naming each bad override as {@code /overrides/<name>}
     */
    public static Terms resolve(ContractTemplate template, Map<String, ?> overrides, int performanceYear) {
        return resolve(template, overrides, performanceYear, ParameterDeclaration.Checks.ALL);
    }

    /** As {@link #resolve(ContractTemplate, Map, int)}, the overrides going through these checks. */
    public static Terms resolve(ContractTemplate template, Map<String, ?> overrides, int performanceYear,
            ParameterDeclaration.Checks checks) {
        Map<String, ?> requested = overrides == null ? Map.of() : overrides;
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Object> accepted = new TreeMap<>();
        Map<String, Map<TermPath, Object>> rungOverrides = new TreeMap<>();
        for (Map.Entry<String, ?> override : new TreeMap<>(requested).entrySet()) {
            String pointer = "/overrides/" + override.getKey();
            Optional<TermPath> path = TermPath.parse(override.getKey());
            if (path.isPresent()) {
                rungOverrides.computeIfAbsent(path.get().parameter(), p -> new LinkedHashMap<>()).put(path.get(), override.getValue());
                continue;
            }
            template.parameter(override.getKey()).ifPresentOrElse(declaration -> {
                if (!declaration.negotiable()) {
                    problems.add(new InputProblem(pointer, notNegotiable(declaration)));
                    return;
                }
                try {
                    Object value = template.accept(declaration, override.getValue(), checks);
                    Optional<String> setByRegulation = setByRegulationIn(declaration, value, performanceYear);
                    if (setByRegulation.isPresent()) {
                        problems.add(new InputProblem(pointer, setByRegulation.get()));
                        return;
                    }
                    accepted.put(override.getKey(), value);
                } catch (ParameterDeclaration.FieldProblems e) {
                    e.problems().forEach(problem -> problems.add(new InputProblem(pointer + problem.pointer(), problem.reason())));
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem(pointer, e.getMessage()));
                }
            }, () -> problems.add(new InputProblem(pointer, template.noParameter(override.getKey()))));
        }
        Optional<String> outsideItsYears = template.outsideItsYears(performanceYear);
        outsideItsYears.ifPresent(reason -> problems.add(new InputProblem("/period/performanceYear", reason)));
        rungOverrides.forEach((name, edits) -> applyToRungs(template, name, edits, performanceYear, accepted, problems, checks));
        List<ClauseTerms> clauses = new ArrayList<>();
        for (ClauseTemplate clause : template.clauses()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParameterDeclaration parameter : clause.parameters()) {
                try {
                    values.put(parameter.name(), accepted.containsKey(parameter.name())
                            ? accepted.get(parameter.name())
                            : parameter.valueIn(performanceYear));
                } catch (IllegalArgumentException e) {
                    // A year outside the template's is said once, for the template, not again for each parameter.
                    if (outsideItsYears.isEmpty()) {
                        problems.add(new InputProblem("/period/performanceYear", e.getMessage()));
                    }
                }
            }
            clauses.add(new ClauseTerms(clause.id(), clause.concept(), clause.title(), clause.requires(), Collections.unmodifiableMap(values)));
            // The template's own values keep every constraint (checked as it loads), so a broken one
            // comes from the overrides: name each parameter it binds, where the caller can change it.
            for (ClauseConstraint constraint : clause.constraints()) {
                if (values.keySet().containsAll(constraint.parameters())) {
                    constraint.violation(values).ifPresent(problem -> constraint.parameters()
                            .forEach(name -> problems.add(new InputProblem("/overrides/" + name, problem))));
                }
            }
        }
        InvalidInputException.throwIfAny(problems);
        // The canonical terms of docs/hashes.md: resolved values only, never the overrides that produced them.
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("template", template.id());
        canonical.put("version", template.version());
        canonical.put("performanceYear", performanceYear);
        canonical.put("clauses", clauses.stream().map(c -> Map.of("id", c.id(), "concept", c.concept(),
                "parameters", c.parameters())).toList());
        // Uploaded decision tables are read by the rules like terms; only a template that has them names them.
        if (!template.decisionTables().isEmpty()) {
            canonical.put("decisionTables", template.decisionTables());
        }
        // The measures' directions are read by the rules like terms; a text that records none leaves them out (rule 3).
        canonical.put("measureDirections", template.measureDirections());
        return new Terms(template.id(), template.version(), template.contentHash(), performanceYear,
                List.copyOf(clauses), Collections.unmodifiableMap(accepted), Canonical.hash(canonical), template.decisionTables(),
                template.measureDirections());
    }

    /**
     * Applies every rung override of one scale together, onto the scale as overridden whole or as the
     * template gives it for the year, and checks the result as one value (rungs stay in order).
     */
    @SuppressWarnings("unchecked")
    private static void applyToRungs(ContractTemplate template, String name, Map<TermPath, Object> edits, int performanceYear,
            Map<String, Object> accepted, List<InputProblem> problems, ParameterDeclaration.Checks checks) {
        String pointers = edits.keySet().stream().map(p -> "/overrides/" + p).reduce((a, b) -> a + ", " + b).orElseThrow();
        ParameterDeclaration scale = template.parameter(name).orElse(null);
        if (scale == null || scale.type() != ParameterType.SCALE) {
            edits.keySet().forEach(path -> problems.add(new InputProblem("/overrides/" + path, scale == null
                    ? template.noParameter(name)
                    : "'" + name + "' is a " + scale.type().word() + " parameter; only a scale's rungs are named as name[rung].field")));
            return;
        }
        if (!scale.negotiableIn(performanceYear)) {
            edits.keySet().forEach(path -> problems.add(new InputProblem("/overrides/" + path, scale.negotiable() ? name
                    + " is set by regulation for performance year " + performanceYear + " (" + scale.source() + ") and negotiable only from "
                    + scale.negotiableFrom() + ": its rungs cannot be changed" : notNegotiable(scale))));
            return;
        }
        List<Map<String, Object>> rungs = new ArrayList<>();
        try {
            Object base = accepted.containsKey(name) ? accepted.get(name) : scale.valueIn(performanceYear);
            ((List<Map<String, Object>>) base).forEach(rung -> rungs.add(new LinkedHashMap<>(rung)));
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem("/period/performanceYear", e.getMessage()));
            return;
        }
        boolean applied = true;
        for (Map.Entry<TermPath, Object> edit : edits.entrySet()) {
            TermPath path = edit.getKey();
            if (path.rung() >= rungs.size()) {
                problems.add(new InputProblem("/overrides/" + path, name + " has " + rungs.size() + " rungs, numbered 0 to " + (rungs.size() - 1)));
                applied = false;
                continue;
            }
            if (!rungs.get(path.rung()).containsKey(path.field())) {
                problems.add(new InputProblem("/overrides/" + path, name + "'s rungs have the fields "
                        + rungs.get(path.rung()).keySet() + ", not '" + path.field() + "'"));
                applied = false;
                continue;
            }
            try {
                rungs.get(path.rung()).put(path.field(), ParameterType.decimal(edit.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("/overrides/" + path, e.getMessage()));
                applied = false;
            }
        }
        if (applied) {
            try {
                accepted.put(name, template.accept(scale, rungs, checks));
            } catch (IllegalArgumentException e) {
                edits.keySet().forEach(path -> problems.add(new InputProblem("/overrides/" + path, name + " with " + pointers.replace("/overrides/", "")
                        + ": " + e.getMessage())));
            }
        }
    }

    /** Why an override of a term set by regulation is refused: the term and where its value comes from. */
    /**
     * Why an override may not replace a value the regulation set for the performance year (a term negotiable only from a
     * later year), or empty. An override restating the regulation's value replaces nothing and is accepted (the CMS files'
     * layouts restate Track 2's 2% for 2014 and 2015).
     */
    static Optional<String> setByRegulationIn(ParameterDeclaration declaration, Object value, int performanceYear) {
        if (declaration.negotiableIn(performanceYear)) {
            return Optional.empty();
        }
        Object regulations;
        try {
            regulations = declaration.valueIn(performanceYear);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the year itself is refused, naming it
        }
        boolean same = value instanceof java.math.BigDecimal decimal && regulations instanceof java.math.BigDecimal set
                ? decimal.compareTo(set) == 0 : value.equals(regulations);
        if (same) {
            return Optional.empty();
        }
        String shown = regulations instanceof java.math.BigDecimal set ? set.toPlainString() : String.valueOf(regulations);
        return Optional.of(declaration.name() + " is set by regulation for performance year " + performanceYear + " at " + shown + " ("
                + declaration.source() + ") and negotiable only from " + declaration.negotiableFrom() + ": "
                + (value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value) + " cannot replace it");
    }

    public static String notNegotiable(ParameterDeclaration declaration) {
        return declaration.name() + " is set by regulation and not negotiable (" + declaration.source() + "): it cannot be overridden";
    }
}
