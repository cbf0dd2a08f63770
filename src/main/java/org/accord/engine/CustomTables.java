package org.accord.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The uploaded decision tables a service has accepted ({@link CustomDecisionTable}), by content
 * hash, and the shipped tables combined with them as templates name them. Thread-safe.
 */
public final class CustomTables {

    /** Combinations kept, each with its own remembered answers: one per template that replaces tables. */
    private static final int COMBINATIONS_KEPT = 1_000;

    private record Combination(DecisionTables shipped, Map<String, String> replacements) {
    }

    private final Map<String, CustomDecisionTable> byHash = new ConcurrentHashMap<>();
    private final Map<Combination, DecisionTables> combined = new ConcurrentHashMap<>();

    /** Adds a checked table; the same content added twice is kept once. */
    public CustomDecisionTable add(CustomDecisionTable table) {
        CustomDecisionTable known = byHash.putIfAbsent(table.hash(), table);
        return known != null ? known : table;
    }

    public Optional<CustomDecisionTable> find(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    /**
     * The tables an evaluation consults: the shipped ones, with those the terms' template replaces
     * (shipped name to uploaded table's hash) answered by the uploaded tables.
     *
     * @throws DecisionTables.DecisionException when a named table is not among those accepted
     */
    DecisionTables tablesFor(DecisionTables shipped, Map<String, String> replacements) {
        if (replacements.isEmpty()) {
            return shipped;
        }
        if (combined.size() > COMBINATIONS_KEPT) {
            combined.clear();
        }
        return combined.computeIfAbsent(new Combination(shipped, Map.copyOf(replacements)), key -> {
            Map<String, CustomDecisionTable> tables = new java.util.TreeMap<>();
            key.replacements().forEach((name, hash) -> tables.put(name, find(hash).orElseThrow(() ->
                    new DecisionTables.DecisionException("the decision table " + hash + " that replaces '" + name
                            + "' has not been uploaded to this service"))));
            return shipped.replacing(tables);
        });
    }
}
