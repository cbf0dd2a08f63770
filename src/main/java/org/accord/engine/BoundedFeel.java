package org.accord.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.InfixOpNode;
import org.kie.dmn.feel.lang.ast.InfixOperator;
import org.kie.dmn.feel.lang.ast.NumberNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;

/**
 * The FEEL an uploaded table may not hold because its evaluation has no bound. A cell that names an input is
 * evaluated only when an evaluation asks, and FEEL's evaluation cannot be interrupted once it runs, so the work
 * a cell can make is bounded here, when it is uploaded: found from outside, a cell
 * {@code 0 * count(for i in 1..30000000 return i)} ran one evaluation for minutes and took the heap to 6 GB.
 * A lookup table needs none of what is refused: its cells compare, do arithmetic, choose (if, then, else) and
 * call built-in functions on its inputs and on numbers it writes down. Without iteration, functions of its
 * own, contexts and powers, each cell does work in proportion to its text (at most
 * {@value CustomDecisionTable#MAX_BYTES} bytes), and its numbers stay below what rounding one of them costs a
 * second ({@code floor(1e999999)} took six).
 */
final class BoundedFeel {

    /** Digits a number written in a cell may have before and after its point: a rate, a count or an amount needs far fewer. */
    static final int LITERAL_DIGITS = 18;

    /** Built-in functions whose work is not bounded by their arguments' size, and why. */
    private static final Map<String, String> UNBOUNDED_FUNCTIONS = Map.of(
            "matches", "matches a regular expression, which can take time exponential in the text it reads",
            "replace", "replaces by a regular expression, which can take time exponential in the text it reads",
            "split", "splits by a regular expression, which can take time exponential in the text it reads");

    private BoundedFeel() {
    }

    /** Why the parsed text's evaluation may have no bound (what it does, after the text), if it may. */
    static Optional<String> unboundedIn(ASTNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ForExpressionNode || node instanceof QuantifiedExpressionNode) {
            return Optional.of("iterates (" + (node instanceof ForExpressionNode ? "for" : "some, every")
                    + "): a cell is evaluated for every input it is asked about, and an iteration can work without bound"
                    + " (for i in 1..30000000 held a service's heap); a lookup table's cells compare, compute and choose");
        }
        if (node instanceof FunctionDefNode) {
            return Optional.of("defines a function, which may call itself without end: a lookup table's cells call only"
                    + " built-in functions");
        }
        if (node instanceof ContextNode) {
            return Optional.of("builds a context, whose entries may each double the one before (forty of them make a list of"
                    + " a trillion items): a lookup table's cells compare, compute and choose");
        }
        if (node instanceof InfixOpNode infix && infix.getOperator() == InfixOperator.POW) {
            return Optional.of("raises to a power (**), which makes numbers of any size (10 ** 999999 has a million digits once"
                    + " rounded): multiply instead");
        }
        if (node instanceof NumberNode number && tooManyDigits(number.getValue())) {
            return Optional.of("writes the number " + number.getText().strip() + ": a number in a cell has at most "
                    + LITERAL_DIGITS + " digits before and " + LITERAL_DIGITS + " after its point, so that no computation"
                    + " makes one of a million digits (floor(1e999999) takes seconds)");
        }
        if (node instanceof FunctionInvocationNode invocation && invocation.getName() != null
                && UNBOUNDED_FUNCTIONS.containsKey(invocation.getName().getText().strip())) {
            return Optional.of("calls " + invocation.getName().getText().strip() + ", which "
                    + UNBOUNDED_FUNCTIONS.get(invocation.getName().getText().strip()));
        }
        return FeelSyntax.firstInChildren(node, BoundedFeel::unboundedIn);
    }

    private static boolean tooManyDigits(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return false;
        }
        BigDecimal written = value.stripTrailingZeros();
        return written.precision() - written.scale() > LITERAL_DIGITS || written.scale() > LITERAL_DIGITS;
    }
}
