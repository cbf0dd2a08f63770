package org.accord.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;

/**
 * What a settlement says of a term valued by performance year when its period reaches into another year: the period
 * is settled at the performance year's value on every day, and the other year's value is named beside it.
 */
public final class ValuesOfOtherYears {

    private ValuesOfOtherYears() {
    }

    /** The rule the findings name. */
    public static final String RULE =
            "A term valued by performance year is settled at its performance year's value on every day of the period";

    /**
     * A finding for each of the template's terms the contract leaves at the template's values whose value in another
     * performance year the facts' period touches differs from its performance year's: the period is settled at one value
     * of each term, its performance year's, on every day (README, "values by performance year"). Found from outside: a
     * commercial-global-budget contract of 2025-07-01 to 2026-06-30 settled all twelve months at budgetPmpm 1020.00 as
     * performance year 2025 (a deficit share of -295,520.00) and at 1055.00 as 2026 (a surplus share of +700,000.00),
     * with no word of the other year's value. Each is a finding of the contract as a whole (the period's year is chosen
     * once for every clause), its sentence naming the clause of the term.
     */
    static List<SettlementLine> of(ContractTemplate template, ContractChoice contract, PerformanceFacts facts) {
        PerformancePeriod period = facts.period();
        LocalDate start = PerformancePeriod.firstDay(period);
        LocalDate end = PerformancePeriod.lastDay(period);
        int year = period.performanceYear();
        if (start.getYear() == year && end.getYear() == year) {
            return List.of();
        }
        List<SettlementLine> findings = new ArrayList<>();
        for (ClauseTemplate clause : template.clauses()) {
            for (ParameterDeclaration parameter : clause.parameters()) {
                if (contract.overrides().keySet().stream().anyMatch(name -> name.equals(parameter.name())
                        || name.startsWith(parameter.name() + "["))) {
                    continue; // the contract's own value, the same in every year
                }
                Object used = valueIn(parameter, year);
                for (int other = start.getYear(); other <= end.getYear() && used != null; other++) {
                    Object otherValue = other == year ? null : valueIn(parameter, other);
                    if (otherValue == null || same(used, otherValue)) {
                        continue;
                    }
                    LocalDate from = start.isAfter(LocalDate.of(other, 1, 1)) ? start : LocalDate.of(other, 1, 1);
                    LocalDate to = end.isBefore(LocalDate.of(other, 12, 31)) ? end : LocalDate.of(other, 12, 31);
                    Map<String, Object> basis = new LinkedHashMap<>();
                    basis.put("parameter", parameter.name());
                    basis.put("performanceYear", year);
                    basis.put("value", used);
                    basis.put("otherYear", other);
                    basis.put("otherValue", otherValue);
                    basis.put("from", from.toString());
                    basis.put("to", to.toString());
                    String sentence = parameter.name() + " (clause " + clause.id() + ", " + clause.title() + ") is " + shown(used)
                            + " in performance year " + year + ", the facts' performance year, and every day of the period "
                            + start + " to " + end + " is settled at it; " + from + " to " + to + " fall in performance year "
                            + other + ", in which it is " + shown(otherValue) + ".";
                    // Of the contract as a whole: which year's values settle the period is decided once for every clause.
                    findings.add(SettlementLine.ofTheContract(Collections.unmodifiableMap(basis), sentence, RULE,
                            parameter.name() + " in " + other));
                }
            }
        }
        return findings;
    }

    /** A parameter's value in a year, or null for a year the template gives it none. */
    private static Object valueIn(ParameterDeclaration parameter, int year) {
        try {
            return parameter.valueIn(year);
        } catch (IllegalArgumentException noValue) {
            return null;
        }
    }

    private static boolean same(Object a, Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
    }

    private static String shown(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean ? String.valueOf(value)
                : "another value (the contract document shows each year's)";
    }
}
