package org.accord.terms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which clause parameters each rule reads, found in the rule text: a parameter is read through a
 * clause bound by concept ({@code $shared : Clause( concept == "shared-savings" )} then
 * {@code $shared.number( "sequestrationRate" )}), inside that pattern ({@code flag( "riskAdjusted" )}),
 * or by a function the clause is passed to. The gates of {@code measureGates} are read by
 * {@code scores}, {@code gates}, {@code direction} and {@code gatesReached}.
 */
final class RuleParameterReads {

    /** One parameter read: the rule (or the function a rule calls) that reads it, in its file. */
    record Read(String file, String rule, String concept, String parameter) {
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\"(.*?)^end\\b");
    private static final Pattern FUNCTION = Pattern.compile(
            "(?ms)^function\\s+[\\w.<>]+\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*\\{(.*?)^\\}");
    private static final Pattern CLAUSE_PATTERN = Pattern.compile("(?:(\\$\\w+)\\s*:\\s*)?\\bClause\\(\\s*concept\\s*==\\s*\"([a-z0-9-]+)\"");
    private static final Pattern READ = Pattern.compile(
            "(?:(\\$?\\w+)\\s*\\.\\s*)?\\b(number|count|flag|text|is|table|lists|amountFor|rateAt|rungs)\\(\\s*\"(\\w+)\"");
    /** A call of a function by name: any identifier not preceded by a word character or a dot, then its parenthesis. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])(\\w+)\\s*\\(");
    private static final Pattern GATES_READ = Pattern.compile("(?:(\\$?\\w+)\\s*\\.\\s*)?\\b(scores|gatesReached|gates|direction)\\(");
    /** The parameter {@code Clause.scores}, {@code gates}, {@code direction} and {@code gatesReached} read. */
    static final String MEASURE_GATES = "measureGates";

    private RuleParameterReads() {
    }

