package org.accord.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.validation.InputProblem;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.codegen.feel11.ProcessedExpression;
import org.kie.dmn.feel.codegen.feel11.ProcessedUnaryTest;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.parser.feel11.profiles.KieExtendedFEELProfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Finds the FEEL of an uploaded model whose answer is not a function of the table's inputs alone:
 * a cell that reads the clock pays one amount today and another tomorrow on the same terms and
 * facts, under the same hashes, and a stored run would no longer replay as it ran. Of the built-ins
 * the KIE FEEL profile offers (the DMN standard's and KIE's extended ones), {@code now()} and
 * {@code today()} read the clock (and {@code today()} the machine's time zone), and {@code invoke}
 * evaluates another model by name, so its answer is whatever that model is where the table runs.
 * Every other built-in answers from its arguments. A name is refused wherever it is read, called
 * or not ({@code {f: now}.f()} calls the clock too); a field of that name ({@code x.now}) is not a read.
 * Runs on texts that parse ({@link FeelSyntax} judges them first).
 */
final class NonDeterministicFeel {

    /** The built-ins whose answer is not a function of their arguments, each with what it reads instead. */
    private static final Map<String, String> BUILT_INS = Map.of(
            "now", "reads the clock (now() is the moment it is evaluated)",
            "today", "reads the clock (today() is the date it is evaluated, in the time zone of the machine that evaluates it)",
            "invoke", "evaluates another model by name (invoke), whose answer is not the table's");

    private NonDeterministicFeel() {
    }

    /** One problem per FEEL text that reads one of {@link #BUILT_INS}, at its place. */
    static List<InputProblem> problems(Document document) {
        ModelPlaces places = new ModelPlaces(document);
        List<String> names = FeelSyntax.namesDeclared(document);
        FEEL feel = FEEL.newInstance(NonDeterministicFeel.class.getClassLoader(), List.of(new KieExtendedFEELProfile()));
        List<InputProblem> problems = new ArrayList<>();
        NodeList texts = document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (!(text.getParentNode() instanceof Element holder) || !FeelSyntax.isFeel(holder)) {
                continue;
            }
            boolean unaryTests = FeelSyntax.UNARY_TESTS.containsKey(holder.getLocalName());
            String kind = unaryTests ? FeelSyntax.UNARY_TESTS.get(holder.getLocalName()) : FeelSyntax.EXPRESSIONS.get(holder.getLocalName());
            if (kind == null) {
                continue;
            }
            String feelText = text.getTextContent();
            builtInRead(syntaxTree(feel, names, feelText, unaryTests)).ifPresent(name -> problems.add(new InputProblem(places.of(holder),
                    "the " + kind + " '" + feelText.strip() + "' " + BUILT_INS.get(name) + ": a table's answer must depend on its"
                            + " inputs alone, or the same terms and facts would settle differently from one day to the next and a"
                            + " stored run would not replay as it ran")));
        }
        return problems;
    }

    private static ASTNode syntaxTree(FEEL feel, List<String> names, String text, boolean unaryTests) {
        CompilerContext context = feel.newCompilerContext();
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        try {
            if (unaryTests) {
                return feel.processUnaryTests(text, context) instanceof ProcessedUnaryTest tests && tests.getInterpreted() != null
                        ? tests.getInterpreted().getASTNode() : null;
            }
            return feel.compile(text, context) instanceof ProcessedExpression expression && expression.getInterpreted() != null
                    ? expression.getInterpreted().getASTNode() : null;
        } catch (RuntimeException unreadable) {
            // FeelSyntax refuses a text that does not parse; there is nothing here to read.
            return null;
        }
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
        ASTNode[] children = node.getChildrenNode();
        if (children == null) {
            return Optional.empty();
        }
        for (ASTNode child : children) {
            Optional<String> found = builtInRead(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
