package org.accord.terms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

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
 * @param allowedValues the words a choice may take
 * @param valuesByYear  the value in force from each performance year on (a single value is keyed by year 0)
 * @param negotiable    false for a term set by regulation, which no evaluation may override
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
        boolean negotiable) {

    /** The value in force in a performance year: the latest one taking effect in or before it. */
    public Object valueIn(int performanceYear) {
        SortedMap<Integer, Object> effective = valuesByYear.headMap(performanceYear + 1);
        if (effective.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " has no value for performance year "
                    + performanceYear + " (first value takes effect in " + valuesByYear.firstKey() + ")");
        }
        return effective.get(effective.lastKey());
    }

    /** Checks and converts a value for this parameter; the message says what is wrong. */
    public Object accept(Object raw) {
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
        }
        if (value instanceof Integer n) {
            if (minimum != null && BigDecimal.valueOf(n).compareTo(minimum) < 0) {
                throw new IllegalArgumentException(n + " is below the minimum " + minimum.toPlainString());
            }
            if (maximum != null && BigDecimal.valueOf(n).compareTo(maximum) > 0) {
                throw new IllegalArgumentException(n + " is above the maximum " + maximum.toPlainString());
            }
        }
        if (type == ParameterType.SCALE) {
            // A scale's minimum and maximum bound the rates of its rungs.
            List<?> rungs = (List<?>) value;
            for (int i = 0; i < rungs.size(); i++) {
                BigDecimal rate = (BigDecimal) ((Map<?, ?>) rungs.get(i)).get("rate");
                if (minimum != null && rate.compareTo(minimum) < 0 || maximum != null && rate.compareTo(maximum) > 0) {
                    throw new IllegalArgumentException("rung " + i + "'s rate " + rate.toPlainString() + " is outside "
                            + (minimum == null ? "" : minimum.toPlainString()) + ".." + (maximum == null ? "" : maximum.toPlainString())
                            + " (" + unit + ")");
                }
            }
        }
        if (type == ParameterType.CHOICE && !allowedValues.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + allowedValues);
        }
        return value;
    }
}
