package org.accord.store;

/** What a piece of stored content is, so an auditor browsing the store can tell. */
public enum ContentKind {
    RULE_FILE("rule-file"),
    TEMPLATE("template"),
    LAYOUT("layout"),
    FACTS("facts"),
    /** An uploaded DMN lookup table a published template answers with. */
    DECISION_TABLE("decision-table");

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
