package org.accord.terms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A contract parameter as its template declares it (in the manner of OpenFisca's parameters).
 *
 * @param name          the parameter's name, unique within its template
 * @param type          the kind of value
 * @param unit          what the number means: rate, USD, USD per member per month, beneficiaries
 * @param description   what the parameter does, for a reviewer
 * @param source        the contract paragraph or regulation the value comes from
 * @param minimum       smallest allowed value (decimals), or null
 * @param maximum       largest allowed value (decimals), or null
 * @param allowedValues the words a choice may take; for amounts by measure, the measure ids they may name; for a
 *                      decimal, the only values it may take (an election a regulation offers), or empty for any
 *                      value within the bounds
 * @param valuesByYear  the value in force from each performance year on (a single value is keyed by year 0)
 * @param negotiable    false for a term set by regulation, which no evaluation may override
 * @param fields        for a scale, the fields every rung has besides its threshold, as its concept
 *                      declares them (empty when not known: the template is then refused by its concept)
 * @param negotiableFrom the first performance year an override may replace the value of a negotiable term, where the
 *                      regulation set it for every contract before (Track 2's flat 2% minimum savings rate before
 *                      2016), or null where it is negotiable in every year
 */
public record ParameterDeclaration(
        String name,
        ParameterType type,
        String unit,
        String description,
        String source,
        BigDecimal minimum,
        BigDecimal maximum,
        List<String> allowedValues,
        SortedMap<Integer, Object> valuesByYear,
        boolean negotiable,
        List<String> fields,
        Integer negotiableFrom) {

    public ParameterDeclaration {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A parameter negotiable in every year it is negotiable at all. */
    public ParameterDeclaration(String name, ParameterType type, String unit, String description, String source,
            BigDecimal minimum, BigDecimal maximum, List<String> allowedValues, SortedMap<Integer, Object> valuesByYear,
            boolean negotiable, List<String> fields) {
        this(name, type, unit, description, source, minimum, maximum, allowedValues, valuesByYear, negotiable, fields, null);
    }

    /** Whether an override may replace the value in a performance year: never for a term set by regulation, else from its first such year. */
    public boolean negotiableIn(int performanceYear) {
        return negotiable && (negotiableFrom == null || performanceYear >= negotiableFrom);
    }

    /** A parameter whose values have no fields of their own (anything but a scale). */
    public ParameterDeclaration(String name, ParameterType type, String unit, String description, String source,
            BigDecimal minimum, BigDecimal maximum, List<String> allowedValues, SortedMap<Integer, Object> valuesByYear,
            boolean negotiable) {
        this(name, type, unit, description, source, minimum, maximum, allowedValues, valuesByYear, negotiable, List.of());
    }

    /** The value in force in a performance year: the latest one taking effect in or before it. */
    public Object valueIn(int performanceYear) {
        SortedMap<Integer, Object> effective = valuesByYear.headMap(performanceYear + 1);
        if (effective.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " has no value for performance year "
                    + performanceYear + " (first value takes effect in " + valuesByYear.firstKey() + ")");
        }
        return effective.get(effective.lastKey());
    }

    /**
     * What the template lets the parameter take, in words, as the contract document and the command line say it: a
     * choice's words ("population, elected"), else its bounds ("0 to 0.02"), and for a decimal the only values it may
     * take ("0 to 0.02: 0.01, 0.02 only"); empty when the template sets none.
     */
    public String allowedInWords() {
        if (type == ParameterType.CHOICE) {
            return String.join(", ", allowedValues);
        }
        String range = minimum == null && maximum == null ? ""
                : (minimum == null ? "" : minimum.toPlainString()) + " to " + (maximum == null ? "" : maximum.toPlainString());
        boolean decimal = type == ParameterType.RATE || type == ParameterType.AMOUNT || type == ParameterType.NUMBER;
        if (decimal && !allowedValues.isEmpty()) {
            return (range.isEmpty() ? "" : range + ": ") + String.join(", ", allowedValues) + " only";
        }
        return range;
    }

    /** Checks and converts a value for this parameter; the message says what is wrong. */
    public Object accept(Object raw) {
        return accept(raw, Checks.ALL);
    }

    /**
     * As {@link #accept(Object)}, with the checks a value went through: a stored run's overrides, replayed, pass
     * only those they passed when it ran ({@link Checks#AS_STORED}), so a check added since refuses no run that was made.
     */
    public Object accept(Object raw, Checks checks) {
        if (type == ParameterType.SCALE && checks == Checks.ALL) {
            checkRungFields(raw);
        }
        Object value = type.convert(raw);
        if (value instanceof BigDecimal d) {
            if (minimum != null && d.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(d.toPlainString() + " is below the minimum " + minimum.toPlainString()
                        + " (" + unit + ")");
            }
            if (maximum != null && d.compareTo(maximum) > 0) {
                throw new IllegalArgumentException(d.toPlainString() + " is above the maximum " + maximum.toPlainString()
                        + " (" + unit + ")");
            }
            if (checks == Checks.ALL && !allowedValues.isEmpty()
                    && allowedValues.stream().noneMatch(a -> ParameterType.decimal(a).compareTo(d) == 0)) {
                throw new IllegalArgumentException(d.toPlainString() + " is not one of the allowed values " + String.join(", ", allowedValues)
                        + " (" + unit + ")");
            }
        }
        if (value instanceof Integer n) {
            if (minimum != null && BigDecimal.valueOf(n).compareTo(minimum) < 0) {
                throw new IllegalArgumentException(n + " is below the minimum " + minimum.toPlainString());
            }
            if (maximum != null && BigDecimal.valueOf(n).compareTo(maximum) > 0) {
                throw new IllegalArgumentException(n + " is above the maximum " + maximum.toPlainString());
            }
        }
        if (type == ParameterType.AMOUNTS_BY_MEASURE) {
            checkMeasuresAndAmounts((Map<?, ?>) value);
        }
        if (type == ParameterType.SCALE) {
            // A scale's minimum and maximum bound the rates of its rungs (every field but the threshold).
            List<?> rungs = (List<?>) value;
            for (int i = 0; i < rungs.size(); i++) {
                for (Map.Entry<?, ?> field : ((Map<?, ?>) rungs.get(i)).entrySet()) {
                    if (ParameterType.THRESHOLD.equals(field.getKey())) {
                        continue;
                    }
                    BigDecimal rate = (BigDecimal) field.getValue();
                    if (minimum != null && rate.compareTo(minimum) < 0 || maximum != null && rate.compareTo(maximum) > 0) {
                        throw new IllegalArgumentException("rung " + i + "'s " + field.getKey() + " " + rate.toPlainString() + " is outside "
                                + (minimum == null ? "" : minimum.toPlainString()) + ".." + (maximum == null ? "" : maximum.toPlainString())
                                + " (" + unit + ")");
                    }
                }
            }
        }
        if (type == ParameterType.CHOICE && !allowedValues.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + allowedValues);
        }
        return value;
    }

    /** Which checks a value goes through: all of them, or those a stored run's values passed when it ran. */
    public enum Checks {
        /** Every check: a new request's values. */
        ALL,
        /**
         * A replayed run's: not the rung fields of a scale (a field the scale does not have was ignored before they
         * were checked, and a run made with one settled without it), nor a decimal's allowed values (any election
         * within the bounds was accepted before they were checked); a stored template's, not what its concepts
         * let its parameters mean ({@link ConceptRegistry#check(ContractTemplate, String, Checks)}).
         */
        AS_STORED
    }

    /**
     * The minimum and maximum bound each measure's amount, as they bound a single amount; the allowed ids bound
     * its measures: another id would pay nothing, silently.
     *
     * @throws FieldProblems naming each unknown measure and each amount out of bounds
     */
    private void checkMeasuresAndAmounts(Map<?, ?> amountsByMeasure) {
        List<FieldProblems.Problem> problems = new ArrayList<>();
        amountsByMeasure.forEach((measure, amount) -> {
            BigDecimal d = (BigDecimal) amount;
            String subject = "measure " + measure + "'s amount";
            String pointer = "/" + FieldProblems.Problem.token(String.valueOf(measure));
            if (!allowedValues.isEmpty() && !allowedValues.contains(String.valueOf(measure))) {
                problems.add(new FieldProblems.Problem(pointer, "measure " + measure, "is not a measure " + name
                        + " pays on: '" + measure + "' is not one of the known measure ids " + allowedValues));
                return;
            }
            if (minimum != null && d.compareTo(minimum) < 0) {
                problems.add(new FieldProblems.Problem(pointer, subject, d.toPlainString() + " is below the minimum "
                        + minimum.toPlainString() + " (" + unit + ")"));
            }
            if (maximum != null && d.compareTo(maximum) > 0) {
                problems.add(new FieldProblems.Problem(pointer, subject, d.toPlainString() + " is above the maximum "
                        + maximum.toPlainString() + " (" + unit + ")"));
            }
        });
        if (!problems.isEmpty()) {
            throw new FieldProblems(problems);
        }
    }

    /**
     * Every rung of a scale has exactly its threshold and the fields its concept declares: a rule
     * reads each by name, so a missing one would be read as nothing and a misspelled one ignored.
     *
     * @throws FieldProblems naming each rung's missing and unknown fields
     */
    private void checkRungFields(Object raw) {
        if (fields.isEmpty() || !(raw instanceof List<?> rungs)) {
            return;
        }
        List<String> expected = new ArrayList<>();
        expected.add(ParameterType.THRESHOLD);
        expected.addAll(fields);
        List<FieldProblems.Problem> problems = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            if (!(rungs.get(i) instanceof Map<?, ?> rung)) {
                continue;
            }
            for (String field : expected) {
                if (!rung.containsKey(field)) {
                    problems.add(FieldProblems.Problem.ofRung(i, field, "is required"));
                }
            }
            for (Object field : rung.keySet()) {
                if (!expected.contains(String.valueOf(field))) {
                    problems.add(FieldProblems.Problem.ofRung(i, String.valueOf(field), "is not a field of " + name
                            + ": its rungs have " + String.join(", ", expected)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblems(problems);
        }
    }

    /**
     * Fields of a scale's rungs that are missing or not the scale's, each at its rung and field, so
     * that a caller names it by a pointer into the value ({@code /corridorBands/0/ipaShareOfLosses}).
     */
    public static final class FieldProblems extends IllegalArgumentException {

        /**
         * One place within the value and what is wrong there.
         *
         * @param pointer where, as a JSON pointer into the value ({@code /0/ipaShareOfLosses}, {@code /CBP})
         * @param subject how a sentence names the place ("rung 0's ipaShareOfLosses")
         * @param reason  what is wrong ("is required")
         */
        public record Problem(String pointer, String subject, String reason) {

            static Problem ofRung(int rung, String field, String reason) {
                return new Problem("/" + rung + "/" + token(field), "rung " + rung + "'s " + field, reason);
            }

            static String token(String name) {
                return name.replace("~", "~0").replace("/", "~1");
            }
        }

        private final List<Problem> problems;

        FieldProblems(List<Problem> problems) {
            super(problems.stream().map(p -> p.subject() + " " + p.reason())
                    .collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
