package org.accord.reference;

import java.util.function.Predicate;

/**
 * Where the rules and the reference model are known to disagree, each with why and who decides.
 * The comparison fails on any disagreement not explained here; one that no longer occurs should be
 * deleted (the test reports how often each one was seen).
 */
enum KnownDisagreement {

    /**
     * 42 CFR 425.606(g) limits a Track 2 ACO's shared losses to 5% of the updated benchmark in the
     * first performance year of its agreement, 7.5% in the second and 10% in the third and later; the
     * template holds 5% in every year on purpose: CMS's public use files do not say which year of its
     * agreement an ACO is in, and no Track 2 ACO in them comes near the limit. The facts can carry the
     * agreement start (agreementStart), so the limit could follow it: that needs a loss-limit
     * parameter by year of the agreement rather than by calendar year. Decides: the lead.
     */
    TRACK_2_LOSS_LIMIT_BY_YEAR_OF_AGREEMENT("lead", c -> c.templateId().equals("mssp-aco-track-2")
            && c.agreementStartYear() != null && c.performanceYear() > c.agreementStartYear());

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
            if (known.applies.test(c)) {
                return known;
            }
        }
        return null;
    }
}
