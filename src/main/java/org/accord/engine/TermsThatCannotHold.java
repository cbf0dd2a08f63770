package org.accord.engine;

import java.util.List;
import org.accord.terms.Terms;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/**
 * Terms a rule found it cannot settle with once the amounts they bind are known: a floor share that, paid to
 * every practice in cents, comes to more than the pool (rules/distribution/distribution.drl). The pool is
 * computed by the rules, so no check before the engine can see it. The evaluation is refused, as one that
 * fails a check before the engine is: a 422 naming the term the request sets, or the contract when its
 * template's own value is used.
 */
public final class TermsThatCannotHold extends RuntimeException {

    private final transient Evaluation evaluation;
    private final String term;

    /**
     * @param evaluation the evaluation the terms belong to, among the session's
     * @param term       the parameter the terms cannot hold with (a request may override it)
     * @param reason     why, with the numbers
     */
    public TermsThatCannotHold(Evaluation evaluation, String term, String reason) {
        super(reason);
        this.evaluation = evaluation;
        this.term = term;
    }

    /** The index, among its session's, of the evaluation that cannot be settled. */
    int evaluationIndex() {
        return evaluation.getIndex();
    }

    /**
     * The refusal of the request these terms came from: pointed at the term where the request overrides it, else at
     * the contract (as {@link Evaluator#unmetRequirements} points at terms that cannot hold before the engine).
     */
    InvalidInputException refusal(Terms terms) {
        String pointer = terms.overrides().containsKey(term) ? "/contract/overrides/" + term : "/contract";
        return new InvalidInputException(List.of(new InputProblem(pointer, getMessage())));
    }
}
