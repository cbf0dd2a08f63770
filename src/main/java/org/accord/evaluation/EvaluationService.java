package org.accord.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.accord.engine.CustomTables;
import org.accord.engine.Evaluator;
import org.accord.engine.Progress;
import org.accord.engine.RuleBase;
import org.accord.engine.RuleBases;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.terms.Terms;
import org.accord.terms.TermsResolver;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/** Resolves contracts, checks facts and evaluates, with the rules compiled once. Thread-safe. */
public final class EvaluationService {

    /** The shipped templates, and those published since (replaced whole, so readers never see half a change). */
    private volatile TemplateCatalog templates;
    /** Uploaded decision tables that published templates answer with instead of shipped ones. */
    private final CustomTables customTables = new CustomTables();
    /** The rules may still be loading (see {@link #load()}): requests are checked before waiting for them. */
    private final Supplier<Evaluator> evaluator;
    /** The checks the facts go through: all of them, or for a replay those its run's facts passed when it ran. */
    private final FactsValidator.Checks factsChecks;
    /**
     * Resolved terms by contract and year: terms are immutable, and a sweep or a simulation asks
     * for the same few thousands of times. Bounded: cleared when it grows past its size.
     */
    private final Map<ResolvedKey, Terms> resolved = new ConcurrentHashMap<>();
    private static final int RESOLVED_TERMS_KEPT = 10_000;

    /** The template's hash is part of the key: a template replaced by a published one resolves anew. */
    private record ResolvedKey(ContractChoice contract, int performanceYear, String templateHash) {
    }

    public EvaluationService(TemplateCatalog templates, Evaluator evaluator) {
        this(templates, evaluator, FactsValidator.Checks.ALL);
    }

    private EvaluationService(TemplateCatalog templates, Evaluator evaluator, FactsValidator.Checks factsChecks) {
        this.templates = templates;
        this.evaluator = () -> evaluator;
        this.factsChecks = factsChecks;
    }

    private EvaluationService(TemplateCatalog templates, java.util.function.Function<EvaluationService, Evaluator> evaluator) {
        this.templates = templates;
        this.evaluator = () -> evaluator.apply(this);
        this.factsChecks = FactsValidator.Checks.ALL;
    }

    /**
     * An evaluation for replaying stored runs: their facts and terms go through the checks they passed when they ran
     * ({@link FactsValidator.Checks#AS_STORED}, {@link org.accord.terms.ParameterDeclaration.Checks#AS_STORED}), so a
     * check added since refuses no run that was made.
     */
    public static EvaluationService forReplay(TemplateCatalog templates, Evaluator evaluator) {
        return new EvaluationService(templates, evaluator, FactsValidator.Checks.AS_STORED);
    }

    /**
     * Loads the shipped templates, with the shipped rules ({@link RuleBases#builtIn()}, compiled at
     * build time and opened once per process). The rules are waited for at the first evaluation,
     * after its request has been checked, so a loader started early ({@link RuleBases#preload()})
     * works while the input is read.
     */
    public static EvaluationService load() {
        return withBuiltInRules(TemplateCatalog.load());
    }

    /** As {@link #load()}, with other templates (the shipped ones and a user's, say). */
    public static EvaluationService withBuiltInRules(TemplateCatalog templates) {
        // RuleBases.builtIn() opens the rules once per process and then answers at once.
        return new EvaluationService(templates, (EvaluationService self) -> new Evaluator(RuleBases.builtIn(), self.customTables));
    }

    public TemplateCatalog templates() {
        return templates;
    }

    /** The uploaded decision tables this service evaluates with, by hash. */
    public CustomTables customTables() {
        return customTables;
    }