    /** Every parameter read in the given DRL files (path relative to {@code rules/} to text). */
    static List<Read> in(Map<String, byte[]> drlFiles) {
        Map<String, String> texts = new LinkedHashMap<>();
        drlFiles.forEach((path, bytes) -> texts.put(path, withoutComments(new String(bytes, StandardCharsets.UTF_8))));
        Map<String, Function> functions = new HashMap<>();
        texts.forEach((path, text) -> {
            Matcher m = FUNCTION.matcher(text);
            while (m.find()) {
                functions.put(m.group(1), new Function(path, m.group(1), clauseParameters(m.group(2)), m.group(3)));
            }
        });
        // A function's reads include those of the functions it passes its clause to: settle them first.
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Function function : functions.values()) {
                Map<String, String> targets = new HashMap<>();
                function.clauseParameters().forEach((index, name) -> targets.put(name, "#" + index));
                Map<String, Set<String>> reads = reads(function.body(), targets, functions);
                for (Map.Entry<String, Set<String>> read : reads.entrySet()) {
                    int index = Integer.parseInt(read.getKey().substring(1));
                    changed |= function.reads().computeIfAbsent(index, i -> new TreeSet<>()).addAll(read.getValue());
                }
            }
        }
        List<Read> all = new ArrayList<>();
        texts.forEach((path, text) -> {
            Matcher m = RULE.matcher(text);
            while (m.find()) {
                reads(m.group(2), new HashMap<>(), functions).forEach((concept, parameters) ->
                        parameters.forEach(p -> all.add(new Read(path, m.group(1), concept, p))));
            }
        });
        return all;
    }

    /** A DRL function: the indexes and names of its Clause parameters, and what it reads through each. */
    private record Function(String file, String name, Map<Integer, String> clauseParameters, String body, Map<Integer, Set<String>> reads) {
        Function(String file, String name, Map<Integer, String> clauseParameters, String body) {
            this(file, name, clauseParameters, body, new HashMap<>());
        }
    }

    /**
     * The parameters read in one rule or function body, by target: a concept for a clause the body
     * binds by concept, or {@code #i} for a function's i-th (Clause) parameter, given in {@code targets}.
     */
    private static Map<String, Set<String>> reads(String body, Map<String, String> targets, Map<String, Function> functions) {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder(body);
        Matcher clause = CLAUSE_PATTERN.matcher(body);
        while (clause.find()) {
            String concept = clause.group(2);
            if (clause.group(1) != null) {
                targets.put(clause.group(1), concept);
            }
            int open = body.lastIndexOf('(', clause.start(2));
            int close = closing(body, open);
            String inside = body.substring(clause.end(), close);
            unqualifiedReads(inside).forEach(p -> reads.computeIfAbsent(concept, c -> new LinkedHashSet<>()).add(p));
            for (int i = open; i <= close; i++) {
                rest.setCharAt(i, ' ');
            }
        }
        String text = rest.toString();
        collect(READ.matcher(text), 3, targets, reads);
        collect(GATES_READ.matcher(text), 0, targets, reads);
        Map<String, List<Integer>> calls = calls(text, functions);
        for (Function function : functions.values()) {
            for (int open : calls.getOrDefault(function.name(), List.of())) {
                List<String> arguments = arguments(text, open);
                function.reads().forEach((index, parameters) -> {
                    String target = index < arguments.size() ? targets.get(arguments.get(index)) : null;
                    if (target != null) {
                        reads.computeIfAbsent(target, c -> new LinkedHashSet<>()).addAll(parameters);
                    }
                });
            }
        }
        return reads;
    }

    /**
     * Where each function is called in the text: the index of each call's opening parenthesis, in
     * text order. One pass over the text for all functions (a name not preceded by a word character
     * or a dot, then its parenthesis), not a pattern compiled and run per function.
     */
    private static Map<String, List<Integer>> calls(String text, Map<String, Function> functions) {
        Map<String, List<Integer>> calls = new HashMap<>();
        if (functions.isEmpty()) {
            return calls;
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            if (functions.containsKey(call.group(1))) {
                calls.computeIfAbsent(call.group(1), name -> new ArrayList<>()).add(call.end() - 1);
            }
        }
        return calls;
    }

    private static void collect(Matcher m, int parameterGroup, Map<String, String> targets, Map<String, Set<String>> reads) {
        while (m.find()) {
            String target = m.group(1) == null ? null : targets.get(m.group(1));
            if (target != null) {
                reads.computeIfAbsent(target, c -> new LinkedHashSet<>()).add(parameterGroup == 0 ? MEASURE_GATES : m.group(parameterGroup));
            }
        }
    }

    private static Set<String> unqualifiedReads(String inside) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = READ.matcher(inside);
        while (m.find()) {
            if (m.group(1) == null) {
                found.add(m.group(3));
            }
        }
        Matcher gates = GATES_READ.matcher(inside);
        while (gates.find()) {
            if (gates.group(1) == null) {
                found.add(MEASURE_GATES);
            }
        }
        return found;
    }

    private static Map<Integer, String> clauseParameters(String declaration) {
        Map<Integer, String> clauses = new HashMap<>();
        String[] parameters = declaration.split(",");
        for (int i = 0; i < parameters.length; i++) {
            String[] words = parameters[i].strip().split("\\s+");
            if (words.length == 2 && (words[0].equals("Clause") || words[0].endsWith(".Clause"))) {
                clauses.put(i, words[1]);
            }
        }
        return clauses;
    }

    /** The top-level arguments of the call whose opening parenthesis is at {@code open}, stripped (a comma in a string literal is not a separator). */
    private static List<String> arguments(String text, int open) {
        int close = closing(text, open);
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = literalEnd(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        arguments.add(text.substring(start, close).strip());
        return arguments;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = literalEnd(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses after: " + text.substring(open, Math.min(text.length(), open + 80)));
    }

    /** The index of the quote closing the string literal whose opening quote is at {@code open}. */
    private static int literalEnd(CharSequence text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return text.length();
    }

    /** The text with comments blanked (kept the same length), so a parameter named in a comment is not a read. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '"') {
                i = literalEnd(out, i);
            } else if (c == '/' && i + 1 < out.length() && out.charAt(i + 1) == '/') {
                while (i < out.length() && out.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < out.length() && out.charAt(i + 1) == '*') {
                int end = out.indexOf("*/", i + 2);
                end = end < 0 ? out.length() : end + 2;
                for (; i < end; i++) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
                i--;
            }
        }
        return out.toString();
    }
}
