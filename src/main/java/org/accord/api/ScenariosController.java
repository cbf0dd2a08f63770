package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.accord.api.generated.ScenariosApi;
import org.accord.api.generated.model.CashFlowRequest;
import org.accord.api.generated.model.CashFlowResult;
import org.accord.api.generated.model.CompareRequest;
import org.accord.api.generated.model.ComparisonResult;
import org.accord.api.generated.model.SimulationRequest;
import org.accord.api.generated.model.SimulationResult;
import org.accord.api.generated.model.SweepRequest;
import org.accord.api.generated.model.SweepResult;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Csv;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.Table;
import org.accord.store.RunSummary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The what-if scenarios. The body has been read strictly and checked against the API document;
 * here it becomes the scenario's request record, the work it asks for is bounded
 * ({@link WorkLimits}), and the result goes back as JSON or, when the client prefers
 * {@code text/csv} or from the {@code .csv} operations, as the result's table. Every run is
 * stored whole before it is answered, and the answer's Location names its export. The scenarios' own problems point into each request
 * body already ({@code /baseline/...}, {@code /vary/0/step}), so they pass through as they are.
 */
@RestController
class ScenariosController implements ScenariosApi {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Scenarios scenarios;
    private final StoredRuns stored;
    private final HttpServletRequest request;
    private final StoredFacts storedFacts;
    private final StoredContracts contracts;

    /**
     * @param request the current request (a proxy Spring resolves per call), for its Accept header
     */
    ScenariosController(Scenarios scenarios, StoredRuns stored, HttpServletRequest request, StoredFacts storedFacts,
            StoredContracts contracts) {
        this.storedFacts = storedFacts;
        this.contracts = contracts;
        this.scenarios = scenarios;
        this.stored = stored;
        this.request = request;
    }

    @Override
    public ResponseEntity<ComparisonResult> compareContracts(CompareRequest body) {
        return respond(compared(body), ComparisonResult.class);
    }

    @Override
    public ResponseEntity<String> compareContractsCsv(CompareRequest body) {
        return storedCsv(compared(body), ComparisonResult.class);
    }

    @Override
    public ResponseEntity<SweepResult> sweepTerms(SweepRequest body) {
        return respond(swept(body), SweepResult.class);
    }

    @Override
    public ResponseEntity<String> sweepTermsCsv(SweepRequest body) {
        return storedCsv(swept(body), SweepResult.class);
    }

    @Override
    public ResponseEntity<SimulationResult> simulatePerformanceYears(SimulationRequest body) {
        return respond(simulated(body), SimulationResult.class);
    }

    @Override
    public ResponseEntity<String> simulatePerformanceYearsCsv(SimulationRequest body) {
        return storedCsv(simulated(body), SimulationResult.class);
    }

    @Override
    public ResponseEntity<CashFlowResult> projectCashFlow(CashFlowRequest body) {
        return respond(projected(body), CashFlowResult.class);
    }

    @Override
    public ResponseEntity<String> projectCashFlowCsv(CashFlowRequest body) {
        return storedCsv(projected(body), CashFlowResult.class);
    }

    /** One scenario as it ran: what the run store keeps beside its result. */
    private record Ran(String kind, Object body, PerformanceFacts facts, ContractChoice contract, Table.Tabular result) {
    }

    private Ran compared(CompareRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        List<ContractChoice> proposals = new ArrayList<>();
        for (int i = 0; i < body.getProposals().size(); i++) {
            proposals.add(contracts.choice(body.getProposals().get(i), "/proposals/" + i, facts));
        }
        ContractChoice baseline = contracts.choice(body.getBaseline(), "/baseline", facts);
        return new Ran("compare", body, facts, baseline,
                scenarios.compare(new org.accord.scenarios.CompareRequest(facts, baseline, proposals)));
    }

    private Ran swept(SweepRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        WorkLimits.checkSweep(body.getVary(), facts.practices().size());
        List<org.accord.scenarios.SweepRequest.Range> vary = body.getVary().stream()
                .map(r -> new org.accord.scenarios.SweepRequest.Range(r.getParameter(), r.getStart(), r.getEnd(), r.getStep()))
                .toList();
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        return new Ran("sweep", body, facts, contract,
                scenarios.sweep(new org.accord.scenarios.SweepRequest(contract, facts, vary)));
    }

    private Ran simulated(SimulationRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        WorkLimits.checkSimulation(body.getTrials(), facts.practices().size());
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        return new Ran("simulate", body, facts, contract, scenarios.simulate(new org.accord.scenarios.SimulationRequest(
                contract,
                facts,
                body.getTrials(),
                body.getSeed(),
                body.getCoefficientOfVariation(),
                body.getCostDistribution() == null ? null : body.getCostDistribution().getValue(),
                body.getExpectedCost() == null ? null : body.getExpectedCost().getValue(),
                body.getExpectedCostPerMember(),
                body.getVaryQuality())));
    }

    private Ran projected(CashFlowRequest body) {
        PerformanceFacts facts = storedFacts.of(body.getFacts(), body.getFactsId());
        ContractChoice contract = contracts.choice(body.getContract(), "/contract", facts);
        return new Ran("cash-flow", body, facts, contract, scenarios.cashFlow(new org.accord.scenarios.CashFlowRequest(
                contract,
                facts,
                body.getScope(),
                body.getMonthlyCosts(),
                body.getPayForPerformance() == null ? null : body.getPayForPerformance().getValue())));
    }

    /** Stores the run (its JSON form) and answers its export's address. */
    private <T> URI store(Ran ran, T answer) {
        RunSummary run = stored.scenario(ran.kind(), ran.body(), ran.facts(), ran.contract(), answer);
        return URI.create("/api/v1/evaluations/" + run.id() + "/export");
    }

    /** The result stored, then answered as JSON, or as CSV when the client's Accept prefers it. */
    private <T> ResponseEntity<T> respond(Ran ran, Class<T> transportType) {
        T answer = Transport.converted(ran.result(), transportType);
        URI location = store(ran, answer);
        if (prefersCsv(Collections.list(request.getHeaders("Accept")))) {
            return csv(Csv.write(ran.result()), location);
        }
        return ResponseEntity.ok().location(location).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The result stored in its JSON form, then answered as the CSV table the .csv operations promise. */
    private <T> ResponseEntity<String> storedCsv(Ran ran, Class<T> transportType) {
        URI location = store(ran, Transport.converted(ran.result(), transportType));
        return csv(Csv.write(ran.result()), location);
    }

    /**
     * Whether the most preferred of the Accept header's types that names one of ours names CSV:
     * by quality, then in the order the client wrote them ({@code application/json, text/csv}
     * is JSON; {@code text/csv} or {@code text/csv, *}{@code /*} is CSV). Spring MVC has already
     * refused (406) a header that accepts neither.
     */
    static boolean prefersCsv(List<String> acceptHeaders) {
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(acceptHeaders));
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.includes(TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table as the body, although the operation's declared body type is the JSON result:
     * the response's content type is set, so Spring MVC writes the string with its text converter.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ResponseEntity<T> csv(String table, URI location) {
        return (ResponseEntity) ResponseEntity.ok().location(location).contentType(TEXT_CSV).body(table);
    }
}
