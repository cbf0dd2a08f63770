package org.accord.backtest;

import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;

/**
 * A results file read and mapped: one contract and one set of facts per row, in file order, ready
 * for {@code EvaluationService.evaluateAll}, and what each row's result is compared with.
 */
public final class BacktestInput {

    private final Layout layout;
    private final List<AcoCase> cases;
    private final List<ContractChoice> contracts;
    private final List<PerformanceFacts> facts;

    BacktestInput(Layout layout, List<AcoCase> cases) {
        this.layout = layout;
        this.cases = List.copyOf(cases);
        this.contracts = this.cases.stream().map(AcoCase::contract).toList();
        this.facts = this.cases.stream().map(AcoCase::facts).toList();
    }

    /** The layout the file's header matched. */
    public String layoutId() {
        return layout.id();
    }

    /** The layout's file as read: a stored backtest keeps it under its hash, so an auditor reads how each column was mapped. */
    public byte[] layoutFile() {
        return layout.file().clone();
    }

    /** The performance year of the file's rows. */
    public int performanceYear() {
        return layout.performanceYear();
    }

    public int size() {
        return cases.size();
    }

    /** Each row's contract: its track's template with the row's overrides. */
    public List<ContractChoice> contracts() {
        return contracts;
    }

    /** Each row's facts. */
    public List<PerformanceFacts> facts() {
        return facts;
    }

    Layout layout() {
        return layout;
    }

    List<AcoCase> cases() {
        return cases;
    }
}
