package org.accord.settlement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * What a settlement comes to, without its lines: its totals, and what the payer pays the IPA itself
 * by clause. A simulation's trial reads only these (issue 15). The rules settle a trial as they settle
 * any evaluation; {@link SettlementAssembler#outcome} sums its lines as a settlement's are summed, with
 * the same checks, and leaves out only what no one reads of a trial: the lines' order and sentences.
 * A what-if view that reads a whole settlement takes its outcome with {@link #of(Settlement)}.
 *
 * @param totals              as {@link Settlement#totals()}
 * @param ipaPaymentsByClause the IPA's own payment lines summed by clause id (clauses without one absent)
 */
public record Outcome(Settlement.Totals totals, Map<String, BigDecimal> ipaPaymentsByClause) {

    /** What an assembled settlement comes to. */
    public static Outcome of(Settlement settlement) {
        return new Outcome(settlement.totals(), SettlementAssembler.ipaPaymentsByClause(settlement.lines()));
    }

    /** The IPA's payments of these clauses, summed: zero when none of them paid the IPA. */
    public BigDecimal ipaPaymentsOf(Set<String> clauses) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (String clause : clauses) {
            BigDecimal paid = ipaPaymentsByClause.get(clause);
            if (paid != null) {
                sum = sum.add(paid);
            }
        }
        return sum;
    }
}