    /**
     * Where a template's {@code decisionTables} cannot be used: a name the rules do not consult, a
     * table not uploaded, or one whose inputs or outputs are not those of the table it replaces, or
     * that declares an input to admit fewer values than that table does.
     *
     * @return problems with JSON pointers into the template ({@code /decisionTables/<name>})
     */
    public List<InputProblem> decisionTableProblems(ContractTemplate template) {
        List<InputProblem> problems = new ArrayList<>();
        template.decisionTables().forEach((name, hash) -> {
            String pointer = "/decisionTables/" + name.replace("~", "~0").replace("/", "~1");
            customTables.find(hash).ifPresentOrElse(
                    table -> table.mismatchWith(rules().decisionTables(), name).ifPresent(reason -> problems.add(new InputProblem(pointer, reason))),
                    () -> problems.add(new InputProblem(pointer, "no decision table " + hash
                            + " has been uploaded (POST /api/v1/decision-tables answers with its hash)")));
        });
        return problems;
    }

    /**
     * Makes a checked template available to evaluations at once, beside the others or in place of
     * an earlier one of its id.
     *
     * @throws InvalidInputException when its decision tables cannot be used ({@link #decisionTableProblems})
     */
    public synchronized void publish(ContractTemplate template) {
        InvalidInputException.throwIfAny(decisionTableProblems(template));
        templates = templates.plus(template);
    }

    /**
     * The template a contract is settled on: the file a stored version was made on, else the one
     * this service serves under the contract's template id.
     */
    public Optional<ContractTemplate> template(ContractChoice contract) {
        return contract.madeOn() != null ? Optional.of(contract.madeOn()) : templates.find(contract.templateId());
    }

    public RuleBase rules() {
        return evaluator.get().rules();
    }

    public Settlement evaluate(ContractChoice contract, PerformanceFacts facts) {
        // Not List.of, which refuses null: a missing contract or facts is for the check to name.
        return evaluateAll(Collections.singletonList(contract), Collections.singletonList(facts)).get(0);
    }

    /**
     * Many evaluations in batch sessions (a sweep, a simulation, a backtest); results in order. Each
     * request is checked here, each distinct facts validated once, and the engine does not check them
     * again.
     *
     * @throws InvalidInputException for the first request that cannot be settled, with pointers as
     *                               {@link #check} gives them (not prefixed with the request's index);
     *                               in a batch of more than one, its {@code request()} and message name
     *                               the request's index
     */
    public List<Settlement> evaluateAll(List<ContractChoice> contracts, List<PerformanceFacts> facts) {
        return evaluateAll(contracts, facts, Progress.NONE);
    }

    /** As {@link #evaluateAll(List, List)}, telling progress how many are settled as sessions finish. */
    public List<Settlement> evaluateAll(List<ContractChoice> contracts, List<PerformanceFacts> facts, Progress progress) {
        List<Settlement> settled = evaluator.get().evaluateAllChecked(requests(contracts, facts, these -> false, factsChecks), progress);
        // A replay says what its run said of the terms' years (evaluateAsStored), not what this code would say.
        return named(settled, contracts, factsChecks == FactsValidator.Checks.AS_STORED ? i -> List.of()
                : i -> ValuesOfOtherYears.of(template(contracts.get(i)).orElseThrow(), contracts.get(i), facts.get(i)));
    }

    /**
     * As {@link #evaluate}, for a replay: the findings on the terms' values in other performance years of the period are
     * found again from this service's template (the run's stored text) and the facts ({@link ValuesOfOtherYears}), so a
     * finding the run stored otherwise is a difference like any line's; none where {@code yearsSaid} is false, for a run
     * stored before they were said.
     */
    public Settlement evaluateAsStored(ContractChoice contract, PerformanceFacts facts, boolean yearsSaid) {
        List<ContractChoice> contracts = Collections.singletonList(contract);
        List<Settlement> settled = evaluator.get().evaluateAllChecked(
                requests(contracts, Collections.singletonList(facts), these -> false, factsChecks), Progress.NONE);
        return named(settled, contracts, i -> yearsSaid ? ValuesOfOtherYears.of(template(contract).orElseThrow(), contract, facts)
                : List.of()).get(0);
    }

