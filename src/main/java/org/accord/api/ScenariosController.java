package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
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
import org.accord.io.Csv;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.Table;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The what-if scenarios. The body has been read strictly and checked against the API document;
 * here it becomes the scenario's request record, the work it asks for is bounded
 * ({@link WorkLimits}), and the result goes back as JSON or, when the client prefers
 * {@code text/csv}, as the result's table. The scenarios' own problems point into each request
 * body already ({@code /baseline/...}, {@code /vary/0/step}), so they pass through as they are.
 */
@RestController
class ScenariosController implements ScenariosApi {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Scenarios scenarios;
    private final HttpServletRequest request;

    /**
     * @param request the current request (a proxy Spring resolves per call), for its Accept header
     */
    ScenariosController(Scenarios scenarios, HttpServletRequest request) {
        this.scenarios = scenarios;
        this.request = request;
    }

    @Override
    public ResponseEntity<ComparisonResult> compareContracts(CompareRequest body) {
        return respond(compared(body), ComparisonResult.class);
    }

    @Override
    public ResponseEntity<String> compareContractsCsv(CompareRequest body) {
        return csv(Csv.write(compared(body)));
    }

    @Override
    public ResponseEntity<SweepResult> sweepTerms(SweepRequest body) {
        return respond(swept(body), SweepResult.class);
    }

    @Override
    public ResponseEntity<String> sweepTermsCsv(SweepRequest body) {
        return csv(Csv.write(swept(body)));
    }

    @Override
    public ResponseEntity<SimulationResult> simulatePerformanceYears(SimulationRequest body) {
        return respond(simulated(body), SimulationResult.class);
    }

    @Override
    public ResponseEntity<String> simulatePerformanceYearsCsv(SimulationRequest body) {
        return csv(Csv.write(simulated(body)));
    }

    @Override
    public ResponseEntity<CashFlowResult> projectCashFlow(CashFlowRequest body) {
        return respond(projected(body), CashFlowResult.class);
    }

    @Override
    public ResponseEntity<String> projectCashFlowCsv(CashFlowRequest body) {
        return csv(Csv.write(projected(body)));
    }

    private Table.Tabular compared(CompareRequest body) {
        List<ContractChoice> proposals = new ArrayList<>();
        for (int i = 0; i < body.getProposals().size(); i++) {
            proposals.add(Transport.contract(body.getProposals().get(i), "/proposals/" + i));
        }
        return scenarios.compare(new org.accord.scenarios.CompareRequest(Transport.facts(body.getFacts()),
                Transport.contract(body.getBaseline(), "/baseline"), proposals));
    }

    private Table.Tabular swept(SweepRequest body) {
        WorkLimits.checkSweep(body.getVary(), body.getFacts().getPractices().size());
        List<org.accord.scenarios.SweepRequest.Range> vary = body.getVary().stream()
                .map(r -> new org.accord.scenarios.SweepRequest.Range(r.getParameter(), r.getStart(), r.getEnd(), r.getStep()))
                .toList();
        return scenarios.sweep(new org.accord.scenarios.SweepRequest(Transport.contract(body.getContract()),
                Transport.facts(body.getFacts()), vary));
    }

    private Table.Tabular simulated(SimulationRequest body) {
        WorkLimits.checkSimulation(body.getTrials(), body.getFacts().getPractices().size());
        return scenarios.simulate(new org.accord.scenarios.SimulationRequest(
                Transport.contract(body.getContract()),
                Transport.facts(body.getFacts()),
                body.getTrials(),
                body.getSeed(),
                body.getCoefficientOfVariation(),
                body.getCostDistribution() == null ? null : body.getCostDistribution().getValue(),
                body.getExpectedCost() == null ? null : body.getExpectedCost().getValue(),
                body.getExpectedCostPerMember(),
                body.getVaryQuality()));
    }

    private Table.Tabular projected(CashFlowRequest body) {
        return scenarios.cashFlow(new org.accord.scenarios.CashFlowRequest(
                Transport.contract(body.getContract()),
                Transport.facts(body.getFacts()),
                body.getScope(),
                body.getMonthlyCosts(),
                body.getPayForPerformance() == null ? null : body.getPayForPerformance().getValue()));
    }

    /** The result as JSON, or as CSV when the client prefers it. */
    private <T> ResponseEntity<T> respond(Table.Tabular result, Class<T> transportType) {
        if (prefersCsv(Collections.list(request.getHeaders("Accept")))) {
            return csv(Csv.write(result));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Transport.converted(result, transportType));
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
    private static <T> ResponseEntity<T> csv(String table) {
        return (ResponseEntity) ResponseEntity.ok().contentType(TEXT_CSV).body(table);
    }
}
