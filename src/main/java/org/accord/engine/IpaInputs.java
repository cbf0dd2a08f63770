package org.accord.engine;

import org.accord.facts.PerformancePeriod;

/**
 * The IPA's own inputs for one evaluation, as the payer gives them: its id and the period's inputs.
 * The rules add its practices' totals to make the {@link Ipa} (rules/ipa/ipa-totals.drl).
 */
public final class IpaInputs {

    private final Evaluation evaluation;
    private final String id;
    private final PerformancePeriod period;

    IpaInputs(Evaluation evaluation, String id, PerformancePeriod period) {
        this.evaluation = evaluation;
        this.id = id;
        this.period = period;
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    public String getId() {
        return id;
    }

    PerformancePeriod period() {
        return period;
    }
}