    /**
     * A simulation's trials: the contract on each drawn facts, settled by the rules as
     * {@link #evaluateAll(List, List)} settles them (refusals alike), answered with each trial's
     * {@link Outcome}, which is all a trial is read for. Facts drawn from valid {@code observed} facts that
     * differ from them only in what a draw changes, within the validator's bounds ({@link DrawnFacts}), are
     * valid without validating them again; any others are validated whole (issue 15). What the terms need of the
     * facts is checked as for a stored run ({@link FactsValidator.Checks#AS_STORED}): the checks of the request's own
     * inputs added since runs were stored are the observed facts', and a draw is the simulation's, not the request's (a
     * practice of three members drawn at a cost of $0.00 was refused as a practice with member months and no cost of
     * care, and with it the simulation of facts an evaluation accepts: found from outside).
     */
    public List<Outcome> outcomesOfDraws(ContractChoice contract, PerformanceFacts observed, List<PerformanceFacts> drawn) {
        List<ContractChoice> contracts = Collections.nCopies(drawn.size(), contract);
        boolean observedValid = FactsValidator.problems(observed, factsChecks).isEmpty();
        Predicate<PerformanceFacts> validByDraw = these -> observedValid && DrawnFacts.validDraw(observed, these);
        return evaluator.get().outcomesChecked(requests(contracts, drawn, validByDraw, FactsValidator.Checks.AS_STORED));
    }

    /** Each settlement with the findings on its terms' other years' values, then naming the stored version it came from. */
    private static List<Settlement> named(List<Settlement> settled, List<ContractChoice> contracts,
                                          IntFunction<List<SettlementLine>> yearFindings) {
        List<Settlement> named = new ArrayList<>(settled.size());
        for (int i = 0; i < settled.size(); i++) {
            named.add(settled.get(i).sayingFirst(yearFindings.apply(i)).from(contracts.get(i).version()));
        }
        return named;
    }

