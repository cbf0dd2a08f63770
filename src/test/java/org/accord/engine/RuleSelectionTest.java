package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.Layouts;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * A contract settles on a base of only the rule files its concepts need (issue 15), and its
 * settlement is the one the whole rule base gives, byte for byte: every template under both
 * examples, every golden case and every ACO of the CMS files, one by one and as one batch of mixed
 * templates, on the shipped rules and on a stored rule set replayed.
 */
class RuleSelectionTest {

    private static final TemplateCatalog TEMPLATES = TemplateCatalog.load();
    private static final List<String> EXAMPLES = List.of("valley-ipa", "small-panel");

    @Test
    void everyTemplateAndGoldenCaseSettlesOnItsOwnRulesAsOnTheWholeBase() {
        assertSettlesAsOnTheWholeBase(Engine.service().rules(), true);
    }

    @Test
    void aStoredRuleSetReplayedSettlesOnItsOwnRulesAsOnTheWholeBase() {
        // The rule files as they were when quality measures were facts, given as text as a stored run's
        // rules are: compiled on demand, its bases of some files made from that.
        RuleBase stored = MeasuresOnPracticesTest.measuresAsFacts(false);

        RuleSelection trackOne = stored.forConcepts(conceptsOf("mssp-aco-track-1"));
        assertThat(trackOne).isNotSameAs(stored.whole());
        assertThat(trackOne.measuresAsFacts()).isEqualTo(Evaluator.matchesFactsOf(trackOne.kieBase(), Measure.class)).isTrue();

        // The CMS files are left out here: every template is reached by the shipped rules' test, and the
        // stored set's compiling is this test's time already.
        assertSettlesAsOnTheWholeBase(stored, false);
    }

    @Test
    void aContractsRulesAreItsConceptsFilesAndThoseNoClauseGates() {
        RuleBase rules = Engine.service().rules();
        RuleFileIndex index = rules.index().orElseThrow();
        Set<String> ungated = new TreeSet<>();
        index.conceptsByFile().forEach((file, concepts) -> {
            if (concepts.stream().anyMatch(Set::isEmpty)) {
                ungated.add(file);
            }
        });
        assertThat(ungated).contains("rules/ipa/totals.drl", "rules/cost/compared-cost.drl");
        assertThat(index.conceptsByFile().get("rules/payment/below-minimum-savings-rate.drl"))
                .contains(Set.of("shared-savings", "shared-savings-below-minimum-savings-rate"));

        ConceptRegistry registry = ConceptRegistry.shipped();
        int smaller = 0;
        for (ContractTemplate template : TEMPLATES.all()) {
            Set<String> concepts = conceptsOf(template.id());
            Set<String> conceptFiles = concepts.stream().flatMap(c -> registry.get(c).ruleFiles().stream())
                    .filter(f -> f.endsWith(".drl")).map(f -> RuleBase.FOLDER + "/" + f).collect(Collectors.toCollection(TreeSet::new));
            RuleSelection selection = rules.forConcepts(concepts);
            assertThat(selection.files()).as(template.id()).containsAll(conceptFiles).containsAll(ungated);
            Set<String> beyond = new TreeSet<>(selection.files());
            beyond.removeAll(conceptFiles);
            beyond.removeAll(ungated);
            assertThat(beyond).as(template.id() + ": files of concepts it does not have").isEmpty();
            if (selection != rules.whole()) {
                smaller++;
                assertThat(selection.files()).isSubsetOf(rules.whole().files()).hasSizeLessThan(rules.whole().files().size());
                assertThat(selection.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum())
                        .isLessThan(rules.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum());
            }
        }
        assertThat(smaller).as("templates settled on fewer files than all").isEqualTo(TEMPLATES.all().size());
        assertThat(rules.forConcepts(conceptsOf("mssp-basic"))).isSameAs(rules.forConcepts(conceptsOf("mssp-basic")));
    }

    @Test
    void aBaseOfSomeFilesIsBuiltOnceHoweverManyThreadsAskForIt() throws Exception {
        RuleBase rules = RuleBase.load();
        Set<String> concepts = conceptsOf("commercial-global-budget-stop-loss");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RuleSelection>> asked = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return rules.forConcepts(concepts);
                }));
            }
            start.countDown();
            RuleSelection first = asked.get(0).get();
            for (Future<RuleSelection> other : asked) {
                assertThat(other.get()).isSameAs(first);
            }
            assertThat(first).isNotSameAs(rules.whole());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Both examples under every template they suit, every golden case and (if asked) every ACO of the CMS
     * files, one by one and as one batch, on the bases of the contracts' files and on the whole base.
     */
    private static void assertSettlesAsOnTheWholeBase(RuleBase rules, boolean withCms) {
        EvaluationService selected = new EvaluationService(TEMPLATES, new Evaluator(rules));
        EvaluationService whole = new EvaluationService(TEMPLATES, Evaluator.onWholeRuleBase(rules));
        List<ContractChoice> choices = new ArrayList<>();
        List<PerformanceFacts> facts = new ArrayList<>();
        for (String example : EXAMPLES) {
            PerformanceFacts performance = Engine.example(example);
            for (ContractTemplate template : TEMPLATES.all()) {
                if (suits(whole, template.id(), performance)) {
                    choices.add(ContractChoice.of(template.id()));
                    facts.add(performance);
                }
            }
        }
        for (GoldenCases.GoldenCase golden : GoldenCases.all()) {
            choices.add(golden.choice());
            facts.add(golden.facts());
        }
        // The CMS program years' ACOs, under the templates of the Medicare tracks (the examples lack their inputs).
        for (BacktestInput input : withCms ? cmsFiles() : List.<BacktestInput>of()) {
            choices.addAll(input.contracts());
            facts.addAll(input.facts());
        }
        if (withCms) {
            assertThat(choices.stream().map(ContractChoice::templateId).distinct().count()).isEqualTo(TEMPLATES.all().size());
        }

        for (int i = 0; i < choices.size(); i++) {
            assertThat(Json.write(selected.evaluate(choices.get(i), facts.get(i))))
                    .as(choices.get(i).templateId() + " " + i)
                    .isEqualTo(Json.write(whole.evaluate(choices.get(i), facts.get(i))));
        }
        assertThat(Json.write(selected.evaluateAll(choices, facts))).isEqualTo(Json.write(whole.evaluateAll(choices, facts)));
    }

    private static List<BacktestInput> cmsFiles() {
        List<BacktestInput> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples/cms"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    inputs.add(Backtest.read(reader, Layouts.load(), null, csv.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    /** Whether the facts hold what the template's clauses require (small-panel lacks some period inputs). */
    private static boolean suits(EvaluationService service, String template, PerformanceFacts facts) {
        try {
            service.evaluate(ContractChoice.of(template), facts);
            return true;
        } catch (org.accord.validation.InvalidInputException e) {
            return false;
        }
    }

    private static Set<String> conceptsOf(String template) {
        return TEMPLATES.find(template).orElseThrow().clauses().stream().map(ClauseTemplate::concept)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
