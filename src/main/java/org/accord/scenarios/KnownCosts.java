package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.accord.facts.FactDeclarations;
import org.accord.facts.PracticePerformance;
import org.accord.money.Money;

/**
 * The part of a practice's total cost of care that its facts already know member by member: its listed
 * high-cost members' costs (the extra facts declared part of totalCostOfCare in rules/facts.yaml, one amount a
 * member). A simulation holds them and draws only the cost of the practice's other members, so that no trial's
 * cost falls below the members it lists, which the facts' check would refuse (found from outside).
 *
 * @param amount  their sum, rounded up to the cent, so that a trial's cost in cents is never below it
 * @param members how many members they are
 */
record KnownCosts(BigDecimal amount, int members) {

    static final KnownCosts NONE = new KnownCosts(BigDecimal.ZERO, 0);

    static KnownCosts of(PracticePerformance practice) {
        List<BigDecimal> amounts = FactDeclarations.shipped().partsOfTotalCostOfCare(practice);
        if (amounts.isEmpty()) {
            return NONE;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            sum = sum.add(amount);
        }
        return new KnownCosts(sum.setScale(Money.SCALE, RoundingMode.CEILING), amounts.size());
    }

    boolean none() {
        return members == 0;
    }

    /** The practice's members whose costs are drawn: those beyond the list (none or fewer: the practice is held). */
    int drawnMembers(PracticePerformance practice) {
        return practice.attributedMembers() - members;
    }
}
