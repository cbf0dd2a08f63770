/**
 * Contract terms as data: templates (which clauses, which parameters, with units, ranges and
 * sources), overrides checked against those declarations, and the resolved, hashed terms that the
 * rules read as facts.
 */
package org.accord.terms;
