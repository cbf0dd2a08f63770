package org.accord.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.validation.InputProblem;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.codegen.feel11.ProcessedExpression;
import org.kie.dmn.feel.codegen.feel11.ProcessedUnaryTest;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.ContextNode;
import org.kie.dmn.feel.lang.ast.FilterExpressionNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.FunctionInvocationNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.PathExpressionNode;
import org.kie.dmn.feel.lang.ast.QualifiedNameNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.parser.feel11.profiles.KieExtendedFEELProfile;
import org.kie.dmn.feel.runtime.events.SyntaxErrorEvent;
import org.kie.dmn.feel.runtime.events.UnknownVariableErrorEvent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Parses every FEEL text of an uploaded model with the KIE FEEL parser before the model reaches
 * the DMN compiler. The compiler reports a cell that does not parse by logging an ERROR (with a
 * stack trace for some shapes) and, for some, fails as a whole ("Compiled model is null!"); a
 * broken upload is the client's mistake, so it is refused here, naming the cell and its text.
 * Judged here: syntax, and names the model declares nowhere (the compiler logs those too; a name of
 * several words the model does not declare reads to the parser as a syntax error, and is named as
 * the undeclared name it most likely is), what would let its evaluation run without bound
 * ({@link BoundedFeel}) and what it reads besides the table's inputs ({@link NonDeterministicFeel}).
 * Whether a declared name is in the text's scope, or a type fits, is left to the validator.
 */
final class FeelSyntax {

    /** The elements whose {@code text} child is FEEL unary tests (a cell's condition, a list of allowed values). */
    private static final Map<String, String> UNARY_TESTS = Map.of(
            "inputEntry", "input entry",
            "allowedValues", "allowed values",
            "typeConstraint", "type constraint",
            "inputValues", "input values",
            "outputValues", "output values");

    /** The elements whose {@code text} child is a FEEL expression. */
    private static final Map<String, String> EXPRESSIONS = Map.of(
            "outputEntry", "output entry",
            "inputExpression", "input expression",
            "literalExpression", "literal expression",
            "defaultOutputEntry", "default output entry");

    private FeelSyntax() {
    }

