/**
 * The rule engine: the only package that touches KIE APIs. It opens {@code rules/} as the build
 * compiled it (DRL with the executable model, DMN decision tables; other rule sets compile on
 * demand, cached by content hash), inserts terms and facts as session facts, fires
 * the rules in their phases and collects the settlement lines they write. The public classes here
 * (Clause, Ipa, Practice, Measure, Line, DecisionTables) are the vocabulary the rule files use.
 */
package org.accord.engine;
