package org.accord.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.api.generated.model.CashFlowRequest;
import org.accord.api.generated.model.CashFlowResult;
import org.accord.api.generated.model.CompareRequest;
import org.accord.api.generated.model.ComparisonResult;
import org.accord.api.generated.model.SimulationRequest;
import org.accord.api.generated.model.SimulationResult;
import org.accord.api.generated.model.SweepRequest;
import org.accord.api.generated.model.SweepResult;
import org.accord.engine.Progress;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.Table;
import org.accord.store.RunSummary;
import org.springframework.stereotype.Component;

/**
 * The scenarios as the API runs them, synchronously or as jobs: a request is read into the
 * scenario's request record and its work bounded ({@link WorkLimits}) at once, so a bad request
 * is refused before anything runs; the work itself runs later, reporting to the progress given.
 * An uploaded decision table's mistake as it runs is named at the contract that brought the table
 * in ({@link TableMistakes}), so a job's failure names it as the request's 422 does.
 */
@Component
class ScenarioRuns {

    /** One scenario as it ran: what the run store keeps beside its result. */
    record Ran(String kind, Object body, PerformanceFacts facts, ContractChoice contract, Table.Tabular result,
               Class<?> transportType) {

        Object answer() {
            return Transport.converted(result, transportType);
        }
    }

    /** A request read, bounded and checked at once (a job refuses bad input before it is accepted), ready to run. */
    @FunctionalInterface
    interface Ready {
        Ran run(Progress progress);
    }

    private final Scenarios scenarios;
    private final StoredRuns stored;
    private final StoredFacts storedFacts;
    private final StoredContracts contracts;
    private final EvaluationService evaluations;

    ScenarioRuns(Scenarios scenarios, StoredRuns stored, StoredFacts storedFacts, StoredContracts contracts,
                 EvaluationService evaluations) {
        this.evaluations = evaluations;
        this.scenarios = scenarios;
        this.stored = stored;
        this.storedFacts = storedFacts;
        this.contracts = contracts;
    }

    Ready compare(CompareRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        List<ContractChoice> proposals = new ArrayList<>();
        for (int i = 0; i < body.getProposals().size(); i++) {
            proposals.add(contracts.choice(body.getProposals().get(i), "/proposals/" + i, facts));
        }
        ContractChoice baseline = contracts.choice(body.getBaseline(), "/baseline", facts);
        var request = new org.accord.scenarios.CompareRequest(facts, baseline, proposals);
        scenarios.check(request);
        Map<String, ContractChoice> sides = new LinkedHashMap<>();
        sides.put("/baseline", baseline);
        for (int i = 0; i < proposals.size(); i++) {
            sides.put("/proposals/" + i, proposals.get(i));
        }
        return progress -> new Ran("compare", body, facts, baseline, tablesNamed(() -> scenarios.compare(request, progress), sides),
                ComparisonResult.class);
    }

    Ready sweep(SweepRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        WorkLimits.checkSweep(body.getVary(), facts.practices().size());
        List<org.accord.scenarios.SweepRequest.Range> vary = body.getVary().stream()
                .map(r -> new org.accord.scenarios.SweepRequest.Range(r.getParameter(), r.getStart(), r.getEnd(), r.getStep()))
                .toList();
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        var request = new org.accord.scenarios.SweepRequest(contract, facts, vary);
        scenarios.check(request);
        return progress -> new Ran("sweep", body, facts, contract, tablesNamed(() -> scenarios.sweep(request, progress),
                Map.of("/contract", contract)), SweepResult.class);
    }

    Ready simulate(SimulationRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        WorkLimits.checkSimulation(body.getTrials(), facts.practices().size());
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        var request = new org.accord.scenarios.SimulationRequest(
                contract,
                facts,
                body.getTrials(),
                body.getSeed(),
                body.getCoefficientOfVariation(),
                body.getCostDistribution() == null ? null : body.getCostDistribution().getValue(),
                body.getExpectedCost() == null ? null : body.getExpectedCost().getValue(),
                body.getExpectedCostPerMember(),
                body.getVaryQuality());
        scenarios.check(request);
        return progress -> new Ran("simulate", body, facts, contract, tablesNamed(() -> scenarios.simulate(request, progress),
                Map.of("/contract", contract)), SimulationResult.class);
    }

    Ready cashFlow(CashFlowRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        var request = new org.accord.scenarios.CashFlowRequest(contract, facts, body.getScope(), body.getMonthlyCosts(),
                body.getPayForPerformance() == null ? null : body.getPayForPerformance().getValue());
        return progress -> new Ran("cash-flow", body, facts, contract, tablesNamed(() -> scenarios.cashFlow(request),
                Map.of("/contract", contract)), CashFlowResult.class);
    }

    private <T> T tablesNamed(java.util.function.Supplier<T> work, Map<String, ContractChoice> contracts) {
        return TableMistakes.named(work, evaluations, contracts);
    }

    /** Stores the run (its JSON form) for the caller named. */
    RunSummary store(Ran ran, Object answer, String caller) {
        return stored.scenario(ran.kind(), ran.body(), ran.facts(), ran.contract(), answer, caller);
    }
}
