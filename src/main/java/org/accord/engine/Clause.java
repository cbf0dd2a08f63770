package org.accord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.terms.ClauseTerms;

/**
 * A contract clause as the rules see it: its id, the concept that implements it and its
 * parameter values. Rules read every threshold and rate from here, never from a literal.
 */
public final class Clause {

    private final Evaluation evaluation;
    private final ClauseTerms terms;
    /** The gates table, when the clause has one: rules ask scores(measure) per measure and practice. */
    private final Map<?, ?> measureGates;
    /** The clause's per-measure tables (rules ask knowsMeasure per measure and clause). */
    private final Map<?, ?>[] measureTables;

    Clause(Evaluation evaluation, ClauseTerms terms) {
        this.evaluation = evaluation;
        this.terms = terms;
        List<Map<?, ?>> tables = new ArrayList<>(2);
        for (Object value : terms.parameters().values()) {
            if (value instanceof Map<?, ?> table) {
                tables.add(table);
            }
        }
        this.measureTables = tables.toArray(new Map<?, ?>[0]);
        this.measureGates = terms.parameters().get("measureGates") instanceof Map<?, ?> gates ? gates : null;
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getId() {
        return terms.id();
    }

    public String getConcept() {
        return terms.concept();
    }

    public String getTitle() {
        return terms.title();
    }

    /** A rate, an amount or another decimal parameter. */
    public BigDecimal number(String name) {
        return (BigDecimal) value(name);
    }

    public int count(String name) {
        return (Integer) value(name);
    }

    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    /** A choice parameter's word. */
    public String text(String name) {
        return (String) value(name);
    }

    /** Whether the clause's terms set the parameter (a template written before the parameter existed may not). */
    public boolean has(String name) {
        return terms.parameters().get(name) != null;
    }

    /** Whether a choice parameter is set to the given word. */
    public boolean is(String name, String word) {
        return word.equals(value(name));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> table(String name) {
        return (Map<String, Object>) value(name);
    }

    /** Whether the measure is one the clause's gates table scores. */
    public boolean scores(String measureId) {
        return gatesTable().containsKey(measureId);
    }

    // The gates table kept at construction; read by name (and failing as a missing parameter does) when the clause has none.
    private Map<?, ?> gatesTable() {
        return measureGates != null ? measureGates : table("measureGates");
    }

    /** The gates (rates) of a scored measure, in the order the contract lists them. */
    @SuppressWarnings("unchecked")
    public List<BigDecimal> gates(String measureId) {
        return (List<BigDecimal>) ((Map<String, Object>) gatesTable().get(measureId)).get("gates");
    }

    /** Whether a scored measure is better higher or lower, as its gates table says ("higher-is-better", "lower-is-better"; absent: higher). */
    @SuppressWarnings("unchecked")
    public String direction(String measureId) {
        return (String) ((Map<String, Object>) gatesTable().get(measureId)).get("direction");
    }

    /**
     * How many of a measure's gates the rate reaches: at or above a gate when higher is better,
     * at or below it when lower is better. The shipped rules score gates themselves (the function
     * pointsFor in rules/quality/measure-rates.drl); this stays because rule sets stored before that
     * change call it, and a stored rule set must replay to the same settlement.
     */
    public int gatesReached(String measureId, BigDecimal rate) {
        boolean lowerIsBetter = "lower-is-better".equals(direction(measureId));
        int reached = 0;
        for (BigDecimal gate : gates(measureId)) {
            if (lowerIsBetter ? rate.compareTo(gate) <= 0 : rate.compareTo(gate) >= 0) {
                reached++;
            }
        }
        return reached;
    }

    /**
     * The rate of a scale's highest rung whose threshold the value reaches (a ladder read as a
     * step: no rung reached is a rate of 0).
     */
    public BigDecimal rateAt(String name, BigDecimal value) {
        BigDecimal rate = BigDecimal.ZERO;
        for (Map<String, BigDecimal> rung : rungs(name)) {
            if (value.compareTo(rung.get("threshold")) >= 0) {
                rate = rung.get("rate");
            }
        }
        return rate;
    }

    /** A scale's rungs, each a threshold and a rate, in ascending order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, BigDecimal>> rungs(String name) {
        return (List<Map<String, BigDecimal>>) value(name);
    }

    /** Whether a per-measure table lists the measure. */
    public boolean lists(String name, String measureId) {
        return table(name).containsKey(measureId);
    }

    /** Whether the clause has a per-measure table (gates or amounts), so that it names the measures it knows. */
    public boolean hasMeasureTables() {
        return measureTables.length > 0;
    }

    /** Whether one of the clause's per-measure tables (gates or amounts) lists the measure. */
    public boolean knowsMeasure(String measureId) {
        for (Map<?, ?> table : measureTables) {
            if (table.containsKey(measureId)) {
                return true;
            }
        }
        return false;
    }

    /** A per-measure amount, or zero for a measure the table does not list. */
    public BigDecimal amountFor(String name, String measureId) {
        Object amount = table(name).get(measureId);
        return amount == null ? BigDecimal.ZERO : (BigDecimal) amount;
    }

    private Object value(String name) {
        Object value = terms.parameters().get(name);
        if (value == null) {
            throw new IllegalStateException("clause " + terms.id() + " (" + terms.concept() + ") has no parameter " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "clause " + terms.id();
    }
}
