/**
 * Splitting an amount among practices: exact shares by weight, held within per-practice floors and
 * caps (what a cap cuts goes to the others by weight, until stable), then cents by largest remainder
 * so that the parts add up to the pool exactly.
 */
package org.accord.distribution;
