/**
 * Long work (simulations, sweeps, comparisons, backtests) run apart from the request that asked
 * for it: a bounded queue, a server-wide limit on heavy work running at once, progress,
 * cooperative cancellation, time budgets, giving way to interactive requests between units of work,
 * and a shutdown that leaves no job running. Plain Java:
 * the service wires it, and the work itself is whatever the caller hands in.
 */
package org.accord.jobs;