    /**
     * Each request checked, what its terms need of its facts with {@code requirements}; its facts validated unless
     * already validated in this batch or {@code knownValid}.
     */
    private List<Evaluator.Request> requests(List<ContractChoice> contracts, List<PerformanceFacts> facts,
                                             Predicate<PerformanceFacts> knownValid, FactsValidator.Checks requirements) {
        List<Evaluator.Request> requests = new ArrayList<>(contracts.size());
        // The same facts for many contracts (a sweep, a comparison) are validated once.
        Set<PerformanceFacts> validFacts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < contracts.size(); i++) {
            PerformanceFacts these = facts.get(i);
            try {
                boolean validate = !validFacts.contains(these) && !knownValid.test(these);
                requests.add(new Evaluator.Request(check(contracts.get(i), these, validate, requirements), these));
            } catch (InvalidInputException e) {
                throw contracts.size() == 1 ? e : e.inRequest(i);
            }
            validFacts.add(these);
        }
        return requests;
    }

    /**
     * Checks many contracts against the same facts as {@link #evaluateEach} checks them, the facts validated once,
     * settling none: work accepted now to run later is refused at once for what its run would refuse.
     *
     * @throws InvalidInputException as {@link #evaluateAll(List, List)} throws it
     */
    public void checkEach(List<ContractChoice> contracts, PerformanceFacts facts) {
        requests(contracts, Collections.nCopies(contracts.size(), facts), these -> false, factsChecks);
    }

    /** Evaluates many contracts against the same facts. */
    public List<Settlement> evaluateEach(List<ContractChoice> contracts, PerformanceFacts facts) {
        return evaluateEach(contracts, facts, Progress.NONE);
    }

    /** As {@link #evaluateEach(List, PerformanceFacts)}, telling progress. */
    public List<Settlement> evaluateEach(List<ContractChoice> contracts, PerformanceFacts facts, Progress progress) {
        return evaluateAll(contracts, Collections.nCopies(contracts.size(), facts), progress);
    }

    /**
     * Checks a request without evaluating it and returns its resolved terms.
     *
     * @throws InvalidInputException listing every problem with its JSON pointer
     */
    public Terms check(ContractChoice contract, PerformanceFacts facts) {
        return check(contract, facts, true, factsChecks);
    }

    private Terms check(ContractChoice contract, PerformanceFacts facts, boolean validateFacts, FactsValidator.Checks requirements) {
        if (resolved.size() > RESOLVED_TERMS_KEPT) {
            resolved.clear();
        }
        List<InputProblem> problems = new ArrayList<>();
        if (validateFacts) {
            FactsValidator.problems(facts, factsChecks).forEach(p -> problems.add(p.prefixed("/facts")));
        }
        if (contract == null || contract.templateId() == null || contract.templateId().isBlank()) {
            problems.add(new InputProblem("/contract/templateId", "a template id is required"));
            throw new InvalidInputException(problems);
        }
        ContractTemplate template = template(contract).orElse(null);
        if (template == null) {
            problems.add(new InputProblem("/contract/templateId", templates.noTemplate(contract.templateId())));
            throw new InvalidInputException(problems);
        }
        if (facts == null || facts.period() == null) {
            throw new InvalidInputException(problems);
        }
        Terms terms = null;
        try {
            terms = resolved(template, contract, facts.period().performanceYear());
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(p.pointer().startsWith("/overrides")
                    ? p.prefixed("/contract") : p.prefixed("/facts")));
        }
        // A replay settles its run's days as they were settled (factsChecks): the check was added since runs were stored.
        boolean periodChecked = problems.stream().noneMatch(p -> p.pointer().startsWith("/facts/period"));
        if (terms != null && periodChecked && factsChecks == FactsValidator.Checks.ALL) {
            daysInYearsNotSettled(template, contract, facts.period()).forEach(p -> problems.add(p.prefixed("/facts")));
        }
        InvalidInputException.throwIfAny(contract.namedInTheRequest(problems));
        // The facts were validated above; only what these terms need of them is left to check.
        InvalidInputException.throwIfAny(contract.namedInTheRequest(Evaluator.unmetRequirements(terms, facts, requirements)));
        return terms;
    }

    /** The contract's terms for a performance year, resolved once and kept. */
    private Terms resolved(ContractTemplate template, ContractChoice contract, int performanceYear) {
        return resolved.computeIfAbsent(new ResolvedKey(contract, performanceYear, template.contentHash()),
                key -> TermsResolver.resolve(template, contract.overrides(), key.performanceYear(), factsChecks == FactsValidator.Checks.AS_STORED
                        ? ParameterDeclaration.Checks.AS_STORED : ParameterDeclaration.Checks.ALL));
    }

    /**
     * The days of the period in a performance year the template does not settle (before its first, past its last, or
     * one it gives a term no value for), each year's refused at the period's start when it is earlier than the
     * performance year and at its end when later, for the reason a contract version covering those days is refused
     * ({@link TermsResolver}, {@link ContractTemplate#outsideItsYears}). The period is settled at its performance year's
     * terms on every day ({@link ValuesOfOtherYears}), which would otherwise carry them to days the template says they
     * do not reach: found from outside, a July-to-June period 2018-07-01 to 2019-06-30 as 2019 settled under
     * mssp-aco-basic-a, whose terms begin in 2019, where a contract version of the same days is refused.
     */
    private List<InputProblem> daysInYearsNotSettled(ContractTemplate template, ContractChoice contract, PerformancePeriod period) {
        LocalDate start = PerformancePeriod.firstDay(period);
        LocalDate end = PerformancePeriod.lastDay(period);
        List<InputProblem> problems = new ArrayList<>();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            if (year == period.performanceYear()) {
                continue;
            }
            try {
                resolved(template, contract, year);
            } catch (InvalidInputException e) {
                LocalDate from = start.isAfter(LocalDate.of(year, 1, 1)) ? start : LocalDate.of(year, 1, 1);
                LocalDate to = end.isBefore(LocalDate.of(year, 12, 31)) ? end : LocalDate.of(year, 12, 31);
                String pointer = year < period.performanceYear() ? "/period/start" : "/period/end";
                String days = from + " to " + to + " of the period " + start + " to " + end + " fall in performance year " + year + ": ";
                // The overrides are checked for the performance year, whose terms settle every day; only the year is at fault here.
                e.problems().stream().filter(p -> p.pointer().equals("/period/performanceYear")).map(InputProblem::reason).distinct()
                        .forEach(reason -> problems.add(new InputProblem(pointer, days + reason)));
            }
        }
        return problems;
    }
}
