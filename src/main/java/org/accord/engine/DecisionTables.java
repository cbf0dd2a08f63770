package org.accord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.accord.validation.InputProblem;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.DMNType;

/**
 * The DMN decision tables, as rules consult them: {@code tables.decide("Minimum savings rate by
 * assigned population", "Assigned beneficiaries", n)} answers the model's one decision. A table is
 * a pure function of its inputs, so each distinct input is evaluated once and remembered (a DMN
 * evaluation costs about fifteen DRL rule firings). Any DMN error stops the evaluation; one that is
 * the table's own mistake (no answer, or an answer the rules cannot use) is a {@link TableMistake}.
 */
public final class DecisionTables {

    private static final int REMEMBERED_ANSWERS = 100_000;

    /**
     * A model and the runtime it was compiled in; for an uploaded table, the shipped model it
     * replaces, whose declared answers bound its answers.
     */
    private record Table(DMNRuntime runtime, DMNModel model, DMNModel replaced) {
    }

    private final DMNRuntime runtime;
    private final Map<String, Table> modelsByName;
    private final Map<List<Object>, Map<String, Object>> answers = new ConcurrentHashMap<>();

    /** The runtime the shipped tables are evaluated in, for tests that listen to which rows fire. */
    DMNRuntime runtime() {
        return runtime;
    }

    DecisionTables(DMNRuntime runtime) {
        this.runtime = runtime;
        this.modelsByName = runtime.getModels().stream()
                .collect(Collectors.toUnmodifiableMap(DMNModel::getName, m -> new Table(runtime, m, null)));
    }

    private DecisionTables(DMNRuntime runtime, Map<String, Table> modelsByName) {
        this.runtime = runtime;
        this.modelsByName = Map.copyOf(modelsByName);
    }

    /**
     * These tables with some answered by uploaded ones instead, by the name the rules consult
     * them under; the answers remembered are this combination's own.
     */
    DecisionTables replacing(Map<String, CustomDecisionTable> replacements) {
        Map<String, Table> tables = new java.util.HashMap<>(modelsByName);
        replacements.forEach((name, table) -> {
            if (!tables.containsKey(name)) {
                throw new DecisionException("no decision table named '" + name + "' to replace among " + modelNames());
            }
            tables.put(name, new Table(table.runtime(), table.model(), tables.get(name).model()));
        });
        return new DecisionTables(runtime, tables);
    }

    /** A table's model by the name the rules consult it under. */
    java.util.Optional<DMNModel> model(String name) {
        return java.util.Optional.ofNullable(modelsByName.get(name)).map(Table::model);
    }

    /**
     * Evaluates a model's decision for the given inputs, written as name, value, name, value.
     *
     * @return the decision's outputs by name (a single-output table answers under the decision's name)
     */
    public Map<String, Object> decide(String modelName, Object... namesAndValues) {
        List<Object> key = new ArrayList<>(namesAndValues.length + 1);
        key.add(modelName);
        for (Object item : namesAndValues) {
            key.add(item instanceof BigDecimal d ? d.stripTrailingZeros() : item);
        }
        Map<String, Object> answer = answers.get(key);
        if (answer == null) {
            answer = evaluate(modelName, namesAndValues);
            if (answers.size() >= REMEMBERED_ANSWERS) {
                answers.clear();
            }
            answers.put(key, answer);
        }
        return answer;
    }

    /** A decimal output of a decision. */
    public BigDecimal number(String modelName, String output, Object... namesAndValues) {
        return numbers(modelName, namesAndValues).get(output);
    }

    /**
     * A decision's outputs, every one a number, by name: how the rules read a table that settles
     * money. An uploaded table may answer with anything its author wrote; a value that is not a
     * number stops the evaluation naming the table, the output and the value, rather than failing
     * the rule that reads it.
     *
     * @throws UnusableAnswer when an output is absent, null or not a number
     */
    public Map<String, BigDecimal> numbers(String modelName, Object... namesAndValues) {
        Map<String, Object> answer = decide(modelName, namesAndValues);
        Map<String, BigDecimal> numbers = new java.util.TreeMap<>();
        answer.forEach((output, value) -> {
            if (!(value instanceof BigDecimal number)) {
                throw new UnusableAnswer(modelName, output, value, "where the rules read a number");
            }
            numbers.put(output, number);
        });
        return java.util.Collections.unmodifiableMap(numbers);
    }

