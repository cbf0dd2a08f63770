/**
 * The rule engine: the only package that touches KIE APIs. It opens {@code rules/} as the build
 * compiled it (DRL with the executable model, DMN decision tables; should the rule files carried
 * differ from the ones the build compiled, it warns and compiles the carried ones, so a settlement's
 * rules hash always names the files that produced it; other rule sets compile on demand, cached by
 * content hash), inserts terms and facts as session facts, fires
 * the rules in their phases and collects the settlement lines they write (to the global {@code lines};
 * only lines a rule reads are also facts; quality measures are carried on their Practice and on the
 * Ipa, not inserted, unless a stored rule set reads them as facts). The public classes here (Clause, Ipa, Practice, Measure,
 * Line, Lines, DecisionTables) are the vocabulary the rule files use.
 */
package org.accord.engine;
