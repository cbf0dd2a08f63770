package org.accord.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What check refuses, evaluate refuses the same way: validate and evaluate never disagree. */
class EvaluationServiceTest {

    private final EvaluationService service = Engine.service();
    /** The rule that says a term's value differs in another performance year of the period. */
    private static final String YEAR_VALUE_RULE =
            "A term valued by performance year is settled at its performance year's value on every day of the period";
    private final PerformanceFacts valley = Engine.example("valley-ipa");

    @Test
    void weightsThatDoNotAddUpToOneAreRefusedBeforeTheEngineNamingEachWeight() {
        ContractChoice contract = ContractChoice.of("mssp-basic").with("memberMonthsWeight", "0.7");

        InvalidInputException checked = catchThrowableOfType(InvalidInputException.class, () -> service.check(contract, valley));
        InvalidInputException evaluated = catchThrowableOfType(InvalidInputException.class, () -> service.evaluate(contract, valley));

        assertThat(checked.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/contract/overrides/memberMonthsWeight", "/contract/overrides/qualityWeight",
                "/contract/overrides/costPerformanceWeight");
        assertThat(checked.problems()).allSatisfy(p -> assertThat(p.reason()).contains("= 1.20", "must add up to 1"));
        assertThat(evaluated.problems()).isEqualTo(checked.problems());
    }

    /**
     * A field a scale's rungs do not have was accepted and ignored until rung fields were checked, and runs were stored
     * with one; a replay must settle them as they ran (found from outside: they were refused on replay, a 422). A new
     * request is refused; a replay's terms pass only the checks they passed when the run was made, as its facts do.
     */
    @Test
    void aRunMadeWithARungFieldTheScaleDoesNotHaveReplaysAsItRanWhileARequestIsRefused() {
        List<java.util.Map<String, String>> bands = List.of(
                java.util.Map.of("threshold", "0", "ipaShareOfGains", "1.00", "ipaShareOfLosses", "1.00", "bogus", "0.7"),
                java.util.Map.of("threshold", "0.02", "ipaShareOfGains", "0.50", "ipaShareOfLosses", "0.50", "bogus", "0.7"),
                java.util.Map.of("threshold", "0.05", "ipaShareOfGains", "0.20", "ipaShareOfLosses", "0.20", "bogus", "0.7"));
        ContractChoice withAFieldTheBandsDoNotHave = ContractChoice.of("ma-capitation").with("corridorBands", bands);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(withAFieldTheBandsDoNotHave, valley));
        Settlement replayed = EvaluationService.forReplay(org.accord.terms.TemplateCatalog.load(),
                new org.accord.engine.Evaluator(org.accord.engine.RuleBases.builtIn())).evaluate(withAFieldTheBandsDoNotHave, valley);

