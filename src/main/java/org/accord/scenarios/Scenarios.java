package org.accord.scenarios;

import org.accord.engine.Progress;
import org.accord.evaluation.EvaluationService;

/**
 * The what-if views, one method per scenario. Every evaluation goes through the evaluation
 * service's compiled rules, in batches. Thread-safe; create it once beside the service.
 */
public final class Scenarios {

    private final Comparer comparer;
    private final Sweeper sweeper;
    private final Simulator simulator;
    private final CashFlows cashFlows;

    /** Simulations and sweeps use every available processor. */
    public Scenarios(EvaluationService service) {
        this(service, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param simulationThreads how many threads settle a simulation's trials and a sweep's points (the result does
     *                          not depend on it)
     */
    public Scenarios(EvaluationService service, int simulationThreads) {
        this.comparer = new Comparer(service);
        this.sweeper = new Sweeper(service, simulationThreads);
        this.simulator = new Simulator(service, simulationThreads);
        this.cashFlows = new CashFlows(service);
    }

    /** The baseline and every proposal settled on the same facts, and what each proposal changes. */
    public ComparisonResult compare(CompareRequest request) {
        return compare(request, Progress.NONE);
    }

    /** As {@link #compare(CompareRequest)}, telling progress the contracts settled. */
    public ComparisonResult compare(CompareRequest request, Progress progress) {
        return comparer.compare(request, progress);
    }

    /** The outcome at every point of a range of one or two parameters. */
    public SweepResult sweep(SweepRequest request) {
        return sweep(request, Progress.NONE);
    }

    /** As {@link #sweep(SweepRequest)}, telling progress the points settled. */
    public SweepResult sweep(SweepRequest request, Progress progress) {
        return sweeper.sweep(request, progress);
    }

    /** The distribution of outcomes over simulated performance years. */
    public SimulationResult simulate(SimulationRequest request) {
        return simulate(request, Progress.NONE);
    }

    /** As {@link #simulate(SimulationRequest)}, telling progress the trials settled. */
    public SimulationResult simulate(SimulationRequest request, Progress progress) {
        return simulator.simulate(request, progress);
    }

    /**
     * Checks a request as the scenario would, before it runs: a job refuses bad input at once, as the
     * synchronous call does, instead of accepting it and failing later.
     *
     * @throws org.accord.validation.InvalidInputException naming each problem
     */
    public void check(SimulationRequest request) {
        simulator.check(request);
    }

    /** As {@link #check(SimulationRequest)}, for a sweep: its ranges and every point's terms. */
    public void check(SweepRequest request) {
        sweeper.check(request);
    }

    /** As {@link #check(SimulationRequest)}, for a comparison: the baseline and every proposal. */
    public void check(CompareRequest request) {
        comparer.checked(request);
    }

    /** The contract's money by month against the costs given. */
    public CashFlowResult cashFlow(CashFlowRequest request) {
        return cashFlows.cashFlow(request);
    }

    Sweeper sweeper() {
        return sweeper;
    }
}
