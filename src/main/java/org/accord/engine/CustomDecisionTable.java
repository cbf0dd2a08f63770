package org.accord.engine;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.accord.content.ContentHash;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.kie.api.builder.Message;
import org.kie.api.io.Resource;
import org.kie.api.KieServices;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A lookup table a contract carries as a DMN decision model, uploaded by an admin (issue 17): the
 * only client-supplied logic the engine accepts, because FEEL is side-effect free and a decision
 * table is data a reviewer reads. DRL is never accepted. Before it is kept, a model is
 * <ul>
 *   <li>at most {@value #MAX_BYTES} bytes,</li>
 *   <li>XML with no document type declaration (no DTD, no entities, external or not) and no imports,</li>
 *   <li>free of external functions ({@code functionDefinition kind="Java"}, FEEL {@code external}),</li>
 *   <li>one decision, answered by a decision table,</li>
 *   <li>free of output cells whose value cannot be of the type their column declares
 *       ({@code "two percent"} or {@code null} where a number is declared: {@link OutputTypes}),</li>
 *   <li>free of business knowledge models and decision services (functions a cell could call recursively),</li>
 *   <li>written in FEEL that parses, names only what the model declares and whose evaluation is bounded
 *       (no iteration, function definitions, contexts, powers, regular expressions or numbers of more than
 *       {@value BoundedFeel#LITERAL_DIGITS} digits either side of the point), text by text ({@link FeelSyntax},
 *       {@link BoundedFeel}),</li>
 *   <li>answered from its inputs alone: no FEEL that reads the clock ({@code now()}, {@code today()})
 *       or evaluates another model ({@code invoke}) ({@link NonDeterministicFeel}),</li>
 *   <li>valid for the KIE {@link DMNValidator} (schema, model, compilation) with no gap or
 *       overlap found by its decision-table analysis, and</li>
 *   <li>compiled within {@link #COMPILE_BOUND}, on a thread of its own.</li>
 * </ul>
 * Anything else is refused, each problem naming its place in the model as its author reads it
 * (the decision, the table's rule number and column: {@link ModelPlaces}).
 * <p>
 * The gap analysis judges rows only against the values the table declares for each input. A kept
 * table answers in place of a shipped one only where {@link #mismatchWith} finds nothing: the same
 * inputs and outputs, and every input declared to admit at least the values the shipped table's
 * declaration admits ({@link AllowedValues}), since the rules consult it with any of those. A table
 * declaring Assigned beneficiaries {@code [0..5000]} passes the analysis and is kept, but cannot
 * replace the shipped {@code >= 0}: 6,000 would find no rule.
 */
public final class CustomDecisionTable {

    /** 256 KiB: the shipped minimum savings rate table, the largest, is 13 KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * Validation and compilation of one model together, by default. A warm service checks the
     * shipped table in well under a second; the first check of a process loads the validator's
     * classes, which takes over 10 s on a loaded two-core machine.
     */
    public static final Duration COMPILE_BOUND = Duration.ofSeconds(30);

    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

    private final String hash;
    private final String modelName;
    private final DMNRuntime runtime;
    private final DMNModel model;

    private CustomDecisionTable(String hash, DMNRuntime runtime, DMNModel model) {
        this.hash = hash;
        this.modelName = model.getName();
        this.runtime = runtime;
        this.model = model;
    }

    /**
     * Checks and compiles an uploaded model.
     *
     * @throws InvalidInputException each problem's pointer is its place in the model
     *         ({@code size}, {@code xml}, {@code functionDefinition}, or a decision's rule and column:
     *         {@code decision 'Which rate applies?', rule 2 (id r1), input 1 ('Quality score')})
     */
    public static CustomDecisionTable check(byte[] dmn) {
        return check(dmn, COMPILE_BOUND);
    }

    /** As {@link #check(byte[])}, within the given bound. */
    public static CustomDecisionTable check(byte[] dmn, Duration bound) {
        if (dmn.length > MAX_BYTES) {
            throw refused("size", "the model is " + dmn.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        String text = new String(dmn, StandardCharsets.UTF_8);
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw refused("xml", "a document type declaration (DTD) is not accepted: no entities, external or internal");
        }
        Document document = parseSafely(dmn);
        checkContent(document);
        // The validator and compiler run on a thread of their own, so a model that makes them work
        // without end is refused at the bound rather than holding the caller.
        CompletableFuture<CustomDecisionTable> compiled = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                compiled.complete(validateAndCompile(ContentHash.of(dmn), text, document));
            } catch (RuntimeException | Error e) {
                compiled.completeExceptionally(e);
            }
        }, "accord-decision-table-check");
        worker.setDaemon(true);
        worker.start();
        try {
            return compiled.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw refused("compilation", "the model did not validate and compile within " + bound.toSeconds() + " s");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw refused("compilation", "interrupted while the model compiled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** A DOM parse with every entity and external resource refused, whatever the JDK's defaults. */
    private static Document parseSafely(byte[] dmn) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(dmn));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser lacks a safety feature", e);
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw refused("xml", "not well-formed XML: " + e.getMessage());
        }
    }

    /** What a model may not contain, whatever the validator thinks of it. */
    private static void checkContent(Document document) {
        List<InputProblem> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (!"definitions".equals(root.getLocalName())) {
            problems.add(new InputProblem("definitions", "the document is not a DMN model (its root is '" + root.getLocalName() + "')"));
        }
        if (elements(document, "import").getLength() > 0) {
            problems.add(new InputProblem("import", "imports are not accepted: a table stands alone"));
        }
        // A function is a functionDefinition, or a business knowledge model's encapsulatedLogic.
        for (String element : List.of("functionDefinition", "encapsulatedLogic")) {
            NodeList functions = elements(document, element);
            for (int i = 0; i < functions.getLength(); i++) {
                String kind = ((Element) functions.item(i)).getAttribute("kind");
                if (!kind.isEmpty() && !"FEEL".equalsIgnoreCase(kind) && !"F".equalsIgnoreCase(kind)) {
                    problems.add(new InputProblem(element, "a function of kind '" + kind
                            + "' calls code outside FEEL: external functions are not accepted"));
                }
            }
        }
        // A business knowledge model or a decision service is a function a cell may call, and itself in turn, without end.
        for (String element : List.of("businessKnowledgeModel", "decisionService")) {
            if (elements(document, element).getLength() > 0) {
                problems.add(new InputProblem(element, "a " + (element.equals("decisionService") ? "decision service" : "business knowledge model")
                        + " is a function the table's cells could call, and it itself, without end: a lookup table's cells call only"
                        + " built-in functions"));
            }
        }
        NodeList texts = elements(document, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            if (FEEL_EXTERNAL.matcher(texts.item(i).getTextContent()).find()) {
                problems.add(new InputProblem("text", "the FEEL expression '" + texts.item(i).getTextContent().strip()
                        + "' declares an external function: external functions are not accepted"));
            }
        }
        InvalidInputException.throwIfAny(problems);
    }

    private static NodeList elements(Document document, String localName) {
        return document.getElementsByTagNameNS("*", localName);
    }

    private static CustomDecisionTable validateAndCompile(String hash, String text, Document document) {
        // The DMN compiler logs an ERROR for each FEEL text it cannot parse or type it cannot resolve, and
        // fails as a whole on some; both are the client's mistakes, so they are found before it runs.
        InvalidInputException.throwIfAny(FeelSyntax.problems(document));
        ModelPlaces places = new ModelPlaces(document);
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            // Schema and model first: the model rules find an unknown type without compiling, and so
            // without the compiler's ERROR log; compilation and table analysis only for a sound model.
            InvalidInputException.throwIfAny(validate(validator, text, places,
                    DMNValidator.Validation.VALIDATE_SCHEMA, DMNValidator.Validation.VALIDATE_MODEL));
            InvalidInputException.throwIfAny(validate(validator, text, places,
                    DMNValidator.Validation.VALIDATE_COMPILATION, DMNValidator.Validation.ANALYZE_DECISION_TABLE));
        } finally {
            validator.dispose();
        }
        Resource resource = KieServices.Factory.get().getResources()
                .newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath("uploaded/" + hash + ".dmn");
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(List.of(resource))
                .getOrElseThrow(e -> refused("compilation", "the model does not compile: " + e.getMessage()));
        if (runtime.getModels().size() != 1) {
            throw refused("definitions", "one model is expected, found " + runtime.getModels().size());
        }
        DMNModel model = runtime.getModels().get(0);
        if (model.hasErrors()) {
            throw refused("compilation", "the model does not compile: " + model.getMessages(DMNMessage.Severity.ERROR));
        }
        if (model.getDecisions().size() != 1) {
            throw refused("decision", "a lookup table is one decision answered by a decision table; the model has "
                    + model.getDecisions().size() + " decisions");
        }
        DecisionNode decision = model.getDecisions().iterator().next();
        if (!(decision.getDecision().getExpression() instanceof DecisionTable)) {
            throw refused(places.ofId(decision.getId()).orElse("decision '" + decision.getName() + "'"),
                    "decision '" + decision.getName() + "' is answered by " + answeredBy(decision)
                            + ", not a decision table: a lookup table is one decision answered by a decision table");
        }
        InvalidInputException.throwIfAny(OutputTypes.problems(document, model));
        return new CustomDecisionTable(hash, runtime, model);
    }

    /**
     * The validator's errors and warnings, each at its place in the model. A gap or an overlap is a
     * warning to the validator; for a table that settles money it is a refusal.
     */
    private static List<InputProblem> validate(DMNValidator validator, String text, ModelPlaces places,
            DMNValidator.Validation... validations) {
        return validator.validate(new StringReader(text), validations).stream()
                .filter(m -> m.getLevel() == Message.Level.ERROR || m.getLevel() == Message.Level.WARNING)
                .map(m -> new InputProblem(places.ofId(m.getSourceId()).orElse("model"), m.getText().strip()))
                .distinct()
                .toList();
    }

    /** What answers a decision, as a modeller names its boxed expression ("a context", "a literal expression"). */
    private static String answeredBy(DecisionNode decision) {
        Object expression = decision.getDecision().getExpression();
        if (expression == null) {
            return "nothing";
        }
        String kind = expression.getClass().getSimpleName().replaceAll("Impl$", "")
                .replaceAll("^T(?=[A-Z])", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return (kind.matches("[aeiou].*") ? "an " : "a ") + kind;
    }

    private static InvalidInputException refused(String where, String reason) {
        return new InvalidInputException(List.of(new InputProblem(where, reason)));
    }

    /**
     * Why this table cannot stand in for a shipped one, if it cannot: the rules consult the shipped
     * table by its inputs' and outputs' names, so the replacement must have the same, and with any
     * value the shipped table admits, so the replacement must declare each input to admit them all.
     */
    public java.util.Optional<String> mismatchWith(DecisionTables shipped, String shippedName) {
        DMNModel original = shipped.model(shippedName).orElse(null);
        if (original == null) {
            return java.util.Optional.of("the rules consult no decision table named '" + shippedName + "' (they consult "
                    + shipped.modelNames() + ")");
        }
        if (!inputNames(original).equals(inputNames(model))) {
            return java.util.Optional.of("the table's inputs are " + inputNames(model) + "; '" + shippedName
                    + "' has " + inputNames(original));
        }
        if (!outputNames(original).equals(outputNames(model))) {
            return java.util.Optional.of("the table's outputs are " + outputNames(model) + "; '" + shippedName
                    + "' has " + outputNames(original));
        }
        for (String input : inputNames(original)) {
            java.util.Optional<String> narrower = narrowerFor(input, original, model);
            if (narrower.isPresent()) {
                return narrower;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Why the table admits fewer values of an input than the shipped one, if it does. The rules
     * consult a table with any value the shipped one admits, while upload's gap analysis judges
     * rows only against the values the table itself declares: a table declaring [0..5000] passes
     * it, and an IPA of 6,000 then finds no rule.
     */
    private static java.util.Optional<String> narrowerFor(String input, DMNModel shipped, DMNModel replacement) {
        AllowedValues allowed;
        try {
            allowed = declaredValues(shipped, input);
        } catch (AllowedValues.NotComparable e) {
            return java.util.Optional.of("the shipped table declares " + input + " in a way Accord cannot compare: " + e.getMessage()
                    + "; it cannot be replaced");
        }
        AllowedValues declared;
        try {
            declared = declaredValues(replacement, input);
        } catch (AllowedValues.NotComparable e) {
            return java.util.Optional.of("the table declares " + input + " in a way Accord cannot compare with what the shipped table"
                    + " allows (" + allowed + "): " + e.getMessage() + "; declare numbers as ranges (>= 0, [0..5000])"
                    + " or strings as a list (\"gold\", \"silver\")");
        }
        AllowedValues unanswered;
        try {
            unanswered = allowed.without(declared);
        } catch (AllowedValues.NotComparable e) {
            return java.util.Optional.of("the table declares " + input + " as " + declared + ", which Accord cannot compare with"
                    + " what the shipped table allows (" + allowed + "): " + e.getMessage());
        }
        if (unanswered.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the table declares " + input + " as " + declared + "; the rules consult it with any value"
                + " the shipped table allows (" + allowed + "), and the gap analysis covers only the values the table declares,"
                + " so " + unanswered.asConditionOn(input) + " would have no rule: declare at least " + allowed);
    }

    /**
     * What a model declares an input may take: the allowed values (or type constraint) of its type
     * and of every type that type is built on, and of the type and input values its decision table
     * gives the column that reads it, all together. Read from the model's own text, as its author wrote it.
     *
     * @throws AllowedValues.NotComparable when one of them cannot be read as numbers or strings
     */
    static AllowedValues declaredValues(DMNModel model, String input) {
        org.kie.dmn.model.api.Definitions definitions = model.getDefinitions();
        AllowedValues declared = AllowedValues.ANY;
        for (org.kie.dmn.model.api.DRGElement element : definitions.getDrgElement()) {
            if (element instanceof org.kie.dmn.model.api.InputData data && input.equals(data.getName()) && data.getVariable() != null) {
                declared = declared.and(declaredByType(definitions, data.getVariable().getTypeRef()));
            }
        }
        for (DecisionNode decision : model.getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                for (org.kie.dmn.model.api.InputClause column : table.getInput()) {
                    if (column.getInputExpression() == null || !input.equals(strip(column.getInputExpression().getText()))) {
                        continue;
                    }
                    declared = declared.and(declaredByType(definitions, column.getInputExpression().getTypeRef()));
                    if (column.getInputValues() != null) {
                        declared = declared.and(AllowedValues.read(column.getInputValues().getText()));
                    }
                }
            }
        }
        return declared;
    }

    /** The values a type and the types it is built on allow; a FEEL built-in type (number, string) allows any. */
    private static AllowedValues declaredByType(org.kie.dmn.model.api.Definitions definitions, javax.xml.namespace.QName typeRef) {
        AllowedValues declared = AllowedValues.ANY;
        java.util.Set<String> seen = new java.util.HashSet<>();
        String name = typeRef == null ? null : typeRef.getLocalPart();
        while (name != null && seen.add(name)) {
            String current = name;
            org.kie.dmn.model.api.ItemDefinition type = definitions.getItemDefinition().stream()
                    .filter(t -> current.equals(t.getName())).findFirst().orElse(null);
            if (type == null) {
                break;
            }
            for (org.kie.dmn.model.api.UnaryTests constraint : java.util.Arrays.asList(type.getAllowedValues(), type.getTypeConstraint())) {
                if (constraint != null) {
                    declared = declared.and(AllowedValues.read(constraint.getText()));
                }
            }
            name = type.getTypeRef() == null ? null : type.getTypeRef().getLocalPart();
        }
        return declared;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static TreeSet<String> inputNames(DMNModel model) {
        TreeSet<String> names = new TreeSet<>();
        model.getInputs().stream().map(InputDataNode::getName).forEach(names::add);
        return names;
    }

    /** The output columns' names, or the decision's name for a table with one unnamed output (how it answers). */
    private static TreeSet<String> outputNames(DMNModel model) {
        TreeSet<String> names = new TreeSet<>();
        for (DecisionNode decision : model.getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                List<OutputClause> outputs = table.getOutput();
                if (outputs.size() == 1) {
                    names.add(decision.getName());
                } else {
                    outputs.forEach(output -> names.add(output.getName()));
                }
            }
        }
        return names;
    }

    /** SHA-256 of the model's bytes as uploaded. */
    public String hash() {
        return hash;
    }

    /** The model's own name. */
    public String modelName() {
        return modelName;
    }

    DMNRuntime runtime() {
        return runtime;
    }

    DMNModel model() {
        return model;
    }
}
