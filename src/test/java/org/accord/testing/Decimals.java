package org.accord.testing;

import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.quicktheories.core.Gen;

/**
 * Generators of decimals for property tests: a whole number of units of the given scale, so a
 * value is exact (as an amount or a rate written in a contract is) and shrinks towards the minimum.
 */
public final class Decimals {

    private Decimals() {
    }

    /** Decimals from {@code minimum} to {@code maximum} inclusive, with exactly {@code scale} places. */
    public static Gen<BigDecimal> between(String minimum, String maximum, int scale) {
        long low = new BigDecimal(minimum).movePointRight(scale).longValueExact();
        long high = new BigDecimal(maximum).movePointRight(scale).longValueExact();
        return longs().between(low, high).map(units -> BigDecimal.valueOf(units, scale));
    }
}
