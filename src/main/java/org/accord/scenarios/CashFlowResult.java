package org.accord.scenarios;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract's money by month, from the period's first month to the month the reconciliation
 * is paid (the period's last where nothing is paid at reconciliation), against the costs given.
 *
 * @param ipaId                     the IPA
 * @param performanceYear           the period's year
 * @param templateId                the template
 * @param overrides                 the overrides applied
 * @param scope                     IPA or the practice id
 * @param name                      the IPA's or practice's name
 * @param firstMonth                the period's first month
 * @param lastMonth                 the period's last month
 * @param reconciliationLagMonths   months after the period's end when reconciliations are paid (clause payment-timing)
 * @param reconciliationMonth       the month they are paid
 * @param monthsToReconciliation    the reconciliation month's number, counting the period's first month as 1
 * @param timing                    which lines are paid when, in words
 * @param lines                     the settlement lines of the scope, each with when it is paid
 * @param months                    month by month
 * @param totalInflow               the lines' total (the months' inflows add up to it to the cent)
 * @param totalCost                 the costs' total
 * @param firstPositiveMonth        the first month whose cumulative net is above zero (null: none)
 * @param monthsToFirstPositive     that month's number (null: none)
 */
public record CashFlowResult(
        String ipaId,
        int performanceYear,
        String templateId,
        Map<String, Object> overrides,
        String scope,
        String name,
        YearMonth firstMonth,
        YearMonth lastMonth,
        int reconciliationLagMonths,
        YearMonth reconciliationMonth,
        int monthsToReconciliation,
        String timing,
        List<ScheduledLine> lines,
        List<Month> months,
        BigDecimal totalInflow,
        BigDecimal totalCost,
        YearMonth firstPositiveMonth,
        Integer monthsToFirstPositive) implements Table.Tabular {

    /**
     * A settlement line and when it is paid.
     *
     * @param timing monthly (spread evenly over the period's months, to the cent by largest remainder) or
     *               reconciliation (paid whole in the reconciliation month)
     */
    public record ScheduledLine(String scope, String clause, String rule, String detail, String flow, BigDecimal amount,
                                String timing, YearMonth firstMonth, YearMonth lastMonth) {
    }

    /**
     * @param month          the month
     * @param number         its number, the period's first month being 1
     * @param byClause       what each clause pays in the month
     * @param monthly        the monthly payments (capitation, fees, withholds held back)
     * @param reconciliation the reconciliation payments (savings, losses, budget, corridor, bonuses, withhold returns,
     *                       distributions)
     * @param inflow         monthly plus reconciliation
     * @param cost           the month's cost
     * @param net            inflow less cost
     * @param cumulativeNet  the net of this and every earlier month
     */
    public record Month(YearMonth month, int number, Map<String, BigDecimal> byClause, BigDecimal monthly,
                        BigDecimal reconciliation, BigDecimal inflow, BigDecimal cost, BigDecimal net, BigDecimal cumulativeNet) {
    }

    /** Whether any line is paid at reconciliation other than $0.00: if none, the months end with the period (or the costs given). */
    public boolean paysAtReconciliation() {
        return lines.stream().anyMatch(l -> !PaymentTiming.MONTHLY.equals(l.timing()) && l.amount().signum() != 0);
    }

    /** One row per month: the clauses' amounts, then the inflow, cost, net and cumulative net. */
    @Override
    public Table table() {
        List<String> clauses = months.isEmpty() ? List.of() : List.copyOf(months.get(0).byClause().keySet());
        List<String> columns = new ArrayList<>(List.of("month", "number"));
        columns.addAll(clauses);
        columns.addAll(List.of("monthly", "reconciliation", "inflow", "cost", "net", "cumulativeNet"));
        List<List<String>> rows = new ArrayList<>();
        for (Month m : months) {
            List<String> row = new ArrayList<>(List.of(m.month().toString(), String.valueOf(m.number())));
            clauses.forEach(c -> row.add(Table.cell(m.byClause().get(c))));
            for (BigDecimal amount : List.of(m.monthly(), m.reconciliation(), m.inflow(), m.cost(), m.net(), m.cumulativeNet())) {
                row.add(Table.cell(amount));
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }
}
