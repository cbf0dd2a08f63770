package org.accord.engine;

import java.util.Map;
import java.util.Optional;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;

/**
 * The FEEL of an uploaded model whose answer is not a function of the table's inputs alone:
 * a cell that reads the clock pays one amount today and another tomorrow on the same terms and
 * facts, under the same hashes, and a stored run would no longer replay as it ran. Of the built-ins
 * the KIE FEEL profile offers (the DMN standard's and KIE's extended ones), {@code now()} and
 * {@code today()} read the clock (and {@code today()} the machine's time zone), and {@code invoke}
 * evaluates another model by name, so its answer is whatever that model is where the table runs.
 * Every other built-in answers from its arguments. A name is refused wherever it is read, called
 * or not ({@code {f: now}.f()} calls the clock too); a field of that name ({@code x.now}) is not a read.
 * {@link FeelSyntax} asks this of every text it has parsed.
 */
final class NonDeterministicFeel {

    /** The built-ins whose answer is not a function of their arguments, each with what it reads instead. */
    private static final Map<String, String> BUILT_INS = Map.of(
            "now", "reads the clock (now() is the moment it is evaluated)",
            "today", "reads the clock (today() is the date it is evaluated, in the time zone of the machine that evaluates it)",
            "invoke", "evaluates another model by name (invoke), whose answer is not the table's");

    private NonDeterministicFeel() {
    }

    /** Why the parsed text's answer is not the table's alone (what it reads, after the text), if it is not. */
    static Optional<String> readIn(ASTNode node) {
        return builtInRead(node).map(name -> BUILT_INS.get(name) + ": a table's answer must depend on its inputs alone, or the"
                + " same terms and facts would settle differently from one day to the next and a stored run would not replay as it ran");
    }

    /** The first of {@link #BUILT_INS} the tree reads. */
    private static Optional<String> builtInRead(ASTNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof NameRefNode name) {
            String text = name.getText() == null ? "" : name.getText().strip();
            return BUILT_INS.containsKey(text) ? Optional.of(text) : Optional.empty();
        }
        if (node instanceof PathExpressionNode path) {
            return builtInRead(path.getExpression());
        }
        if (node instanceof QualifiedNameNode qualified) {
            return builtInRead(qualified.getParts().get(0));
        }
        return FeelSyntax.firstInChildren(node, NonDeterministicFeel::builtInRead);
    }
}
