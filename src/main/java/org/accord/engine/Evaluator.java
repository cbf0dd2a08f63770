package org.accord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.accord.facts.FactDeclarations;
import org.accord.facts.FactsValidator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementAssembler;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ClauseTerms;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.Terms;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Evaluates contracts against performance facts with the compiled rules. A batch shares one
 * session: each evaluation's facts carry their {@link Evaluation}, and rules join on it. A session
 * holds only the rule files its contracts' concepts need ({@link RuleBase#forConcepts}): a batch of
 * contracts of different concepts settles in one session per set.
 *
 * <p>Rules fire in five phases: the IPA's totals and pooled measures ({@code ipa totals},
 * rules/ipa/totals.drl: the practices' figures summed), then clauses that leave cost out of the
 * comparison with targets ({@code cost left out}, a stop-loss), then the clauses settle (the main agenda) against the cost
 * that is left, then the {@code pool} phase totals what the IPA received and takes its fees off
 * the top, then the {@code distribution} phase splits the rest among practices. The phases are
 * the only ordering in the rule sets.
 *
 * <p>Rules write their lines to the session's global {@code lines} ({@link Lines}), which makes a
 * fact only of the lines a rule reads; a rule set stored before it inserted every line as a fact,
 * and those are collected from the session.
 */
public final class Evaluator {

    /**
     * Settled before the clauses, in this order: the IPA's totals and pooled measures (rules/ipa/totals.drl),
     * then what the cost compared with the targets leaves out (rules/cost/compared-cost.drl).
     */
    static final List<String> PHASES_BEFORE_CLAUSES = List.of("ipa totals", "cost left out");

    /** The rule that sums the practices into the IPA; a rule set stored before it existed has none. */
    static final String TOTALS_RULE = "The IPA's totals are its practices' figures summed, and each measure's counts pooled";
    static final List<String> PHASES_AFTER_CLAUSES = List.of("pool", "distribution");

    /** The global the rules write their lines to ({@link Lines}). */
    static final String LINES = "lines";

    private final RuleBase rules;
    private final CustomTables customTables;
    // Each contract settles on a base of only the rule files its concepts need (issue 15); false only to
    // compare with the whole base (tests and benchmarks).
    private final boolean onlyNeededRules;

    public Evaluator(RuleBase rules) {
        this(rules, new CustomTables());
    }

    /** With the uploaded decision tables that templates may answer with instead of shipped ones. */
    public Evaluator(RuleBase rules, CustomTables customTables) {
        this(rules, customTables, true);
    }

    private Evaluator(RuleBase rules, CustomTables customTables, boolean onlyNeededRules) {
        this.rules = rules;
        this.customTables = customTables;
        this.onlyNeededRules = onlyNeededRules;
    }

    /** An evaluator that settles every contract on the base of all the rule files: the comparison for tests and benchmarks. */
    static Evaluator onWholeRuleBase(RuleBase rules) {
        return new Evaluator(rules, new CustomTables(), false);
    }

    public RuleBase rules() {
        return rules;
    }

    /** One contract against one IPA's facts. */
    public Settlement evaluate(Terms terms, PerformanceFacts facts) {
        return evaluateAll(List.of(new Request(terms, facts))).get(0);
    }

    /**
     * Many independent evaluations, in sessions of at most {@link #EVALUATIONS_PER_SESSION} evaluations
     * and {@link #PRACTICES_PER_SESSION} practices; results in request order.
     */
    public List<Settlement> evaluateAll(List<Request> requests) {
        return evaluateAll(requests, Progress.NONE);
    }

    /** As {@link #evaluateAll(List)}, telling progress the evaluations settled after each session. */
    public List<Settlement> evaluateAll(List<Request> requests, Progress progress) {
        return evaluateAll(requests, progress, null);
    }

    /**
     * Evaluations settled in one session: a batch's facts never meet another evaluation's (rules
     * join on the evaluation), so a batch settles the same in one session or several; several let
     * a long batch tell its progress.
     */
    static final int EVALUATIONS_PER_SESSION = 100;

