package org.accord.terms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one clause concept is, read from its {@code rules/<area>/<concept>.concept.yaml}: the
 * parameters its rules read, the facts and derived facts it uses and produces, its place in the
 * IPA's pool and when its money is paid. Templates and rules are checked against it when they load.
 *
 * @param name         the concept's name, as templates and rules write it
 * @param description  what the concept does, in a sentence
 * @param ruleFiles    the rule and table files implementing it, relative to {@code rules/}
 * @param parameters   each parameter its rules read, by name
 * @param periodInputs period inputs a clause of this concept may require (benchmarkExpenditure, ...)
 * @param facts        the fact fields its rules read ({@code Ipa.totalCostOfCare})
 * @param produces     the derived facts its rules insert
 * @param consumes     the derived facts of other clauses its rules read
 * @param interfaces   derived facts its rule files declare for other clauses to produce and it consumes
 *                     ({@code CostLeftOut}: a clause leaves cost out of the comparison with targets)
 * @param constraints  constraints every clause of the concept must declare, so that no template drops
 *                     one (the distribution's weights are shares of one whole)
 * @param pool         whose money its lines are
 * @param riskSharing  whether its IPA lines are the IPA's share of gains or losses against a target
 * @param timing       when its money is paid
 */
public record ConceptDescriptor(
        String name,
        String description,
        List<String> ruleFiles,
        Map<String, Parameter> parameters,
        List<String> periodInputs,
        List<String> facts,
        List<String> produces,
        List<String> consumes,
        List<String> interfaces,
        List<ClauseConstraint> constraints,
        PoolRole pool,
        boolean riskSharing,
        Timing timing) {

    /**
     * A parameter the concept's rules read.
     *
     * @param type     the type every template must give it
     * @param optional whether a template may leave it out (a rule reads it only on a choice that needs it)
     * @param fields   for a scale, the fields its rules read from every rung besides its {@code threshold}
     *                 (a ladder's {@code rate}); every rung must have exactly these, so a rung missing one
     *                 or naming another is refused before a rule reads it. Empty for any other type.
     * @param minimum  the smallest value any contract of the concept can mean (for a scale, of its rungs'
     *                 fields), or null: a template's own minimum, its values and every override stay above it
     * @param maximum  the largest, likewise, or null
     * @param allowed  the only values any contract of the concept can mean (an election a regulation offers),
     *                 or empty for any value within the bounds
     * @param neverFalls for a scale, the rung fields that never fall from one rung to the next (a ladder whose
     *                 share rises with quality: a better score never earns less); empty when they may (a
     *                 corridor's shares fall outward)
     */
    public record Parameter(ParameterType type, boolean optional, List<String> fields, BigDecimal minimum, BigDecimal maximum,
            List<BigDecimal> allowed, List<String> neverFalls) {

        public Parameter {
            fields = List.copyOf(fields);
            allowed = List.copyOf(allowed);
            neverFalls = List.copyOf(neverFalls);
        }
    }

    /** Whose money a concept's lines are. */
    public enum PoolRole {
        /** Paid by the payer: the IPA's lines make up its pool, the practices' are paid to them directly. */
        PAID_BY_THE_PAYER("paid-by-the-payer"),
        /** Taken from the IPA's pool: its IPA lines are retained by the IPA, its practice lines distributed. */
        FROM_THE_POOL("from-the-pool");

        private final String word;

        PoolRole(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static PoolRole fromWord(String word) {
            for (PoolRole role : values()) {
                if (role.word.equals(word)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("pool must be paid-by-the-payer or from-the-pool, not '" + word + "'");
        }
    }

    /**
     * When a concept's money is paid.
     *
     * @param paid             {@code monthly}, {@code reconciliation}, or {@code none} for a concept that pays nothing
     * @param monthlyLines     details of lines paid monthly although the rest is paid at reconciliation (the withhold held back)
     * @param monthlyOnRequest whether a request may choose monthly payment instead (pay-for-performance)
     */
    public record Timing(String paid, List<String> monthlyLines, boolean monthlyOnRequest) {

        public static final String MONTHLY = "monthly";
        public static final String RECONCILIATION = "reconciliation";
        public static final String NONE = "none";

        public Timing {
            if (!List.of(MONTHLY, RECONCILIATION, NONE).contains(paid)) {
                throw new IllegalArgumentException("timing.paid must be monthly, reconciliation or none, not '" + paid + "'");
            }
            monthlyLines = List.copyOf(monthlyLines);
        }
    }
}
