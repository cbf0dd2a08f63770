package org.accord.terms;

import java.util.List;

/**
 * A clause of a contract template.
 *
 * @param id         the clause's id within the template (settlement lines name it)
 * @param concept    which rule set implements it (rules/README.md lists the concepts)
 * @param title      the clause's heading
 * @param text       the contract or regulation text the clause implements, quoted
 * @param source     where that text comes from
 * @param requires   period inputs the clause needs (for example benchmarkExpenditure)
 * @param parameters the clause's parameters, in declaration order
 * @param constraints rules its parameters must keep together (weights that add up to one, ...)
 */
public record ClauseTemplate(
        String id,
        String concept,
        String title,
        String text,
        String source,
        List<String> requires,
        List<ParameterDeclaration> parameters,
        List<ClauseConstraint> constraints) {
}
