package org.accord.facts;

import java.math.BigDecimal;

/**
 * One practice-performance fact as {@code rules/facts.yaml} declares it.
 *
 * @param name        the field's name in the JSON facts, the API document and the rules
 * @param type        the kind of value
 * @param unit        what it counts or measures (USD, members), or null
 * @param minimum     the least value allowed (each item of a list), or null for none
 * @param maximum     the greatest value allowed (each item of a list), or null for none
 * @param description what it is, in the words of the API document
 * @param csvColumn   the column that holds it in a CSV of practices
 * @param optional    whether a practice may leave it out
 * @param named       whether the facts record has it as a named field ({@code PracticePerformance}); the
 *                    other declared fields travel in the practice's {@code extra} facts
 * @param partOf      the named amount this one (a list: the sum of its items) is a part of, which it may not
 *                    exceed ({@code highCostMemberCosts} of {@code totalCostOfCare}), or null
 */
public record FactField(String name, FactType type, String unit, BigDecimal minimum, BigDecimal maximum,
                        String description, String csvColumn, boolean optional, boolean named, String partOf) {

    /** The reason a present value breaks the declared type or bounds, or null when it keeps to them. */
    public String problem(Object raw) {
        var typed = type.read(raw);
        if (typed.isEmpty()) {
            return type.expected();
        }
        for (BigDecimal number : FactType.numbers(typed.get())) {
            if (minimum != null && number.compareTo(minimum) < 0) {
                return "must be at least " + minimum.toPlainString() + (unit == null ? "" : " " + unit)
                        + " (was " + number.toPlainString() + ")";
            }
            if (maximum != null && number.compareTo(maximum) > 0) {
                return "must be at most " + maximum.toPlainString() + (unit == null ? "" : " " + unit)
                        + " (was " + number.toPlainString() + ")";
            }
        }
        return null;
    }
}