    public List<String> modelNames() {
        return modelsByName.keySet().stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> evaluate(String modelName, Object[] namesAndValues) {
        Table table = modelsByName.get(modelName);
        if (table == null) {
            throw new DecisionException("no decision table named '" + modelName + "' among " + modelNames());
        }
        DMNModel model = table.model();
        DMNRuntime runtime = table.runtime();
        DMNContext context = runtime.newContext();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            context.set((String) namesAndValues[i], value instanceof Integer || value instanceof Long
                    ? BigDecimal.valueOf(((Number) value).longValue()) : value);
        }
        DMNResult result = runtime.evaluateAll(model, context);
        if (result.hasErrors()) {
            throw new NoAnswer(modelName, namesAndValues, "could not answer for", evaluationErrors(result));
        }
        List<DMNDecisionResult> decisions = result.getDecisionResults();
        if (decisions.size() != 1) {
            throw new DecisionException("decision table '" + modelName + "' must have exactly one decision");
        }
        DMNDecisionResult decision = decisions.get(0);
        if (decision.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED || decision.getResult() == null) {
            // No rule matched: the table's rules cover its declared inputs (upload refuses a gap), but not this value.
            throw new NoAnswer(modelName, namesAndValues, "has no rule for", null);
        }
        Object value = decision.getResult();
        DMNType declared = model.getDecisionByName(decision.getDecisionName()).getResultType();
        Map<String, Object> answer;
        if (value instanceof Map<?, ?> outputs) {
            Map<String, Object> checkedOutputs = new java.util.TreeMap<>();
            ((Map<String, Object>) outputs).forEach((output, outputValue) -> {
                DMNType field = declared == null || !declared.isComposite() ? null : declared.getFields().get(output);
                checkedOutputs.put(output, checked(modelName, output, outputValue, field));
            });
            answer = java.util.Collections.unmodifiableMap(checkedOutputs);
        } else {
            answer = Map.of(decision.getDecisionName(), checked(modelName, decision.getDecisionName(), value, declared));
        }
        if (table.replaced() != null) {
            answer.forEach((output, outputValue) -> withinTheReplaced(modelName, table.replaced(), output, outputValue));
        }
        return answer;
    }

    /**
     * An uploaded table answers within what the shipped table it replaces declares for each output:
     * the rules were written for those answers (a minimum savings rate from 0 to 1), and an answer
     * beyond them would settle money no contract means (a negative rate charged a one-sided IPA).
     */
    private static void withinTheReplaced(String modelName, DMNModel replaced, String output, Object value) {
        DMNType type = replaced.getDecisions().iterator().next().getResultType();
        DMNType allowed = type != null && type.isComposite() ? type.getFields().get(output) : type;
        if (allowed != null && !allowed.isAssignableValue(value)) {
            throw new UnusableAnswer(modelName, output, value, "where the shipped table it replaces allows "
                    + allowedValuesText(replaced, output).orElse("only what its type declares"));
        }
    }

    /** The allowed values the shipped model declares for an output, as written ("[0..1]"). */
    private static java.util.Optional<String> allowedValuesText(DMNModel model, String output) {
        String decisionType = model.getDecisions().iterator().next().getDecision().getVariable().getTypeRef().getLocalPart();
        return model.getDefinitions().getItemDefinition().stream()
                .filter(item -> item.getName().equals(decisionType))
                .flatMap(item -> item.getItemComponent().isEmpty()
                        ? java.util.stream.Stream.of(item)
                        : item.getItemComponent().stream().filter(component -> component.getName().equals(output)))
                .filter(definition -> definition.getAllowedValues() != null)
                .map(definition -> definition.getAllowedValues().getText().strip())
                .findFirst();
    }

