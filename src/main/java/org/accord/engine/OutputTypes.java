package org.accord.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.validation.InputProblem;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.ItemDefNode;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.ForExpressionNode;
import org.kie.dmn.feel.lang.ast.FunctionDefNode;
import org.kie.dmn.feel.lang.ast.IterationContextNode;
import org.kie.dmn.feel.lang.ast.NameRefNode;
import org.kie.dmn.feel.lang.ast.QuantifiedExpressionNode;
import org.kie.dmn.feel.lang.impl.InterpretedExecutableExpression;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.parser.feel11.profiles.KieExtendedFEELProfile;
import org.kie.dmn.feel.runtime.Range;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Refuses a decision table cell whose value cannot be of the type the table declares for its
 * column: the DMN compiler and validator accept {@code "two percent"} in a column of numbers, and
 * the rules then fail on every evaluation that reaches the row. Each output entry that names no
 * input is evaluated with the KIE FEEL engine, and its value checked against both the output
 * clause's type and the decision's (a component of it, for a table of several outputs). A cell
 * that names an input is left to the check {@link DecisionTables} makes on every answer. A
 * {@code null} is refused too: a table that settles money must answer.
 */
final class OutputTypes {

    private OutputTypes() {
    }

    /** A type a column declares: its name as the author wrote it, and whether a value is of it. */
    private record Declared(String name, java.util.function.Predicate<Object> admits) {
    }