    /**
     * Practices settled in one session at most: a session's joins and fact tables grow with its
     * facts, and a batch of large IPAs settles with less CPU in smaller sessions (issue 15).
     */
    static final int PRACTICES_PER_SESSION = 500;

    /**
     * As {@link #evaluateAll(List, Progress)} for requests the caller has checked already (facts valid
     * under the shipped declarations, every clause's required inputs present: what
     * {@code EvaluationService.check} does), so they are not validated a second time (issue 15). Rules
     * that declare other facts than the shipped ones (a replay) check them again.
     */
    public List<Settlement> evaluateAllChecked(List<Request> requests, Progress progress) {
        return evaluateAll(requests, progress, null, rules.factDeclarations() == FactDeclarations.shipped(), settlements());
    }

    /**
     * As {@link #evaluateAllChecked}, answering each evaluation's {@link Outcome} instead of its
     * settlement: the rules settle each exactly as they would for a settlement, and its lines are
     * summed and checked as a settlement's are, but neither ordered nor explained (a simulation's
     * trials, which read only the totals: issue 15).
     */
    public List<Outcome> outcomesChecked(List<Request> requests) {
        return evaluateAll(requests, Progress.NONE, null, rules.factDeclarations() == FactDeclarations.shipped(), outcomes());
    }

    /** As {@link #evaluateAll(List, Progress)}, telling a listener every rule that fires (tests of rule coverage). */
    List<Settlement> evaluateAll(List<Request> requests, Progress progress, AgendaEventListener firings) {
        return evaluateAll(requests, progress, firings, false, settlements());
    }

    /** What a session's evaluations are made into, from each one's request and the lines the rules wrote for it. */
    private interface Results<T> {
        List<T> of(List<Request> session, List<List<Line>> written);
    }

    /** Settlements, each assembled from its lines. */
    private Results<Settlement> settlements() {
        // The facts' hash costs more than settling them (canonical JSON of every practice and measure):
        // it is taken only when a settlement's factsHash is read, and once for facts a sweep or a
        // comparison passes for every point.
        Map<PerformanceFacts, Supplier<String>> factsHashes = new IdentityHashMap<>();
        return (session, written) -> {
            List<Settlement> settlements = new ArrayList<>(session.size());
            for (int i = 0; i < session.size(); i++) {
                Request request = session.get(i);
                Supplier<String> factsHash = factsHashes.computeIfAbsent(request.facts(),
                        facts -> Settlement.hashOnce(() -> SettlementAssembler.factsHash(facts)));
                List<SettlementLine> lines = new ArrayList<>(written.get(i).size());
                written.get(i).forEach(line -> lines.add(settlementLine(line)));
                settlements.add(SettlementAssembler.assemble(request.terms(), request.facts(), factsHash, lines, rules.hash()));
            }
            return settlements;
        };
    }

    /** Outcomes, each summed from its lines' amounts. */
    private static Results<Outcome> outcomes() {
        return (session, written) -> {
            List<Outcome> outcomes = new ArrayList<>(session.size());
            for (int i = 0; i < session.size(); i++) {
                List<SettlementLine> lines = new ArrayList<>(written.get(i).size());
                for (Line line : written.get(i)) {
                    lines.add(SettlementLine.amountOnly(line.getScope(), line.getClauseId(), flowOf(line), line.getAmount(), line.getRule()));
                }
                outcomes.add(SettlementAssembler.outcome(session.get(i).terms(), session.get(i).facts(), lines));
            }
            return outcomes;
        };
    }

