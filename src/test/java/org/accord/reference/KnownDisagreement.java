package org.accord.reference;

import java.util.function.Predicate;

/**
 * Where the rules and the reference model are known to disagree, each with why and who decides.
 * The comparison fails on any disagreement not explained here; one that no longer occurs should be
 * deleted (the test reports how often each one was seen).
 */
enum KnownDisagreement {

    /**
     * When two practices' exact remainders are equal at the last cent handed out, REFERENCE.md section 7
     * breaks the tie by practice id. The rules compute each share to 34 significant digits
     * (1/3 becomes 0.333...3), so the remainders they compare differ in the 34th digit and that noise,
     * not the id, picks the practice: one cent moves between two practices (the parts still add up to
     * the pool). The same happens where a quality composite of 2/3 puts an exact remainder at half a cent.
     * The distribution rules belong to the engineer "model", who decides the semantics.
     */
    EXACT_REMAINDER_TIES("model", null),

    /**
     * When every practice scores zero on a metric that has weight (no practice under its cost target, or
     * no quality measure scored), the rules split that metric's weight evenly over the practices; the
     * reference model, reading "metric_ik / sum_j metric_jk" as undefined there, leaves the metric out
     * and takes the other weights over what remains. REFERENCE.md section 7 does not say which; the
     * template text says "none: ... its weight is split evenly" only for costPerformanceTarget=none.
     * Decides: "model" (owner of rules/distribution).
     */
    ZERO_METRIC_SPLIT_EVENLY("model", null);

    private final String decides;
    private final Predicate<MsspCase> applies;

    KnownDisagreement(String decides, Predicate<MsspCase> applies) {
        this.decides = decides;
        this.applies = applies;
    }

    String decides() {
        return decides;
    }

    static KnownDisagreement explaining(MsspCase c) {
        for (KnownDisagreement known : values()) {
            if (known.applies != null && known.applies.test(c)) {
                return known;
            }
        }
        return null;
    }
}
