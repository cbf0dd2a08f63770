package org.accord.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.validation.InputProblem;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompilerContext;
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
 * Judged here: syntax, and names the model declares nowhere (the compiler logs those too). Whether
 * a declared name is in the text's scope, or a type fits, is left to the validator.
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
            mistake(feel, names, feelText, unaryTests).ifPresent(mistake -> problems.add(new InputProblem(places.of(holder),
                    "the " + kind + " '" + feelText.strip() + "' " + mistake)));
        }
        return problems;
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
    private static List<String> namesDeclared(Document document) {
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
     * or else the first name the model does not declare.
     */
    private static Optional<String> mistake(FEEL feel, List<String> names, String text, boolean unaryTests) {
        List<FEELEvent> events = new ArrayList<>();
        CompilerContext context = feel.newCompilerContext();
        context.getListeners().add(events::add);
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        // The value a unary test is applied to, as the compiler declares it.
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        try {
            if (unaryTests) {
                feel.processUnaryTests(text, context);
            } else {
                feel.compile(text, context);
            }
        } catch (RuntimeException e) {
            // The parser's tree for some broken texts ('[0.5..', '(0.5') makes the next step fail:
            // the syntax error it reported first is the reason; without one, the failure is.
            return Optional.of(events.stream().filter(SyntaxErrorEvent.class::isInstance).findFirst()
                    .map(event -> "is not valid FEEL: " + describe(event, text))
                    .orElse("is not valid FEEL: it cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        Optional<String> syntaxError = events.stream().filter(SyntaxErrorEvent.class::isInstance).findFirst()
                .map(event -> "is not valid FEEL: " + describe(event, text));
        return syntaxError.or(() -> events.stream().filter(UnknownVariableErrorEvent.class::isInstance).findFirst()
                .map(event -> "names what the model does not declare: " + event.getMessage()));
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