    private <T> List<T> evaluateAll(List<Request> requests, Progress progress, AgendaEventListener firings, boolean checked,
                                    Results<T> results) {
        if (!checked) {
            check(requests);
        }
        // A session consults one set of decision tables and runs on one base of rules: requests whose
        // templates answer with uploaded tables of their own, or whose clauses need other rule files,
        // settle in sessions apart (a batch of one template's contracts is one group).
        Map<SessionKind, List<Integer>> byKind = new LinkedHashMap<>();
        Map<Terms, RuleSelection> rulesByTerms = new IdentityHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Terms terms = requests.get(i).terms();
            RuleSelection selection = rulesByTerms.computeIfAbsent(terms, this::rulesFor);
            byKind.computeIfAbsent(new SessionKind(terms.decisionTables(), selection), k -> new ArrayList<>()).add(i);
        }
        List<T> settled = new ArrayList<>(Collections.nCopies(requests.size(), null));
        int done = 0;
        for (Map.Entry<SessionKind, List<Integer>> group : byKind.entrySet()) {
            DecisionTables tables = customTables.tablesFor(rules.decisionTables(), group.getKey().decisionTables());
            RuleSelection selection = group.getKey().rules();
            List<Integer> indices = group.getValue();
            for (int from = 0; from < indices.size(); ) {
                int to = sessionEnd(requests, indices, from);
                List<Integer> session = indices.subList(from, to);
                from = to;
                List<Request> these = session.stream().map(requests::get).toList();
                List<T> made;
                try {
                    made = results.of(these, linesWritten(these, tables, selection, firings));
                } catch (DecisionTables.TableMistake mistake) {
                    // Which upload it was: two templates of one batch may each replace the same table with their own.
                    String hash = group.getKey().decisionTables().get(mistake.modelName());
                    throw hash == null ? mistake : mistake.ofTable(hash);
                }
                for (int j = 0; j < session.size(); j++) {
                    settled.set(session.get(j), made.get(j));
                }
                done += session.size();
                progress.advanced(done, requests.size());
            }
        }
        return settled;
    }

    /** The rules the terms' clauses need: a base of only the files whose rules can fire for them. */
    private RuleSelection rulesFor(Terms terms) {
        if (!onlyNeededRules) {
            return rules.whole();
        }
        Set<String> concepts = new TreeSet<>();
        for (ClauseTerms clause : terms.clauses()) {
            concepts.add(clause.concept());
        }
        return rules.forConcepts(concepts);
    }

    /** What a session is made of: the decision tables it consults (uploaded ones by name) and its base of rules. */
    private record SessionKind(Map<String, String> decisionTables, RuleSelection rules) {
    }

    /**
     * Where a session that starts at {@code from} ends: at {@link #EVALUATIONS_PER_SESSION}
     * evaluations or {@link #PRACTICES_PER_SESSION} practices, whichever comes first, and never empty.
     */
    private static int sessionEnd(List<Request> requests, List<Integer> indices, int from) {
        int end = from;
        int practices = 0;
        do {
            practices += requests.get(indices.get(end)).facts().practices().size();
            end++;
        } while (end < indices.size() && end - from < EVALUATIONS_PER_SESSION
                && practices + requests.get(indices.get(end)).facts().practices().size() <= PRACTICES_PER_SESSION);
        return end;
    }

    /** Refuses a batch with any request the engine cannot settle, naming it by its index. */
    private void check(List<Request> requests) {
        // Facts passed many times over (a sweep's points, a comparison's proposals) are validated once.
        Set<PerformanceFacts> validFacts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            List<InputProblem> problems = validFacts.contains(request.facts())
                    ? unmetRequirements(request.terms(), request.facts())
                    : problems(request.terms(), request.facts(), rules.factDeclarations());
            if (problems.isEmpty()) {
                validFacts.add(request.facts());
            } else {
                String prefix = requests.size() == 1 ? "" : "/" + i;
                throw new InvalidInputException(problems.stream().map(p -> p.prefixed(prefix)).toList());
            }
        }
    }

    /** Fires the clauses, then the phases after them, in the order every settlement depends on. */
    static void fire(KieSession session) {
        // Focus is a stack: the phases before the clauses are pushed last first, so the first fires first,
        // and the focus falls back to the main agenda once they have nothing left to fire.
        try {
            for (int i = PHASES_BEFORE_CLAUSES.size() - 1; i >= 0; i--) {
                focus(session, PHASES_BEFORE_CLAUSES.get(i));
            }
            session.fireAllRules();
            for (String phase : PHASES_AFTER_CLAUSES) {
                focus(session, phase);
                session.fireAllRules();
            }
        } catch (RuntimeException e) {
            // Drools wraps what a consequence throws; a table's mistake is the reason, not the rule.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DecisionTables.TableMistake mistake) {
                    throw mistake;
                }
            }
            throw e;
        }
    }

    /**
     * A line the rules wrote, as a settlement carries it: its explanation is rendered when first
     * read, from the rule's sentence and the line's numbers (no rule touches them after the session).
     * A payable line comes in its flow, so that the settlement need not copy it to set one.
     */
    static SettlementLine settlementLine(Line line) {
        return SettlementLine.explainedLater(line.getScope(), line.getClauseId(), flowOf(line), line.getAmount(), line.getBasis(),
                line.getExplanation(), line.getRule(), line.getDetail());
    }

    /** A payable line's flow (payment, retained or distributed); null for a finding. */
    private static String flowOf(Line line) {
        return line.isPayable() ? SettlementAssembler.flow(line.getConcept(), line.getScope()) : null;
    }

    /** Settles requests already checked in one session: the lines the rules wrote for each, by its index in the session. */
    private List<List<Line>> linesWritten(List<Request> requests, DecisionTables tables, RuleSelection selection,
            AgendaEventListener firings) {
        List<List<Line>> written = new ArrayList<>(requests.size());
        // One evaluation (a request) settles in a pooled session; a listener's session is its own.
        Sessions.Lent lent = requests.size() == 1 && firings == null ? selection.sessions().lend() : null;
        KieSession session = lent != null ? lent.session() : selection.kieBase().newKieSession();
        try {
            session.setGlobal("tables", tables);
            Lines lines = new Lines(session::insert);
            // Rule sets stored before the rules wrote their lines to the global lines inserted every line as a
            // fact and declare no such global: their lines are collected from the session's facts.
            if (selection.linesGlobal()) {
                session.setGlobal(LINES, lines);
            }
            if (firings != null) {
                session.addEventListener(firings);
            }
            for (int i = 0; i < requests.size(); i++) {
                Evaluation evaluation = new Evaluation(i, requests.get(i).terms());
                written.add(new ArrayList<>());
                // Rule sets stored with earlier runs (replays compile them again) have no totals rule: the IPA's
                // totals are then summed here, as those rule sets expected. The shipped rules read measures with
                // `from`; rule sets stored before match Measure facts, and get them (issue 15).
                if (selection.totalsByRule()) {
                    insert(session, evaluation, requests.get(i), selection.measuresAsFacts());
                } else {
                    insertWithTotals(session, evaluation, requests.get(i), selection.measuresAsFacts());
                }
            }
            fire(session);
            for (Line line : lines.written()) {
                written.get(line.getEvaluation().getIndex()).add(line);
            }
            // Lines a rule inserted as facts itself (every line of a rule set stored before the global lines).
            // A class filter lets the session walk only its Line facts, not every fact it holds.
            for (Object object : session.getObjects(new ClassObjectFilter(Line.class))) {
                Line line = (Line) object;
                if (!lines.inserted(line)) {
                    written.get(line.getEvaluation().getIndex()).add(line);
                }
            }
        } finally {
            if (lent != null) {
                selection.sessions().done(lent);
            } else {
                session.dispose();
            }
        }
        return written;
    }

    /** Whether the rule base's rules declare the global (in any of their files). */
    static boolean declaresGlobal(RuleBase rules, String name) {
        return declaresGlobal(rules.kieBase(), name);
    }

    static boolean declaresGlobal(KieBase base, String name) {
        return base.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name)));
    }

    /**
     * Whether any rule of the rule base matches facts of the type in the session (the network has an
     * object type node that would take one). A rule that reads such objects only with {@code from}
     * matches none: they need not be inserted.
     */
    static boolean matchesFactsOf(RuleBase rules, Class<?> type) {
        return matchesFactsOf(rules.kieBase(), type);
    }

    /** As {@link #matchesFactsOf(RuleBase, Class)}, of the rules in one base (a contract's, or the whole rule set's). */
    static boolean matchesFactsOf(KieBase base, Class<?> type) {
        return ((org.drools.core.impl.InternalRuleBase) base).getRete().getObjectTypeNodes().stream()
                .anyMatch(node -> node.getObjectType().isAssignableFrom(type));
    }

    // A rule set without a rule of the phase (one compiled for a test) has no such agenda group.
    private static void focus(KieSession session, String phase) {
        org.kie.api.runtime.rule.AgendaGroup group = session.getAgenda().getAgendaGroup(phase);
        if (group != null) {
            group.setFocus();
        }
    }

    /**
     * The evaluation's inputs: its clauses, its practices (carrying their measures; the measures also
     * as facts for a rule set that matches them), and the payer's period inputs for the IPA. The IPA's
     * totals and pooled measures are the rule rules/ipa/totals.drl's.
     */
    private static void insert(KieSession session, Evaluation evaluation, Request request, boolean measuresAsFacts) {
        insertInputs(session, evaluation, request, measuresAsFacts);
        session.insert(ipaPeriod(evaluation, request.facts()));
    }

    // For rule sets stored before rules/ipa/totals.drl only (a replay of an earlier run): the inputs with
    // the IPA's totals and pooled measures summed here, as those rule sets expect. IPA-wide sums are taken
    // in long, exactly: FactLimit bounds every count so that no sum comes near the long limit, and
    // addExact would fail loudly rather than wrap should a bound ever be raised past it.
    private static void insertWithTotals(KieSession session, Evaluation evaluation, Request request, boolean measuresAsFacts) {
        long attributed = 0;
        long memberMonths = 0;
        BigDecimal riskWeighted = BigDecimal.ZERO;
        BigDecimal costOfCare = BigDecimal.ZERO;
        Map<String, long[]> pooledMeasures = new TreeMap<>();
        List<Practice> practices = insertInputs(session, evaluation, request, measuresAsFacts);
        for (Practice practice : practices) {
            attributed = Math.addExact(attributed, practice.getAttributedMembers());
            memberMonths = Math.addExact(memberMonths, practice.getMemberMonths());
            riskWeighted = riskWeighted.add(practice.getRiskWeightedMemberMonths());
            costOfCare = costOfCare.add(practice.getTotalCostOfCare());
        }
        for (PracticePerformance performance : request.facts().practices()) {
            for (QualityMeasureCount m : performance.qualityMeasures()) {
                long[] pooled = pooledMeasures.computeIfAbsent(m.measureId(), k -> new long[3]);
                pooled[0] = Math.addExact(pooled[0], m.numerator());
                pooled[1] = Math.addExact(pooled[1], m.denominator());
                pooled[2] = Math.addExact(pooled[2], m.exclusions());
            }
        }
        List<Measure> pooled = new ArrayList<>(pooledMeasures.size());
        pooledMeasures.forEach((id, c) -> pooled.add(new Measure(evaluation, Ipa.SCOPE, id, c[0], c[1], c[2])));
        if (measuresAsFacts) {
            pooled.forEach(session::insert);
        }
        session.insert(new Ipa(ipaPeriod(evaluation, request.facts()), practices.size(), attributed, memberMonths,
                riskWeighted, costOfCare, pooled));
    }

    /** The clauses, the practices and (for a rule set that matches them) their measures; returns the practices inserted. */
    private static List<Practice> insertInputs(KieSession session, Evaluation evaluation, Request request, boolean measuresAsFacts) {
        for (ClauseTerms clause : request.terms().clauses()) {
            session.insert(new Clause(evaluation, clause));
        }
        List<Practice> practices = new ArrayList<>(request.facts().practices().size());
        for (PracticePerformance performance : request.facts().practices()) {
            Practice practice = new Practice(evaluation, performance);
            session.insert(practice);
            practices.add(practice);
            if (measuresAsFacts) {
                practice.getMeasures().forEach(session::insert);
            }
        }
        return practices;
    }

    /** The payer's period inputs for the IPA: absent optional inputs null, a loss adjustment not given zero. */
    private static IpaPeriod ipaPeriod(Evaluation evaluation, PerformanceFacts facts) {
        PerformancePeriod period = facts.period();
        return new IpaPeriod(evaluation, facts.ipa().id(),
                period.assignedBeneficiaries() == null ? null : Long.valueOf(period.assignedBeneficiaries()),
                period.benchmarkExpenditure(), period.reportedQualityScore(), period.metQualityStandard(),
                period.lossAdjustment() == null ? BigDecimal.ZERO : period.lossAdjustment(),
                period.participantRevenue(), period.lowRevenue(),
                period.agreementStart() == null ? null : period.agreementStart().getYear(),
                period.metAlternativeQualityStandard(), yearOfAgreement(period));
    }

    // Counted in performance years from the agreement start; an agreement begun in April or July 2012
    // had a first performance year running to December 2013 (42 CFR 425.608).
    private static Integer yearOfAgreement(PerformancePeriod period) {
        if (period.agreementStart() == null) {
            return null;
        }
        int firstYear = period.agreementStart().getYear() == 2012 && period.agreementStart().getMonthValue() > 1
                ? 2013 : period.agreementStart().getYear();
        return period.performanceYear() - firstYear + 1;
    }

    /**
     * Everything that stops an evaluation before the engine: invalid facts, period inputs a clause
     * requires (its template's {@code requires}) that the facts lack, distribution floor shares
     * that cannot all be paid for the number of practices (or a cap of 0), and a risk corridor's target or a global budget of
     * zero. Pointers are relative to the request document ({@code /facts/...}, {@code /contract/overrides/...}).
     */
    public static List<InputProblem> problems(Terms terms, PerformanceFacts facts) {
        return problems(terms, facts, FactDeclarations.shipped());
    }

    /** As {@link #problems(Terms, PerformanceFacts)}, the extra facts checked against these declarations. */
    static List<InputProblem> problems(Terms terms, PerformanceFacts facts, FactDeclarations declarations) {
        List<InputProblem> problems = new ArrayList<>();
        FactsValidator.problems(facts, declarations).forEach(p -> problems.add(p.prefixed("/facts")));
        if (problems.isEmpty()) {
            problems.addAll(unmetRequirements(terms, facts));
        }
        return problems;
    }

    /**
     * What the terms need of facts already found valid: required period inputs, floors that can all be paid, a
     * corridor target and a global budget above zero.
     */
    public static List<InputProblem> unmetRequirements(Terms terms, PerformanceFacts facts) {
        return unmetRequirements(terms, facts, FactsValidator.Checks.ALL);
    }

    /**
     * As {@link #unmetRequirements(Terms, PerformanceFacts)}, with these checks: a replay ({@link FactsValidator.Checks#AS_STORED})
     * leaves out those added since runs were stored (a benchmark of zero against which a clause compares cost; a practice
     * with member months and no cost of care whose cost a distribution weighs).
     */
    public static List<InputProblem> unmetRequirements(Terms terms, PerformanceFacts facts, FactsValidator.Checks checks) {
        Request request = new Request(terms, facts);
        List<InputProblem> problems = new ArrayList<>();
        PerformancePeriod period = request.facts().period();
        if (checks == FactsValidator.Checks.ALL) {
            problems.addAll(benchmarkOfZero(request));
        }
        for (ClauseTerms clause : request.terms().clauses()) {
            if ("distribution".equals(clause.concept())) {
                problems.addAll(sharesThatCannotHold(request, clause));
                if (checks == FactsValidator.Checks.ALL) {
                    problems.addAll(membersWhoseCareCostNothing(request, clause));
                }
            }
            if ("risk-corridor".equals(clause.concept())) {
                problems.addAll(corridorWithoutATarget(request, clause));
            }
            if ("global-budget".equals(clause.concept())) {
                problems.addAll(budgetOfZero(request, clause));
            }
            for (String input : clause.requires()) {
                Object value = switch (input) {
                    case "benchmarkExpenditure" -> period.benchmarkExpenditure();
                    case "reportedQualityScore" -> period.reportedQualityScore();
                    default -> throw new IllegalStateException("clause " + clause.id() + " requires unknown input " + input);
                };
                if (value == null) {
                    problems.add(new InputProblem("/facts/period/" + input, "clause " + clause.id() + " ("
                            + clause.title() + ") needs " + input + " for the period"));
                }
            }
        }
        return problems;
    }

    /**
     * Shared savings and losses are the IPA's expenditures' difference from the benchmark, and their rates shares of it
     * (42 CFR 425.605, 425.610: savings rate = savings / benchmark, compared with the minimum savings and loss rates).
     * With a benchmark of zero no difference is a share of it: $9,000,000 spent against $0 was settled as "0% of the
     * $0.00 benchmark" and "no shared losses". A clause that reads the benchmark ({@code Ipa.benchmarkExpenditure} in its
     * concept's facts) needs it above zero; one absent is for its {@code requires} to name, and a contract that reads no
     * benchmark accepts any.
     */
    private static List<InputProblem> benchmarkOfZero(Request request) {
        BigDecimal benchmark = request.facts().period().benchmarkExpenditure();
        if (benchmark == null || benchmark.signum() != 0) {
            return List.of(); // absent: the clause's requires names it; negative: refused already
        }
        for (ClauseTerms clause : request.terms().clauses()) {
            if (ConceptRegistry.shipped().find(clause.concept()).map(c -> c.facts().contains("Ipa.benchmarkExpenditure")).orElse(false)) {
                return List.of(new InputProblem("/facts/period/benchmarkExpenditure", "clause " + clause.id() + " (" + clause.title()
                        + ") compares the IPA's expenditures with the benchmark, as savings or losses and their rate of it, and a"
                        + " benchmark of 0 makes every difference a share of nothing: a benchmark is above 0"));
            }
        }
        return List.of();
    }

    /**
     * A distribution that weighs each practice's own cost against its share of a cost target (cost performance at a
     * costPerformanceWeight above zero, or a deficit shared by own overspend; {@code rules/distribution/distribution.drl})
     * pays a practice for cost below its share. A practice whose members had member months and whose total cost of care
     * is zero is a missing claims feed, not performance: under mssp-basic, practice Z at $0.00 beside A and B at
     * $4,500,000.00 for the same 12,000 member months took the whole cost-performance share and twice their distribution
     * (found from outside). Refused at the practice's cost; a distribution that weighs no practice's cost (by member
     * months and quality, or with no cost target) reads none, and accepts it.
     */
    private static List<InputProblem> membersWhoseCareCostNothing(Request request, ClauseTerms distribution) {
        Object target = distribution.parameters().get("costPerformanceTarget");
        boolean weighsCost = ((BigDecimal) distribution.parameters().get("costPerformanceWeight")).signum() > 0
                || "own-overspend".equals(distribution.parameters().get("deficitAllocation"));
        if (!weighsCost || request.terms().clauses().stream().noneMatch(clause -> clause.id().equals(target))) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        List<PracticePerformance> practices = request.facts().practices();
        for (int i = 0; i < practices.size(); i++) {
            PracticePerformance practice = practices.get(i);
            if (practice.memberMonths() > 0 && practice.totalCostOfCare() != null && practice.totalCostOfCare().signum() == 0) {
                problems.add(new InputProblem("/facts/practices/" + i + "/totalCostOfCare", "practice " + practice.id() + " has "
                        + String.format(java.util.Locale.ROOT, "%,d", practice.memberMonths()) + " member months and a total cost of"
                        + " care of 0: clause " + distribution.id() + " (" + distribution.title() + ") weighs each practice's cost"
                        + " against its share of the " + target + " cost target, and a practice whose members had care has a cost of"
                        + " care above 0 (none is a missing claims feed, which would take the whole cost-performance share)"));
            }
        }
        return problems;
    }

    /**
     * A corridor measures the variance of cost from its target, targetPmpm x risk-weighted member months, and its
     * bands as shares of that target ({@code rules/risk/risk-corridor.drl}). With a target of zero no variance is a
     * share of it: every band would start at zero and the whole cost fall in the outer one.
     */
    private static List<InputProblem> corridorWithoutATarget(Request request, ClauseTerms corridor) {
        return perMemberMonthAmountOfZero(request, corridor, "targetPmpm", "target", "measures its bands as shares of its target",
                "no variance is a share of it");
    }

    /**
     * A global budget is budgetPmpm x risk-weighted member months, and the cost compared with it in excess of it is
     * a deficit shared at the deficit share rate ({@code rules/payment/global-budget.drl}). With a budget of zero the
     * whole cost would be that deficit: the IPA would bear a share of all its care, which no budget means.
     */
    private static List<InputProblem> budgetOfZero(Request request, ClauseTerms budget) {
        return perMemberMonthAmountOfZero(request, budget, "budgetPmpm", "budget", "shares a surplus or deficit against its budget",
                "the whole cost compared with it would be a deficit");
    }

    /**
     * The problem with an amount a clause sets at a PMPM term x risk-weighted member months, when it is zero. Risk
     * scores are above zero, so it is zero exactly when the PMPM is or no practice has member months; the PMPM is
     * named where the request set it, or the contract when its template's own value is 0.
     */
    private static List<InputProblem> perMemberMonthAmountOfZero(Request request, ClauseTerms clause, String pmpm, String amount,
                                                                 String whatItDoes, String whyNotZero) {
        String does = "clause " + clause.id() + " (" + clause.title() + ") " + whatItDoes + ", " + pmpm + " x risk-weighted member months, ";
        if (((BigDecimal) clause.parameters().get(pmpm)).signum() == 0) {
            return List.of(new InputProblem(request.terms().overrides().containsKey(pmpm) ? "/contract/overrides/" + pmpm : "/contract",
                    does + "and a " + pmpm + " of 0 makes that " + amount + " 0: " + whyNotZero));
        }
        if (request.facts().practices().stream().allMatch(practice -> practice.memberMonths() == 0)) {
            return List.of(new InputProblem("/facts/practices",
                    does + "and no practice has member months, so that " + amount + " is 0: " + whyNotZero));
        }
        return List.of();
    }

    /**
     * Floors that cannot all be paid: a floor share for each practice adding up to more than the pool. Caps that add up
     * to less than it (0.40 for an IPA of one or two practices) are no such matter: a deficit is shared without them
     * ("floors and caps bind only a positive pool"), and of a surplus what they cut that no practice can take is
     * retained by the IPA on a line of its own ({@code rules/distribution/distribution.drl}). Only a cap of 0, which
     * leaves a positive pool to no practice at all, and a floor above the cap, which no share can meet, are refused.
     */
    private static List<InputProblem> sharesThatCannotHold(Request request, ClauseTerms distribution) {
        int practices = request.facts().practices().size();
        BigDecimal cap = (BigDecimal) distribution.parameters().get("practiceCapShare");
        BigDecimal floor = (BigDecimal) distribution.parameters().get("practiceFloorShare");
        List<InputProblem> problems = new ArrayList<>();
        if (cap.signum() == 0) {
            problems.add(new InputProblem(request.terms().overrides().containsKey("practiceCapShare")
                    ? "/contract/overrides/practiceCapShare" : "/contract", "a cap of 0 leaves a positive pool to no practice"));
        }
        if (floor.multiply(BigDecimal.valueOf(practices)).compareTo(BigDecimal.ONE) > 0) {
            problems.add(new InputProblem(request.terms().overrides().containsKey("practiceFloorShare")
                    ? "/contract/overrides/practiceFloorShare" : "/facts/practices",
                    "a floor of " + floor.toPlainString() + " of the pool for each of " + practices + " practices exceeds the pool"));
        } else if (cap.signum() > 0 && floor.compareTo(cap) > 0) {
            // Refused before with the caps that came to less than the pool: floors above the cap come to more than it
            // wherever the caps do not.
            problems.add(new InputProblem(request.terms().overrides().containsKey("practiceFloorShare")
                    ? "/contract/overrides/practiceFloorShare" : request.terms().overrides().containsKey("practiceCapShare")
                    ? "/contract/overrides/practiceCapShare" : "/contract",
                    "a floor of " + floor.toPlainString() + " of the pool is above the cap of " + cap.toPlainString()
                            + ": no practice can be paid at least the one and at most the other"));
        }
        return problems;
    }

    /** One evaluation to run: resolved terms and an IPA's facts. */
    public record Request(Terms terms, PerformanceFacts facts) {
    }
}