    /** What the DMN runtime found wrong, without its closing "error evaluating the decision node" that repeats the type. */
    private static String evaluationErrors(DMNResult result) {
        return result.getMessages(DMNMessage.Severity.ERROR).stream()
                .filter(m -> m.getMessageType() != DMNMessageType.ERROR_EVAL_NODE)
                .map(m -> m.getMessage().strip().replaceFirst("\\.$", ""))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    /** The value, if it is one the table declares for the output; a table that settles money must answer. */
    private static Object checked(String modelName, String output, Object value, DMNType declared) {
        if (value == null) {
            throw new UnusableAnswer(modelName, output, null, "where the table must answer");
        }
        if (declared != null && !declared.isAssignableValue(value)) {
            throw new UnusableAnswer(modelName, output, value, "where the table declares " + declared.getName());
        }
        return value;
    }

    /** A decision table that could not answer: an engine problem, never a partial settlement. */
    public static class DecisionException extends RuntimeException {
        DecisionException(String message) {
            super(message);
        }
    }

    /**
     * A decision table's own mistake, not the server's: it gave no answer for the inputs it was asked
     * about, or an answer the rules cannot settle with. Only an uploaded table can make one, as the
     * shipped ones are tested to cover their inputs and answer numbers; the evaluation stops, and the
     * message names the table and what it did, for the client who uploaded it. The engine knows the
     * uploaded table by its hash ({@link #ofTable}); whoever knows the request names the field that
     * brought the table in ({@link #at}): the contract whose template answers with it.
     */
    public abstract static class TableMistake extends DecisionException {
        private final String modelName;
        private final String what;
        private final String tableHash;
        private final InputProblem problem;

        TableMistake(String modelName, String what) {
            this(modelName, what, null, null);
        }

        private TableMistake(String modelName, String what, String tableHash, InputProblem problem) {
            super("decision table '" + modelName + "' " + what);
            this.modelName = modelName;
            this.what = what;
            this.tableHash = tableHash;
            this.problem = problem;
        }

        /** The name the rules consult the table under ("Minimum savings rate by assigned population"). */
        public String modelName() {
            return modelName;
        }

        /** What the table did, after its name: "has no rule for Assigned beneficiaries 6000; no settlement is made with it". */
        public String what() {
            return what;
        }

        /** The uploaded table's content hash, once the session that consulted it has said which it was. */
        public java.util.Optional<String> tableHash() {
            return java.util.Optional.ofNullable(tableHash);
        }

        /** The field of the request that brought the table in, with the reason, once a caller knowing the request has named it. */
        public java.util.Optional<InputProblem> problem() {
            return java.util.Optional.ofNullable(problem);
        }

        /** The same mistake, of the uploaded table with this hash. */
        public TableMistake ofTable(String hash) {
            return new Named(this, hash, problem);
        }

        /** The same mistake, named at this field of the request for this reason. */
        public TableMistake at(String pointer, String reason) {
            return new Named(this, tableHash, new InputProblem(pointer, reason));
        }

        /** The same mistake, its field under this prefix ({@code /sweep}); one not yet named stays as it is. */
        public TableMistake prefixed(String prefix) {
            return problem == null ? this : new Named(this, tableHash, problem.prefixed(prefix));
        }

        static String shown(Object value) {
            return value == null ? "null" : value instanceof String text ? "the string \"" + text + "\"" : "'" + value + "'";
        }
    }

    /** A table's mistake with what is known of where it came from; the mistake as first thrown is its cause. */
    private static final class Named extends TableMistake {
        Named(TableMistake mistake, String tableHash, InputProblem problem) {
            super(mistake.modelName(), mistake.what(), tableHash, problem);
            initCause(mistake);
        }
    }

    /**
     * A decision table answered with a value the rules cannot settle with: {@code null}, or a value
     * not of the type the table declares or the rules read ("two percent" for a rate); the message
     * names the table, the output and the value.
     */
    public static final class UnusableAnswer extends TableMistake {
        UnusableAnswer(String modelName, String output, Object value, String expected) {
            super(modelName, "answered " + shown(value) + " for '" + output + "', " + expected + "; no settlement is made with it");
        }
    }

    /**
     * A decision table answered a range that does not hold the value it was asked about: a rule that
     * interpolates within the range would extrapolate beyond the table's two ends instead (a rate
     * below the lower of them, or below zero). The message names the table, the range and the value.
     */
    public static final class RangeNotHolding extends TableMistake {
        public RangeNotHolding(String modelName, String input, BigDecimal value, BigDecimal start, BigDecimal end) {
            super(modelName, "answered the range from " + start.toPlainString() + " to " + end.toPlainString()
                    + " for " + input + " " + value.toPlainString() + ", which that range does not hold; no settlement is made with it");
        }
    }

    /**
     * A decision table gave no answer for the inputs it was asked about: no rule matched them (an
     * uploaded table may declare a narrower range for an input than the rules consult it with), or
     * a cell could not be evaluated for them; the message names the table, the inputs and their values.
     */
    public static final class NoAnswer extends TableMistake {
        NoAnswer(String modelName, Object[] namesAndValues, String what, String reason) {
            super(modelName, what + " " + inputs(namesAndValues)
                    + (reason == null || reason.isEmpty() ? "" : ": " + reason) + "; no settlement is made with it");
        }

        /** "Assigned beneficiaries 6000", or "Quality score 0.8, Track \"ENHANCED\"". */
        private static String inputs(Object[] namesAndValues) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                Object value = namesAndValues[i + 1];
                inputs.add(namesAndValues[i] + " " + (value instanceof BigDecimal number ? number.toPlainString()
                        : value instanceof String text ? "\"" + text + "\"" : String.valueOf(value)));
            }
            return String.join(", ", inputs);
        }
    }
}
