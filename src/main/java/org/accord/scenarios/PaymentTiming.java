package org.accord.scenarios;

import org.accord.terms.ConceptDescriptor;
import org.accord.terms.ConceptRegistry;
import org.accord.settlement.SettlementLine;

/**
 * When each clause concept's money is paid, as its descriptor ({@code rules/<area>/<concept>.concept.yaml},
 * {@code timing}) says. Monthly during the period: capitation, the withhold held back from it,
 * fee-for-service and care-management fees. At reconciliation, the contract's
 * {@code reconciliationLagMonths} after the period ends: shared savings and losses, budget and
 * corridor settlements, quality bonuses, withhold returns, the IPA's fee and reserve and its
 * distributions to practices (the IPA distributes when it is paid), and by default
 * pay-for-performance bonuses, which are paid once the year's measures are final (a request may
 * choose monthly instead). A concept whose descriptor says it pays nothing but writes a payable
 * line is an error, never a guess.
 */
final class PaymentTiming {

    static final String MONTHLY = ConceptDescriptor.Timing.MONTHLY;
    static final String RECONCILIATION = ConceptDescriptor.Timing.RECONCILIATION;

    static final String DESCRIPTION = "Monthly during the period (spread evenly over its months, to the cent by largest "
            + "remainder): capitation, the withhold held back from it, fee-for-service and care-management fees. Paid whole "
            + "in the reconciliation month, reconciliationLagMonths after the period ends: shared savings and losses, budget "
            + "and corridor settlements, quality bonuses, withhold returns and the IPA's distributions to practices.";

    private PaymentTiming() {
    }

    static String of(String concept, SettlementLine line, boolean payForPerformanceMonthly) {
        ConceptDescriptor.Timing timing = ConceptRegistry.shipped().get(concept).timing();
        if (timing.monthlyLines().contains(line.detail())) {
            return MONTHLY;
        }
        if (timing.monthlyOnRequest() && payForPerformanceMonthly) {
            return MONTHLY;
        }
        if (ConceptDescriptor.Timing.NONE.equals(timing.paid())) {
            throw new IllegalStateException("concept '" + concept + "' pays nothing by its descriptor's timing, yet clause "
                    + line.clause() + " wrote a payable line: say when it is paid in its " + ConceptRegistry.SUFFIX);
        }
        return timing.paid();
    }

    static String description(boolean payForPerformanceMonthly) {
        return DESCRIPTION + (payForPerformanceMonthly
                ? " Pay-for-performance bonuses: monthly, as requested."
                : " Pay-for-performance bonuses: at reconciliation, once the year's measures are final.");
    }
}
