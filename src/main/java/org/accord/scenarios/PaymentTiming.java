package org.accord.scenarios;

import java.util.Map;
import org.accord.settlement.SettlementLine;

/**
 * When each clause concept's money is paid. Monthly during the period: capitation, the withhold
 * held back from it, fee-for-service and care-management fees. At reconciliation, the contract's
 * {@code reconciliationLagMonths} after the period ends: shared savings and losses, budget and
 * corridor settlements, quality bonuses, withhold returns, the IPA's fee and reserve and its
 * distributions to practices (the IPA distributes when it is paid), and by default
 * pay-for-performance bonuses, which are paid once the year's measures are final (a request may
 * choose monthly instead). A concept missing here is an error, never a guess.
 */
final class PaymentTiming {

    static final String MONTHLY = "monthly";
    static final String RECONCILIATION = "reconciliation";

    /** The withhold rule names the line it holds back {@code held back}; the return is settled later. */
    static final String WITHHOLD_HELD_BACK = "held back";

    private static final Map<String, String> BY_CONCEPT = Map.ofEntries(
            Map.entry("capitation", MONTHLY),
            Map.entry("fee-for-service", MONTHLY),
            Map.entry("care-management-fee", MONTHLY),
            Map.entry("shared-savings", RECONCILIATION),
            Map.entry("shared-losses", RECONCILIATION),
            Map.entry("global-budget", RECONCILIATION),
            Map.entry("risk-corridor", RECONCILIATION),
            Map.entry("quality-bonus", RECONCILIATION),
            Map.entry("admin-fee", RECONCILIATION),
            Map.entry("distribution", RECONCILIATION));

    static final String DESCRIPTION = "Monthly during the period (spread evenly over its months, to the cent by largest "
            + "remainder): capitation, the withhold held back from it, fee-for-service and care-management fees. Paid whole "
            + "in the reconciliation month, reconciliationLagMonths after the period ends: shared savings and losses, budget "
            + "and corridor settlements, quality bonuses, withhold returns and the IPA's distributions to practices.";

    private PaymentTiming() {
    }

    static String of(String concept, SettlementLine line, boolean payForPerformanceMonthly) {
        if ("withhold".equals(concept)) {
            return WITHHOLD_HELD_BACK.equals(line.detail()) ? MONTHLY : RECONCILIATION;
        }
        if ("pay-for-performance".equals(concept)) {
            return payForPerformanceMonthly ? MONTHLY : RECONCILIATION;
        }
        String timing = BY_CONCEPT.get(concept);
        if (timing == null) {
            throw new IllegalStateException("no payment timing is known for concept '" + concept + "' (clause " + line.clause()
                    + "): add it to PaymentTiming");
        }
        return timing;
    }

    static String description(boolean payForPerformanceMonthly) {
        return DESCRIPTION + (payForPerformanceMonthly
                ? " Pay-for-performance bonuses: monthly, as requested."
                : " Pay-for-performance bonuses: at reconciliation, once the year's measures are final.");
    }
}
