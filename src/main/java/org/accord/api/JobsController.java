package org.accord.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.api.generated.JobsApi;
import org.accord.api.generated.model.BacktestJobRequest;
import org.accord.api.generated.model.BacktestResult;
import org.accord.api.generated.model.Job;
import org.accord.api.generated.model.JobPage;
import org.accord.api.generated.model.JobRequest;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.Layouts;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Displayed;
import org.accord.jobs.JobFilter;
import org.accord.jobs.JobState;
import org.accord.jobs.Jobs;
import org.accord.security.OperationAccess;
import org.accord.security.Role;
import org.accord.store.StoredRun;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long work as jobs. The job's request is read and bounded here, at once, exactly as its
 * synchronous operation reads it (problems point under the work's name, {@code /simulate/trials});
 * then it waits for a slot, runs within the job budget, and stores its result as a run. A job is
 * seen by the caller that made it and by reviewers and admins; for anyone else it does not exist.
 */
@RestController
class JobsController implements JobsApi {

    /** Each kind of work and the operation whose roles may run it. */
    private static final Map<String, String> OPERATION_OF_KIND = Map.of("simulate", "simulatePerformanceYears",
            "sweep", "sweepTerms", "compare", "compareContracts", "backtest", "runBacktest");

    private final Jobs jobs;
    private final ScenarioRuns scenarioRuns;
    private final StoredRuns stored;
    private final EvaluationService evaluations;
    private final OperationAccess access;
    private final Caller caller;
    private final HttpServletRequest request;
    private final JsonMapper storedJson;
    private final Layouts layouts = Layouts.load();

    JobsController(Jobs jobs, ScenarioRuns scenarioRuns, StoredRuns stored, EvaluationService evaluations, OperationAccess access,
                   Caller caller, HttpServletRequest request, JsonMapper json) {
        this.jobs = jobs;
        this.scenarioRuns = scenarioRuns;
        this.stored = stored;
        this.evaluations = evaluations;
        this.access = access;
        this.caller = caller;
        this.request = request;
        this.storedJson = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public ResponseEntity<Job> createJob(JobRequest body) {
        List<String> given = new ArrayList<>();
        if (body.getSimulate() != null) {
            given.add("simulate");
        }
        if (body.getSweep() != null) {
            given.add("sweep");
        }
        if (body.getCompare() != null) {
            given.add("compare");
        }
        if (body.getBacktest() != null) {
            given.add("backtest");
        }
        if (given.size() != 1) {
            throw new InvalidRequestException(List.of(Problems.atPointer("", given.isEmpty()
                    ? "names no work: give one of simulate, sweep, compare, backtest"
                    : "names " + given.size() + " pieces of work (" + String.join(", ", given) + "); a job runs one")));
        }
        String kind = given.get(0);
        if (!mayRun(kind)) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            ResponseEntity<Job> forbidden = (ResponseEntity) Problems.response(Problems.of(HttpStatus.FORBIDDEN,
                    "the caller's roles do not allow a " + kind + " (operation " + OPERATION_OF_KIND.get(kind) + ")",
                    request.getRequestURI()), null);
            return forbidden;
        }
        String owner = caller.current();
        Jobs.Work work = prefixed("/" + kind, () -> switch (kind) {
            case "simulate" -> scenario(scenarioRuns.simulate(body.getSimulate()), owner);
            case "sweep" -> scenario(scenarioRuns.sweep(body.getSweep()), owner);
            case "compare" -> scenario(scenarioRuns.compare(body.getCompare()), owner);
            default -> backtest(body.getBacktest(), owner);
        });
        org.accord.jobs.Job job = jobs.submit(kind, owner, work);
        return ResponseEntity.accepted().location(URI.create(address(job))).body(transport(job));
    }

    /**
     * The jobs the caller may see, paged as stored evaluations are: a caller who reads only its own
     * jobs (a negotiator) lists only those, and names another caller to list none.
     */
    @Override
    public ResponseEntity<JobPage> listJobs(List<String> state, String callerName, Integer limit, Integer offset) {
        // The document bounds the page; the generated interface does not check query parameters.
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException(List.of(Problems.atParameter("limit", "must be between 1 and 500")));
        }
        if (offset < 0) {
            throw new InvalidRequestException(List.of(Problems.atParameter("offset", "must be 0 or more")));
        }
        JobFilter filter = new JobFilter(callerName, states(state));
        if (!caller.readsEveryRun()) {
            String self = caller.current();
            if (callerName != null && !callerName.equals(self)) {
                return ResponseEntity.ok(new JobPage(List.of(), 0L, limit, offset));
            }
            filter = filter.byCaller(self);
        }
        return ResponseEntity.ok(new JobPage(jobs.list(filter, limit, offset).stream().map(JobsController::transport).toList(),
                jobs.count(filter), limit, offset));
    }

    /**
     * The states asked for: each value of the parameter, and each of a value's comma-separated words. An empty
     * {@code state=} reaches here as no values (absent, it is null) and names an empty state, as a blank one does.
     */
    private static Set<JobState> states(List<String> values) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        if (values == null) {
            return states;
        }
        for (String value : values.isEmpty() ? List.of("") : values) {
            for (String word : value.split(",", -1)) {
                states.add(Arrays.stream(JobState.values()).filter(known -> known.word().equals(word)).findFirst()
                        .orElseThrow(() -> new InvalidRequestException(List.of(Problems.atParameter("state", (word.isEmpty()
                                ? "names an empty state"
                                : "'" + shown(word) + "' is not a job state") + "; the states are "
                                + Arrays.stream(JobState.values()).map(JobState::word).collect(Collectors.joining(", ")))))));
            }
        }
        return states;
    }

    /** A word the client sent, as a problem shows it: hidden characters out, and not more than forty. */
    private static String shown(String word) {
        String shown = Displayed.text(word);
        return shown.length() <= 40 ? shown : shown.substring(0, 40) + "...";
    }

    @Override
    public ResponseEntity<Job> getJob(String jobId) {
        return ResponseEntity.ok(transport(visible(jobId)));
    }

    @Override
    public ResponseEntity<Job> cancelJob(String jobId) {
        org.accord.jobs.Job job = visible(jobId);
        if (!job.caller().equals(caller.current()) && !request.isUserInRole(Role.ADMIN.name())) {
            throw new NotFoundException("no job '" + jobId + "'"); // a reviewer reads every job but cancels none
        }
        jobs.cancel(job);
        return ResponseEntity.ok(transport(job));
    }

    @Override
    public ResponseEntity<Map<String, Object>> getJobResult(String jobId) {
        org.accord.jobs.Job job = visible(jobId);
        if (job.state() != JobState.SUCCEEDED) {
            throw new ConflictException("job " + jobId + " is " + job.state().word() + "; it has "
                    + (job.state().isFinal() ? "no result" : "no result yet"));
        }
        StoredRun run = stored.raw(job.runId());
        return ResponseEntity.ok(storedJson.readValue(run.result(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
        }));
    }

    /** Whether the caller holds a role that may run this kind of work synchronously. */
    private boolean mayRun(String kind) {
        String operationId = OPERATION_OF_KIND.get(kind);
        return access.operations().stream().filter(operation -> operation.operationId().equals(operationId))
                .flatMap(operation -> operation.roles().stream()).anyMatch(role -> request.isUserInRole(role.name()));
    }

    private org.accord.jobs.Job visible(String jobId) {
        return jobs.find(jobId).filter(job -> caller.readsEveryRun() || job.caller().equals(caller.current()))
                .orElseThrow(() -> new NotFoundException("no job '" + jobId + "'"));
    }

    /** The request read and bounded now, as its operation would; its problems pointed under the work's name. */
    private static Jobs.Work prefixed(String prefix, java.util.function.Supplier<Jobs.Work> reading) {
        try {
            return reading.get();
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(p -> p.pointer(p.getPointer() == null ? null : prefix + p.getPointer())).toList());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(p -> p.prefixed(prefix)).toList());
        }
    }

    private Jobs.Work scenario(ScenarioRuns.Ready ready, String owner) {
        return progress -> {
            ScenarioRuns.Ran ran = ready.run(progress);
            return scenarioRuns.store(ran, ran.answer(), owner).id();
        };
    }

    private Jobs.Work backtest(BacktestJobRequest body, String owner) {
        BacktestInput input;
        try {
            input = Backtest.read(new StringReader(body.getFile()), layouts, body.getLayout(), null);
        } catch (InvalidInputException e) {
            throw new InvalidFileException(e.problems());
        }
        return progress -> {
            var result = Backtest.compare(input, Backtest.evaluate(evaluations, input, progress));
            return stored.backtest(body, Transport.converted(result, BacktestResult.class), input.layoutFile(), owner).id();
        };
    }

    static String address(org.accord.jobs.Job job) {
        return "/api/v1/jobs/" + job.id();
    }

    static Job transport(org.accord.jobs.Job job) {
        Job answer = new Job(job.id(), job.kind(), job.state().word(), job.caller(), time(job.createdAt()), job.done(), job.total())
                .startedAt(time(job.startedAt()))
                .finishedAt(time(job.finishedAt()))
                .failure(job.failure())
                .errors(job.problems().stream().map(JobsController::problem).toList());
        if (job.state() == JobState.SUCCEEDED) {
            answer.runId(job.runId()).result(address(job) + "/result");
        }
        return answer;
    }

    private static org.accord.api.generated.model.InputProblem problem(InputProblem p) {
        return Problems.atPointer(p.pointer(), p.reason());
    }

    private static java.time.OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
