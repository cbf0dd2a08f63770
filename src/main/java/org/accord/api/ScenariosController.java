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
import org.accord.io.Csv;
import org.accord.store.RunSummary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The what-if scenarios. The body has been read strictly and checked against the API document;
 * here it becomes the scenario's request record, the work it asks for is bounded
 * ({@link WorkLimits}) and timed ({@link JobSettings}), and the result goes back as JSON or, when the client prefers
 * {@code text/csv} or from the {@code .csv} operations, as the result's table. Every run is
 * stored whole before it is answered, and the answer's Location names its export. The scenarios' own problems point into each request
 * body already ({@code /baseline/...}, {@code /vary/0/step}), so they pass through as they are.
 */
@RestController
class ScenariosController implements ScenariosApi {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ScenarioRuns runs;
    private final JobSettings budgets;
    private final Caller caller;
    private final HttpServletRequest request;

    /**
     * @param request the current request (a proxy Spring resolves per call), for its Accept header
     */
    ScenariosController(ScenarioRuns runs, JobSettings budgets, Caller caller, HttpServletRequest request) {
        this.runs = runs;
        this.budgets = budgets;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public ResponseEntity<ComparisonResult> compareContracts(CompareRequest body) {
        return respond(runs.compare(body), ComparisonResult.class);
    }

    @Override
    public ResponseEntity<String> compareContractsCsv(CompareRequest body) {
        return storedCsv(runs.compare(body));
    }

    @Override
    public ResponseEntity<SweepResult> sweepTerms(SweepRequest body) {
        return respond(runs.sweep(body), SweepResult.class);
    }

    @Override
    public ResponseEntity<String> sweepTermsCsv(SweepRequest body) {
        return storedCsv(runs.sweep(body));
    }

    @Override
    public ResponseEntity<SimulationResult> simulatePerformanceYears(SimulationRequest body) {
        return respond(runs.simulate(body), SimulationResult.class);
    }

    @Override
    public ResponseEntity<String> simulatePerformanceYearsCsv(SimulationRequest body) {
        return storedCsv(runs.simulate(body));
    }

    @Override
    public ResponseEntity<CashFlowResult> projectCashFlow(CashFlowRequest body) {
        return respond(runs.cashFlow(body), CashFlowResult.class);
    }

    @Override
    public ResponseEntity<String> projectCashFlowCsv(CashFlowRequest body) {
        return storedCsv(runs.cashFlow(body));
    }

    /** Runs the work within the request's time budget; past it, a 503 suggesting the job form. */
    private ScenarioRuns.Ran ran(ScenarioRuns.Ready ready) {
        return ready.run(budgets.forRequest());
    }

    /** Stores the run (its JSON form) and answers its export's address. */
    private URI store(ScenarioRuns.Ran ran, Object answer) {
        RunSummary run = runs.store(ran, answer, caller.current());
        return URI.create("/api/v1/evaluations/" + run.id() + "/export");
    }

    /** The result stored, then answered as JSON, or as CSV when the client's Accept prefers it. */
    private <T> ResponseEntity<T> respond(ScenarioRuns.Ready ready, Class<T> transportType) {
        ScenarioRuns.Ran ran = ran(ready);
        T answer = transportType.cast(ran.answer());
        URI location = store(ran, answer);
        if (prefersCsv(Collections.list(request.getHeaders("Accept")))) {
            return csv(Csv.write(ran.result()), location);
        }
        return ResponseEntity.ok().location(location).contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The result stored in its JSON form, then answered as the CSV table the .csv operations promise. */
    private ResponseEntity<String> storedCsv(ScenarioRuns.Ready ready) {
        ScenarioRuns.Ran ran = ran(ready);
        URI location = store(ran, ran.answer());
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