    /** One problem per FEEL text that does not parse or names what the model does not declare, at its place. */
    static List<InputProblem> problems(Document document) {
        ModelPlaces places = new ModelPlaces(document);
        List<String> names = namesDeclared(document);
        FEEL feel = FEEL.newInstance(FeelSyntax.class.getClassLoader(), List.of(new KieExtendedFEELProfile()));
        List<InputProblem> problems = new ArrayList<>();
        NodeList texts = document.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (!(text.getParentNode() instanceof Element holder) || !isFeel(holder)) {
                continue;
            }
            boolean unaryTests = UNARY_TESTS.containsKey(holder.getLocalName());
            String kind = unaryTests ? UNARY_TESTS.get(holder.getLocalName()) : EXPRESSIONS.get(holder.getLocalName());
            if (kind == null) {
                continue;
            }
            String feelText = text.getTextContent();
            // A literal expression answers a decision, or a function, that is refused as no decision table: it is never evaluated.
            boolean evaluated = !"literalExpression".equals(holder.getLocalName());
            mistake(feel, names, feelText, unaryTests, evaluated).ifPresent(mistake -> problems.add(new InputProblem(places.of(holder),
                    "the " + kind + " '" + feelText.strip() + "' " + mistake)));
        }
        return problems;
    }

    /** The first thing {@code search} finds in the node's children, each searched in turn (the checks of a parsed text). */
    static <T> Optional<T> firstInChildren(ASTNode node, java.util.function.Function<ASTNode, Optional<T>> search) {
        ASTNode[] children = node.getChildrenNode();
        if (children == null) {
            return Optional.empty();
        }
        for (ASTNode child : children) {
            Optional<T> found = search.apply(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A text in another expression language is the validator's to judge. */
    private static boolean isFeel(Element holder) {
        String language = holder.getAttribute("expressionLanguage");
        return language.isEmpty() || language.toUpperCase(java.util.Locale.ROOT).contains("FEEL");
    }

    /**
     * Every name the model declares. FEEL names may hold spaces ("Quality score"), and the parser
     * reads such a name only if it is told of it; telling it of every name, in scope or not, keeps
     * a valid text from being read as a syntax error.
     */
    static List<String> namesDeclared(Document document) {
        List<String> names = new ArrayList<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String name = ((Element) all.item(i)).getAttribute("name");
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /**
     * What is wrong with the text, if anything: its first syntax error, as the others follow from it,
     * or else the first name the model does not declare, or else, for a text a table evaluates, what
     * would let its evaluation run without bound, or else what it reads besides the table's inputs.
     */
    private static Optional<String> mistake(FEEL feel, List<String> names, String text, boolean unaryTests, boolean evaluated) {
        List<FEELEvent> events = new ArrayList<>();
        CompilerContext context = feel.newCompilerContext();
        context.getListeners().add(events::add);
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        // The value a unary test is applied to, as the compiler declares it.
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        Object compiled;
        try {
            compiled = unaryTests ? feel.processUnaryTests(text, context) : feel.compile(text, context);
        } catch (RuntimeException e) {
            // The parser's tree for some broken texts ('[0.5..', '(0.5') makes the next step fail:
            // the syntax error it reported first is the reason; without one, the failure is.
            return Optional.of(events.stream().filter(SyntaxErrorEvent.class::isInstance).findFirst()
                    .map(event -> "is not valid FEEL: " + describe(event, text))
                    .orElse("is not valid FEEL: it cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        Optional<FEELEvent> syntaxError = events.stream().filter(SyntaxErrorEvent.class::isInstance).findFirst();
        if (syntaxError.isPresent()) {
            return Optional.of(undeclaredName(feel, names, text, unaryTests, syntaxError.get())
                    .map(name -> "names what the model does not declare: Unknown variable '" + name + "'")
                    .orElse("is not valid FEEL: " + describe(syntaxError.get(), text)));
        }
        ASTNode parsed = compiled instanceof ProcessedUnaryTest tests && tests.getInterpreted() != null
                ? tests.getInterpreted().getASTNode()
                : compiled instanceof ProcessedExpression expression && expression.getInterpreted() != null
                        ? expression.getInterpreted().getASTNode() : null;
        return events.stream().filter(UnknownVariableErrorEvent.class::isInstance).findFirst()
                .map(event -> "names what the model does not declare: " + event.getMessage())
                .or(() -> unaryTests
                        ? undeclaredIn(parsed, names).map(name -> "names what the model does not declare: Unknown variable '" + name + "'")
                        : Optional.empty())
                .or(() -> evaluated ? BoundedFeel.unboundedIn(parsed) : Optional.empty())
                .or(() -> NonDeterministicFeel.readIn(parsed));
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_']*");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "then", "else", "for", "in", "return",
            "some", "every", "satisfies", "between", "instance", "of", "function", "null", "true", "false", "external");

    /**
     * The name a syntax error most likely stands for: the parser reads a name of several words
     * only if the model declares it, so {@code Assigned members} undeclared fails near its second
     * word. The words around the error are tried as one name; the first run of them that makes the
     * text parse, and that the model does not declare, is the name.
     */
    private static Optional<String> undeclaredName(FEEL feel, List<String> names, String text, boolean unaryTests,
            FEELEvent syntaxError) {
        String[] lines = text.split("\n", -1);
        int line = Math.max(1, syntaxError.getLine());
        if (line > lines.length || syntaxError.getColumn() < 0) {
            return Optional.empty();
        }
        int offset = syntaxError.getColumn();
        for (int i = 0; i < line - 1; i++) {
            offset += lines[i].length() + 1;
        }
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        int atError = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i)[0] <= offset && offset <= words.get(i)[1]) {
                atError = i;
            }
        }
        if (atError < 0) {
            return Optional.empty();
        }
        for (int length = 2; length <= 5; length++) {
            for (int first = Math.max(0, atError - length + 1); first <= atError && first + length <= words.size(); first++) {
                int last = first + length - 1;
                if (!onlySpacesBetween(text, words, first, last)) {
                    continue;
                }
                String candidate = text.substring(words.get(first)[0], words.get(last)[1]);
                boolean hasKeyword = java.util.Arrays.stream(candidate.split("\\s+")).anyMatch(KEYWORDS::contains);
                if (!hasKeyword && !names.contains(candidate) && parses(feel, names, candidate, text, unaryTests)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean onlySpacesBetween(String text, List<int[]> words, int first, int last) {
        for (int i = first; i < last; i++) {
            if (!text.substring(words.get(i)[1], words.get(i + 1)[0]).matches("[ \\t]+")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text parses with one more name declared. */
    private static boolean parses(FEEL feel, List<String> names, String extraName, String text, boolean unaryTests) {
        List<FEELEvent> events = new ArrayList<>();
        CompilerContext context = feel.newCompilerContext();
        context.getListeners().add(events::add);
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        context.addInputVariableType(extraName, BuiltInType.UNKNOWN);
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        try {
            if (unaryTests) {
                feel.processUnaryTests(text, context);
            } else {
                feel.compile(text, context);
            }
        } catch (RuntimeException e) {
            return false;
        }
        return events.stream().noneMatch(SyntaxErrorEvent.class::isInstance);
    }

    /**
     * The first name a unary test reads that the model does not declare. The parser reports an
     * unknown name in an expression but not in a unary test ({@code < threshold}), which the
     * validator then reports only as a table it could not analyse. Names a function is called by,
     * a path's field names and the names a loop, a context or a function introduces are not reads
     * of the model's names, so those parts are not searched.
     */
    private static Optional<String> undeclaredIn(ASTNode node, List<String> names) {
        if (node == null || node instanceof ForExpressionNode || node instanceof QuantifiedExpressionNode
                || node instanceof ContextNode || node instanceof FunctionDefNode || node instanceof FilterExpressionNode) {
            return Optional.empty();
        }
        if (node instanceof NameRefNode name) {
            String text = name.getText().strip();
            return names.contains(text) || "?".equals(text) ? Optional.empty() : Optional.of(text);
        }
        if (node instanceof QualifiedNameNode qualified) {
            return undeclaredIn(qualified.getParts().get(0), names);
        }
        if (node instanceof PathExpressionNode path) {
            return undeclaredIn(path.getExpression(), names);
        }
        if (node instanceof FunctionInvocationNode invocation) {
            return undeclaredIn(invocation.getParams(), names);
        }
        ASTNode[] children = node.getChildrenNode();
        if (children == null) {
            return Optional.empty();
        }
        for (ASTNode child : children) {
            Optional<String> found = undeclaredIn(child, names);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The error's place in the text and the word there, read from the text rather than from the parser's token. */
    private static String describe(FEELEvent syntaxError, String text) {
        String[] lines = text.split("\n", -1);
        int line = Math.max(1, syntaxError.getLine());
        String rest = line <= lines.length && syntaxError.getColumn() >= 0 && syntaxError.getColumn() <= lines[line - 1].length()
                ? lines[line - 1].substring(syntaxError.getColumn()).strip() : "";
        boolean atTheEnd = rest.isEmpty() && java.util.Arrays.stream(lines, Math.min(line, lines.length), lines.length).allMatch(String::isBlank);
        String near = rest.isEmpty() ? "" : rest.split("\\s+")[0];
        String where = "line " + line + ", column " + (syntaxError.getColumn() + 1);
        if (atTheEnd) {
            return "the text ends where more is expected (" + where + ")";
        }
        return near.isEmpty() ? "syntax error (" + where + ")" : "syntax error near '" + near + "' (" + where + ")";
    }
}
