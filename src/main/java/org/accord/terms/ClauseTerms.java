package org.accord.terms;

import java.util.List;
import java.util.Map;

/**
 * One clause with the parameter values in force for an evaluation.
 *
 * @param id         the clause id from the template
 * @param concept    the rule set that implements it
 * @param title      the clause heading
 * @param requires   period inputs the clause needs
 * @param parameters the resolved values by parameter name, in declaration order
 */
public record ClauseTerms(String id, String concept, String title, List<String> requires, Map<String, Object> parameters) {
}
