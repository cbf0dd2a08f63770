/**
 * The performance period's inputs: the IPA, its practices, their members, costs, utilisation and
 * quality-measure counts, and the period-level inputs a payer supplies (benchmark, reported quality).
 * Validation here stops bad input before the engine, naming the field.
 */
package org.accord.facts;
