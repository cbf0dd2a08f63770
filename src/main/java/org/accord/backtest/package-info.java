/**
 * Backtests against published results: maps each row of a payer's results file (CMS's Shared
 * Savings Program public use file) to facts and a contract as a layout file says, evaluates every
 * row through the engine in one batch, and compares the settlements with the published amounts.
 * No clause arithmetic here: that stays in {@code rules/}.
 */
package org.accord.backtest;
