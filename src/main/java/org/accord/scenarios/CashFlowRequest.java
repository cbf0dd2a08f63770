package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;

/**
 * The contract's money by month for the IPA or one practice, against its monthly costs. Problems
 * are named against the record's own fields ({@code /scope}, {@code /monthlyCosts/3}).
 *
 * @param contract          the template and overrides; {@code reconciliationLagMonths} (clause payment-timing)
 *                          is overridden like any parameter
 * @param facts             the IPA's performance facts
 * @param scope             {@code IPA} (default: the IPA and its practices together, everything the payer pays)
 *                          or a practice id (what it is paid directly and what the IPA distributes to it)
 * @param monthlyCosts      the costs, USD: none; one amount, repeated in every month of the period; or a list month
 *                          by month from the period's first month, at least one for each month of the period (a longer
 *                          list goes on past it). A list of two or more that stops short of the period is refused
 * @param payForPerformance when pay-for-performance bonuses are paid: {@code reconciliation} (default: when the
 *                          year's measures are final) or {@code monthly}
 */
public record CashFlowRequest(ContractChoice contract, PerformanceFacts facts, String scope, List<BigDecimal> monthlyCosts,
                              String payForPerformance) {

    public static final String IPA = "IPA";
    public static final String AT_RECONCILIATION = "reconciliation";
    public static final String MONTHLY = "monthly";

    public CashFlowRequest {
        scope = scope == null || scope.isBlank() ? IPA : scope;
        monthlyCosts = monthlyCosts == null ? List.of() : List.copyOf(monthlyCosts);
        payForPerformance = payForPerformance == null ? AT_RECONCILIATION : payForPerformance;
    }

    public static CashFlowRequest of(ContractChoice contract, PerformanceFacts facts, String scope, BigDecimal monthlyCost) {
        return new CashFlowRequest(contract, facts, scope, monthlyCost == null ? List.of() : List.of(monthlyCost), null);
    }
}