        assertThat(refused.problems()).extracting(InputProblem::pointer).containsExactly("/contract/overrides/corridorBands/0/bogus",
                "/contract/overrides/corridorBands/1/bogus", "/contract/overrides/corridorBands/2/bogus");
        // the shipped bands are these but for the field, which no rule reads: the same money
        assertThat(replayed.totals()).isEqualTo(service.evaluate(ContractChoice.of("ma-capitation"), valley).totals());
    }

    @Test
    void aCapShareOfZeroIsRefusedNamingTheOverride() {
        // Inside its declared range 0-1, but no practice could receive any of a positive pool; the check
        // used to divide by it while writing its message.
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> service.check(ContractChoice.of("mssp-basic").with("practiceCapShare", "0"), valley));

        assertThat(e.problems()).containsExactly(new InputProblem("/contract/overrides/practiceCapShare",
                "a cap of 0 leaves a positive pool to no practice"));
    }

    @Test
    void aMeasureNoClauseKnowsIsNamedInAFindingAndChangesNoAmount() {
        // "CPB" is a misspelt "CBP": mssp-basic's measureGates list CBP, HBD-POOR, BCS, COL, DSF and AWV only
        PerformanceFacts misspelt = withExtraMeasure(valley, new QualityMeasureCount("CPB", 50, 100, 0));

        Settlement settlement = service.evaluate(ContractChoice.of("mssp-basic"), misspelt);
        Settlement plain = service.evaluate(ContractChoice.of("mssp-basic"), valley);

        assertThat(settlement.findings()).filteredOn(f -> f.rule().equals(UNKNOWN_MEASURE)).singleElement().satisfies(f -> {
            assertThat(f.scope()).isEqualTo("IPA");
            assertThat(f.clause()).isEqualTo("quality-measures");
            assertThat(f.basis()).containsEntry("measure", "CPB").containsEntry("practices", 1L);
            assertThat(f.explanation()).startsWith("CPB: reported for 1 practice, but no clause of this contract lists it");
        });
        assertThat(plain.findings()).noneMatch(f -> f.rule().equals(UNKNOWN_MEASURE));
        assertThat(settlement.totals()).isEqualTo(plain.totals());
    }

    private static final String UNKNOWN_MEASURE = "A reported measure that no clause of the contract knows changes no amount and is named";

    private static PerformanceFacts withExtraMeasure(PerformanceFacts facts, QualityMeasureCount extra) {
        List<PracticePerformance> practices = new ArrayList<>(facts.practices());
        PracticePerformance p = practices.get(0);
        List<QualityMeasureCount> measures = new ArrayList<>(p.qualityMeasures());
        measures.add(extra);
        practices.set(0, new PracticePerformance(p.id(), p.name(), p.attributedMembers(), p.memberMonths(), p.averageRiskScore(),
                p.totalCostOfCare(), p.feeScheduleAllowedAmount(), p.visits(), p.annualWellnessVisits(), p.edVisits(),
                p.inpatientAdmissions(), measures));
        return new PerformanceFacts(facts.ipa(), facts.period(), practices);
    }

    /** A simulation's batch: one contract, many facts of one year. */
    @Test
    void manyFactsUnderOneContractSettleInOneBatchAsEachAlone() {
        ContractChoice contract = ContractChoice.of("mssp-basic");
        List<PerformanceFacts> years = new ArrayList<>();
        for (int k = 0; k < 45; k++) {
            years.add(withFirstPracticeCost(valley, valley.practices().get(0).totalCostOfCare().add(java.math.BigDecimal.valueOf(k * 25_000L))));
        }

        List<Settlement> together = service.evaluateAll(Collections.nCopies(years.size(), contract), years);

        assertThat(together).hasSize(years.size());
        for (int k = 0; k < years.size(); k += 11) {
            assertSettlesAsAlone(together.get(k), contract, years.get(k));
        }
    }

    /**
     * A batch of contracts of different templates settles each as it settles alone, line order included:
     * contracts whose clauses need the same rule files share a session, and a settlement takes only its
     * own evaluation's lines from it, in its own order.
     */
    @Test
    void aBatchOfDifferentTemplatesSettlesEachAsAlone() {
        List<ContractChoice> contracts = new ArrayList<>();
        for (org.accord.terms.ContractTemplate template : service.templates().all()) {
            ContractChoice contract = ContractChoice.of(template.id());
            try {
                service.check(contract, valley);
                contracts.add(contract);
            } catch (InvalidInputException needsOtherFacts) {
                // a template whose clauses need period inputs the example lacks is not part of this batch
            }
        }
        assertThat(contracts).hasSizeGreaterThan(5);

        List<Settlement> together = service.evaluateEach(contracts, valley);

        for (int k = 0; k < contracts.size(); k++) {
            assertSettlesAsAlone(together.get(k), contracts.get(k), valley);
        }
    }

    /** A settlement from a batch is, byte for byte, the one the contract and facts give evaluated alone. */
    private void assertSettlesAsAlone(Settlement fromBatch, ContractChoice contract, PerformanceFacts facts) {
        assertThat(org.accord.io.Json.write(fromBatch)).as(contract.templateId())
                .isEqualTo(org.accord.io.Json.write(service.evaluate(contract, facts)));
    }

    /** The engine does not validate a batch the service has checked: every distinct facts is validated here. */
    @Test
    void everyFactsOfABatchIsValidatedNotOnlyTheFirst() {
        List<PerformanceFacts> years = List.of(valley, withFirstPracticeCost(valley, java.math.BigDecimal.valueOf(-1)));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluateAll(Collections.nCopies(years.size(), ContractChoice.of("mssp-basic")), years));

        assertThat(e.problems()).extracting(InputProblem::pointer).containsExactly("/facts/practices/0/totalCostOfCare");
        assertThat(e.request()).hasValue(1);
        assertThat(e).hasMessageStartingWith("request 1 of the batch: /facts/practices/0/totalCostOfCare: ");
    }

    /** A single evaluation's problems are its own: no index named. */
    @Test
    void aLoneRequestsProblemsNameNoIndex() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(ContractChoice.of("mssp-basic"), withFirstPracticeCost(valley, java.math.BigDecimal.valueOf(-1))));

        assertThat(e.request()).isEmpty();
        assertThat(e).hasMessageStartingWith("/facts/practices/0/totalCostOfCare: ");
    }

    /**
     * The global budget caps a practice at 40% of a positive pool: two practices cannot take it all, and the evaluation
     * was refused before the pool was known ("the pool needs at least 3 practices; there are 2"), a deficit too. The caps
     * bind only a positive pool and what they cut that no practice can take is retained by the IPA, so both settle
     * (golden global-budget/two-practices-*); floors that add up to more than the pool still cannot be paid.
     */
    @Test
    void aCapTheIpaHasTooFewPracticesForSettlesAndFloorsThatCannotBePaidAreRefused() {
        PerformanceFacts two = new PerformanceFacts(valley.ipa(), valley.period(), valley.practices().subList(0, 2));

        Settlement settlement = service.evaluate(ContractChoice.of("commercial-global-budget"), two);

        assertThat(settlement.totals().practices()).hasSize(2);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(ContractChoice.of("commercial-global-budget").with("practiceFloorShare", "0.6"), two));
        assertThat(e.problems()).containsExactly(new InputProblem("/contract/overrides/practiceFloorShare",
                "a floor of 0.6 of the pool for each of 2 practices exceeds the pool"));
        // 2 x 0.45 is within the pool, but above the cap of 0.40 no practice can be paid it: caps short of the pool let it by
        InvalidInputException aboveTheCap = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(ContractChoice.of("commercial-global-budget").with("practiceFloorShare", "0.45"), two));
        assertThat(aboveTheCap.problems()).containsExactly(new InputProblem("/contract/overrides/practiceFloorShare",
                "a floor of 0.45 of the pool is above the cap of 0.40: no practice can be paid at least the one and at most the other"));
    }

    /**
     * The corridor's bands are shares of its target, targetPmpm x risk-weighted member months. With no member
     * months the target was 0, every band started at 0 and the IPA bore 20% of its whole cost in the outer band
     * (its variance "0% of target"): such facts are refused, naming them and why.
     */
    @Test
    void aRiskCorridorWithATargetOfZeroIsRefusedBeforeTheEngine() {
        PerformanceFacts noMemberMonths = withoutMemberMonths(valley);

        InvalidInputException facts = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(ContractChoice.of("ma-capitation"), noMemberMonths));
        InvalidInputException terms = catchThrowableOfType(InvalidInputException.class,
                () -> service.evaluate(ContractChoice.of("ma-capitation").with("targetPmpm", "0"), valley));

        assertThat(facts.problems()).containsExactly(new InputProblem("/facts/practices", "clause risk-corridor (Risk corridor) "
                + "measures its bands as shares of its target, targetPmpm x risk-weighted member months, and no practice has member "
                + "months, so that target is 0: no variance is a share of it"));
        assertThat(terms.problems()).containsExactly(new InputProblem("/contract/overrides/targetPmpm", "clause risk-corridor (Risk "
                + "corridor) measures its bands as shares of its target, targetPmpm x risk-weighted member months, and a targetPmpm of 0 "
                + "makes that target 0: no variance is a share of it"));
        // A template without a corridor settles the same facts.
        assertThat(service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), noMemberMonths).totals().practices())
                .hasSize(noMemberMonths.practices().size());
    }

    /**
     * A global budget is budgetPmpm x risk-weighted member months. With no member months the budget was 0, the whole
     * cost of care a "deficit" and the IPA charged its deficit share of it: such facts are refused, naming them and
     * why, under the budget with a stop-loss too.
     */
    @Test
    void aGlobalBudgetOfZeroIsRefusedBeforeTheEngine() {
        PerformanceFacts noMemberMonths = withoutMemberMonths(valley);

        for (String template : List.of("commercial-global-budget", "commercial-global-budget-stop-loss")) {
            InvalidInputException facts = catchThrowableOfType(InvalidInputException.class,
                    () -> service.evaluate(ContractChoice.of(template), noMemberMonths));
            InvalidInputException terms = catchThrowableOfType(InvalidInputException.class,
                    () -> service.evaluate(ContractChoice.of(template).with("budgetPmpm", "0"), valley));

            assertThat(facts.problems()).as(template).containsExactly(new InputProblem("/facts/practices", "clause global-budget "
                    + "(Global budget) shares a surplus or deficit against its budget, budgetPmpm x risk-weighted member months, and no "
                    + "practice has member months, so that budget is 0: the whole cost compared with it would be a deficit"));
            assertThat(terms.problems()).as(template).containsExactly(new InputProblem("/contract/overrides/budgetPmpm", "clause "
                    + "global-budget (Global budget) shares a surplus or deficit against its budget, budgetPmpm x risk-weighted member "
                    + "months, and a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit"));
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> service.check(ContractChoice.of(template), noMemberMonths))
                    .problems()).isEqualTo(facts.problems());
        }
        // A template without a budget settles the same facts.
        assertThat(service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), noMemberMonths).totals().practices())
                .hasSize(noMemberMonths.practices().size());
    }

    private static PerformanceFacts withoutMemberMonths(PerformanceFacts facts) {
        List<PracticePerformance> practices = new ArrayList<>();
        for (PracticePerformance p : facts.practices()) {
            // No members at the period's end either, nor wellness visits: a member attributed then, or who had a visit, has
            // member months (FactsValidator).
            practices.add(new PracticePerformance(p.id(), p.name(), 0, 0, p.averageRiskScore(), p.totalCostOfCare(),
                    p.feeScheduleAllowedAmount(), p.visits(), 0, p.edVisits(), p.inpatientAdmissions(),
                    p.qualityMeasures(), p.extra()));
        }
        return new PerformanceFacts(facts.ipa(), facts.period(), practices);
    }

    private static PerformanceFacts withFirstPracticeCost(PerformanceFacts facts, java.math.BigDecimal cost) {
        List<PracticePerformance> practices = new ArrayList<>(facts.practices());
        practices.set(0, practices.get(0).withTotalCostOfCare(cost));
        return new PerformanceFacts(facts.ipa(), facts.period(), practices);
    }

    /**
     * Found from outside (probe 3, F12): commercial-global-budget's budgetPmpm is 1020.00 from 2025 and 1055.00 from
     * 2026, its surplus and deficit share rates 0.60/0.40 and 0.70/0.50. Facts of a July-to-June year, 2025-07-01 to
     * 2026-06-30: 49,680 risk-weighted member months (24,000 x 1.0 + 12,000 x 1.2 + 6,000 x 0.9 + 3,600 x 1.1 + 2,400 x
     * 0.8) and a cost of care of $51,412,400.00. As performance year 2025 every month is settled at 1020.00: a budget of
     * $50,673,600.00, a deficit of $738,800.00 shared at 40%, -$295,520.00; as 2026 at 1055.00: $52,412,400.00, a surplus of
     * $1,000,000.00 shared at 70%, +$700,000.00. Each settlement says which value it used and what the months of the other
     * year would have had; a year's facts that stay in their year say nothing of the kind.
     */
    @Test
    void aPeriodAcrossAChangeOfATermsYearlyValueIsSettledAtItsPerformanceYearsAndSaysTheOther() throws Exception {
        String fiscalYear = new String(getClass().getResourceAsStream("/facts/across-years/fiscal-year-global-budget.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        PerformanceFacts asOf2025 = org.accord.io.Json.MAPPER.readValue(fiscalYear, PerformanceFacts.class);
        PerformanceFacts asOf2026 = org.accord.io.Json.MAPPER.readValue(
                fiscalYear.replace("\"performanceYear\": 2025", "\"performanceYear\": 2026"), PerformanceFacts.class);
        assertThat(asOf2026.period().performanceYear()).isEqualTo(2026);
        ContractChoice budget = ContractChoice.of("commercial-global-budget");

        Settlement as2025 = service.evaluate(budget, asOf2025);
        Settlement as2026 = service.evaluate(budget, asOf2026);

        assertThat(amountOf(as2025, "global-budget")).isEqualByComparingTo("-295520.00");
        assertThat(amountOf(as2026, "global-budget")).isEqualByComparingTo("700000.00");
        List<String> said2025 = as2025.findings().stream().filter(f -> f.rule().equals(YEAR_VALUE_RULE))
                .map(org.accord.settlement.SettlementLine::explanation).toList();
        assertThat(said2025).containsExactly(
                "budgetPmpm (clause global-budget, Global budget) is 1020.00 in performance year 2025, the facts' performance year,"
                        + " and every day of the period 2025-07-01 to 2026-06-30 is settled at it; 2026-01-01 to 2026-06-30 fall in"
                        + " performance year 2026, in which it is 1055.00.",
                "surplusShareRate (clause global-budget, Global budget) is 0.60 in performance year 2025, the facts' performance"
                        + " year, and every day of the period 2025-07-01 to 2026-06-30 is settled at it; 2026-01-01 to 2026-06-30 fall"
                        + " in performance year 2026, in which it is 0.70.",
                "deficitShareRate (clause global-budget, Global budget) is 0.40 in performance year 2025, the facts' performance"
                        + " year, and every day of the period 2025-07-01 to 2026-06-30 is settled at it; 2026-01-01 to 2026-06-30 fall"
                        + " in performance year 2026, in which it is 0.50.");
        assertThat(as2026.findings().get(0).explanation()).isEqualTo("budgetPmpm (clause global-budget, Global budget) is 1055.00"
                + " in performance year 2026, the facts' performance year, and every day of the period 2025-07-01 to 2026-06-30 is"
                + " settled at it; 2025-07-01 to 2025-12-31 fall in performance year 2025, in which it is 1020.00.");
        // A contract that sets the term itself has one value in every year: nothing to say of it.
        Settlement ownBudget = service.evaluate(budget.with("budgetPmpm", "1020.00"), asOf2025);
        assertThat(ownBudget.findings()).noneMatch(f -> f.detail() != null && f.detail().startsWith("budgetPmpm"));
        assertThat(valley.period().start().getYear()).isEqualTo(valley.period().end().getYear());
        assertThat(service.evaluate(budget, valley).findings()).noneMatch(f -> f.rule().equals(YEAR_VALUE_RULE));
    }

    /**
     * A replay finds the terms' years again from the template and facts, as the evaluation did; nothing for a run stored
     * before they were said (it replays identical).
     */
    @Test
    void aReplayFindsTheTermsYearsAgainUnlessItsRunWasStoredBeforeTheyWereSaid() throws Exception {
        PerformanceFacts fiscalYear = org.accord.io.Json.MAPPER.readValue(
                getClass().getResourceAsStream("/facts/across-years/fiscal-year-global-budget.json"), PerformanceFacts.class);
        ContractChoice budget = ContractChoice.of("commercial-global-budget");
        Settlement now = service.evaluate(budget, fiscalYear);
        EvaluationService replaying = EvaluationService.forReplay(org.accord.terms.TemplateCatalog.load(),
                new org.accord.engine.Evaluator(org.accord.engine.RuleBases.builtIn()));
        List<org.accord.settlement.SettlementLine> said = now.findings().stream().filter(f -> f.rule().equals(YEAR_VALUE_RULE)).toList();
        assertThat(said).hasSize(3);

        assertThat(replaying.evaluateAsStored(budget, fiscalYear, true)).isEqualTo(now);
        Settlement storedBefore = replaying.evaluateAsStored(budget, fiscalYear, false);
        assertThat(storedBefore.findings()).isEqualTo(now.findings().subList(3, now.findings().size()));
        assertThat(storedBefore.lines()).isEqualTo(now.lines());
    }

    private static java.math.BigDecimal amountOf(Settlement settlement, String clause) {
        return settlement.lines().stream().filter(l -> l.scope().equals("IPA") && l.clause().equals(clause)).findFirst()
                .orElseThrow().amount();
    }
}
