/**
 * Splitting an amount among practices within floors and caps, as the rule files stored with runs before
 * the solver moved into rules/distribution/distribution.drl call it; kept so that those runs replay.
 */
package org.accord.distribution;
