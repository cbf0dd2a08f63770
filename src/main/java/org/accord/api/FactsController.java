package org.accord.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.api.generated.FactsApi;
import org.accord.api.generated.model.ExampleFactsList;
import org.accord.api.generated.model.ExampleFactsSummary;
import org.accord.api.generated.model.FactsReading;
import org.accord.api.generated.model.FactsSummary;
import org.accord.api.generated.model.PracticesCsvRequest;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.io.FactsCsv;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facts read as an evaluation reads them, answered with what was read and what it adds up to, so
 * that a person sees the practices, members, cost and measures before evaluating. Nothing is
 * evaluated or stored.
 */
@RestController
class FactsController implements FactsApi {

    static final String PRACTICES_CSV = "/practicesCsv";
    private static final Pattern PRACTICE_FIELD = Pattern.compile("/practices/(\\d+)(/.*)?");

    private final ExampleFacts examples;
    private final StoredFacts stored;

    FactsController(ExampleFacts examples, StoredFacts stored) {
        this.examples = examples;
        this.stored = stored;
    }

    @Override
    public ResponseEntity<FactsReading> readFacts(org.accord.api.generated.model.PerformanceFacts body) {
        return ResponseEntity.ok(reading(checked(body)));
    }

    @Override
    public ResponseEntity<FactsReading> readPracticesCsv(PracticesCsvRequest body) {
        return ResponseEntity.ok(reading(fromCsv(body)));
    }

    @Override
    public ResponseEntity<org.accord.api.generated.model.StoredFacts> storeFacts(
            org.accord.api.generated.model.PerformanceFacts body) {
        return created(checked(body));
    }

    @Override
    public ResponseEntity<org.accord.api.generated.model.StoredFacts> storePracticesCsv(PracticesCsvRequest body) {
        return created(fromCsv(body));
    }

    @Override
    public ResponseEntity<org.accord.api.generated.model.StoredFacts> getStoredFacts(String factsId) {
        return stored.find(factsId)
                .map(facts -> ResponseEntity.ok(storedFacts(factsId, facts)))
                .orElseThrow(() -> new NotFoundException("no facts are stored under '" + factsId + "'"));
    }

    /** Facts are stored only once they pass every check an evaluation makes. */
    private ResponseEntity<org.accord.api.generated.model.StoredFacts> created(PerformanceFacts facts) {
        String id = stored.store(facts);
        return ResponseEntity.created(java.net.URI.create("/api/v1/facts/" + id)).body(storedFacts(id, facts));
    }

    private static org.accord.api.generated.model.StoredFacts storedFacts(String id, PerformanceFacts facts) {
        FactsReading reading = reading(facts);
        return new org.accord.api.generated.model.StoredFacts(id, facts.ipa().id(), facts.period().performanceYear(),
                reading.getFacts(), reading.getSummary());
    }

    private static PerformanceFacts checked(org.accord.api.generated.model.PerformanceFacts body) {
        PerformanceFacts facts = Transport.facts(body);
        InvalidInputException.throwIfAny(FactsValidator.problems(facts));
        return facts;
    }

    private static PerformanceFacts fromCsv(PracticesCsvRequest body) {
        org.accord.api.generated.model.PerformancePeriod period = body.getPeriod();
        int year = period.getPerformanceYear();
        PerformancePeriod domainPeriod = new PerformancePeriod(year,
                period.getStart() != null ? period.getStart() : LocalDate.of(year, 1, 1),
                period.getEnd() != null ? period.getEnd() : LocalDate.of(year, 12, 31),
                period.getBenchmarkExpenditure(), period.getAssignedBeneficiaries(), period.getReportedQualityScore(),
                period.getMetQualityStandard(), period.getLossAdjustment(), period.getParticipantRevenue(), period.getLowRevenue(),
                period.getAgreementStart(), period.getMetAlternativeQualityStandard());
        PerformanceFacts facts;
        try {
            facts = FactsCsv.read(body.getPracticesCsv(), new PerformanceFacts.Ipa(body.getIpa().getId(), body.getIpa().getName()),
                    domainPeriod);
        } catch (InvalidInputException e) {
            // the reasons already name the CSV line and column
            throw new InvalidInputException(e.problems().stream().map(p -> new InputProblem(PRACTICES_CSV, p.reason())).toList());
        }
        List<InputProblem> problems = new ArrayList<>();
        for (InputProblem problem : FactsValidator.problems(facts)) {
            problems.add(inCsv(problem, facts));
        }
        InvalidInputException.throwIfAny(problems);
        return facts;
    }

    @Override
    public ResponseEntity<ExampleFactsList> listExampleFacts() {
        List<ExampleFactsSummary> list = new ArrayList<>();
        examples.all().forEach((id, facts) -> list.add(new ExampleFactsSummary(id, facts.ipa().id(),
                facts.period().performanceYear(), facts.practices().size()).ipaName(facts.ipa().name())));
        return ResponseEntity.ok(new ExampleFactsList(list));
    }

    @Override
    public ResponseEntity<FactsReading> getExampleFacts(String exampleId) {
        return examples.find(exampleId)
                .map(facts -> ResponseEntity.ok(reading(facts)))
                .orElseThrow(() -> new NotFoundException("no example '" + exampleId + "'; known: " + examples.all().keySet()));
    }

    private static FactsReading reading(PerformanceFacts facts) {
        return new FactsReading(Transport.facts(facts),
                Transport.converted(org.accord.facts.FactsSummary.of(facts), FactsSummary.class));
    }

    /**
     * A problem with a practice read from the CSV points to the CSV and names the practice and the
     * field in its reason; a problem with the IPA or period keeps its pointer, which is in the body.
     */
    private static InputProblem inCsv(InputProblem problem, PerformanceFacts facts) {
        if (!problem.pointer().startsWith("/practices")) {
            return problem;
        }
        Matcher practice = PRACTICE_FIELD.matcher(problem.pointer());
        if (!practice.matches()) {
            return new InputProblem(PRACTICES_CSV, problem.reason());
        }
        int index = Integer.parseInt(practice.group(1));
        String field = practice.group(2) == null ? "" : " " + practice.group(2).substring(1);
        return new InputProblem(PRACTICES_CSV, "practice " + facts.practices().get(index).id() + " (data row " + (index + 1)
                + ")" + field + ": " + problem.reason());
    }
}
