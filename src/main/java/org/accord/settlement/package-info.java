/**
 * The result of an evaluation: every payment line for the IPA and each practice with the rule that
 * wrote it, its basis numbers and its explanation; the findings behind them; totals and the
 * distribution of the IPA's pool; and the hashes that make it reproducible.
 */
package org.accord.settlement;
