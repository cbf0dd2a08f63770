package org.accord.facts;

/**
 * A quality measure's counts: rate = numerator / (denominator - exclusions).
 *
 * @param measureId   the measure's id as the contract names it (for example {@code CBP})
 * @param numerator   members meeting the measure
 * @param denominator members eligible for the measure
 * @param exclusions  eligible members excluded (hospice, exclusions the measure defines)
 */
public record QualityMeasureCount(String measureId, int numerator, int denominator, int exclusions) {

    public int eligible() {
        return denominator - exclusions;
    }
}