    /** One problem per output entry (or default output entry) whose value cannot be of its column's type. */
    static List<InputProblem> problems(Document document, DMNModel model) {
        ModelPlaces places = new ModelPlaces(document);
        List<String> names = FeelSyntax.namesDeclared(document);
        FEEL feel = FEEL.newInstance(OutputTypes.class.getClassLoader(), List.of(new KieExtendedFEELProfile()));
        List<InputProblem> problems = new ArrayList<>();
        for (Element table : elements(document.getDocumentElement(), "decisionTable")) {
            Element decision = ancestor(table, "decision");
            DecisionNode node = decision == null ? null : model.getDecisionByName(decision.getAttribute("name").strip());
            if (node == null) {
                continue;
            }
            List<Element> outputs = children(table, "output");
            List<List<Declared>> declared = new ArrayList<>();
            for (Element output : outputs) {
                declared.add(declared(model, node, output, outputs.size()));
            }
            for (int i = 0; i < outputs.size(); i++) {
                for (Element fallback : children(outputs.get(i), "defaultOutputEntry")) {
                    check(feel, names, fallback, "default output entry", declared.get(i), places).ifPresent(problems::add);
                }
            }
            for (Element rule : children(table, "rule")) {
                List<Element> entries = children(rule, "outputEntry");
                for (int i = 0; i < entries.size() && i < declared.size(); i++) {
                    check(feel, names, entries.get(i), "output entry", declared.get(i), places).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    /** The output clause's own type, then the decision's type for this column; either may be absent. */
    private static List<Declared> declared(DMNModel model, DecisionNode decision, Element output, int outputCount) {
        List<Declared> types = new ArrayList<>();
        String typeRef = output.getAttribute("typeRef").strip();
        if (!typeRef.isEmpty()) {
            String local = typeRef.substring(typeRef.indexOf(':') + 1);
            ItemDefNode item = model.getItemDefinitionByName(typeRef);
            if (item != null && item.getType() != null) {
                types.add(new Declared(typeRef, item.getType()::isAssignableValue));
            } else {
                Arrays.stream(BuiltInType.values())
                        .filter(type -> type != BuiltInType.UNKNOWN && Arrays.asList(type.getNames()).contains(local))
                        .findFirst()
                        .ifPresent(type -> types.add(new Declared(local, type::isAssignableValue)));
            }
        }
        DMNType result = decision.getResultType();
        if (result != null && outputCount > 1 && result.isComposite()) {
            result = result.getFields().get(output.getAttribute("name").strip());
        }
        if (result != null && (outputCount == 1 || !result.isComposite())) {
            types.add(new Declared(result.getName(), result::isAssignableValue));
        }
        return types;
    }

    private static Optional<InputProblem> check(FEEL feel, List<String> names, Element entry, String kind,
            List<Declared> declared, ModelPlaces places) {
        List<Element> texts = children(entry, "text");
        if (texts.isEmpty() || declared.isEmpty()) {
            return Optional.empty();
        }
        String text = texts.get(0).getTextContent().strip();
        if (text.isEmpty() || text.equals("-")) {
            return Optional.empty();
        }
        Optional<Value> value = valueWithoutInputs(feel, names, text);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Object v = value.get().value();
        for (Declared type : declared) {
            if (v == null || !type.admits().test(v)) {
                String kindOfValue = kindOf(v);
                String mismatch = kindOfValue.equals(type.name())
                        ? "is a " + kindOfValue + " outside what type '" + type.name() + "' allows"
                        : "is " + article(kindOfValue) + " where the table declares " + type.name();
                return Optional.of(new InputProblem(places.of(entry), "the " + kind + " '" + text + "' " + mismatch));
            }
        }
        return Optional.empty();
    }

    /** A value, which may be null, boxed so that "no value known" and "the value null" differ. */
    private record Value(Object value) {
    }

    /**
     * The text's value when it depends on nothing: it names no input and iterates over nothing
     * (so its evaluation is bounded by its length), and evaluates without error.
     */
    private static Optional<Value> valueWithoutInputs(FEEL feel, List<String> names, String text) {
        List<FEELEvent> events = new ArrayList<>();
        CompilerContext context = feel.newCompilerContext();
        context.getListeners().add(events::add);
        names.forEach(name -> context.addInputVariableType(name, BuiltInType.UNKNOWN));
        InterpretedExecutableExpression compiled;
        try {
            compiled = feel.processExpression(text, context).getInterpreted();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (compiled == null || hasErrors(events) || !standsAlone(compiled.getASTNode(), names)) {
            return Optional.empty();
        }
        events.clear();
        org.kie.dmn.api.feel.runtime.events.FEELEventListener listener = events::add;
        feel.addListener(listener);
        try {
            Object value = feel.evaluate(compiled, Map.of());
            return hasErrors(events) ? Optional.empty() : Optional.of(new Value(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        } finally {
            feel.removeListener(listener);
        }
    }

    private static boolean hasErrors(List<FEELEvent> events) {
        return events.stream().anyMatch(event -> event.getSeverity() == FEELEvent.Severity.ERROR);
    }

    /** Whether the tree names none of the model's names and has no loop or function definition. */
    private static boolean standsAlone(ASTNode node, List<String> names) {
        if (node == null) {
            return true;
        }
        if (node instanceof ForExpressionNode || node instanceof QuantifiedExpressionNode
                || node instanceof IterationContextNode || node instanceof FunctionDefNode) {
            return false;
        }
        if (node instanceof NameRefNode name && names.contains(name.getText().strip())) {
            return false;
        }
        ASTNode[] children = node.getChildrenNode();
        return children == null || Arrays.stream(children).allMatch(child -> standsAlone(child, names));
    }

    /** A value's FEEL kind as an author reads it. */
    private static String kindOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof LocalDateTime || value instanceof ZonedDateTime || value instanceof java.time.OffsetDateTime) {
            return "date and time";
        }
        if (value instanceof LocalTime || value instanceof OffsetTime) {
            return "time";
        }
        if (value instanceof TemporalAmount) {
            return "duration";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "context";
        }
        if (value instanceof Range) {
            return "range";
        }
        return "value of another kind";
    }

    private static String article(String kind) {
        return kind.equals("null") ? "null" : (kind.matches("[aeiou].*") ? "an " : "a ") + kind;
    }

    private static Element ancestor(Element element, String localName) {
        for (Node node = element.getParentNode(); node instanceof Element current; node = node.getParentNode()) {
            if (localName.equals(current.getLocalName())) {
                return current;
            }
        }
        return null;
    }

    private static List<Element> elements(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var list = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localName.equals(child.getLocalName())) {
                found.add(child);
            }
        }
        return found;
    }
}
