package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;
import org.accord.validation.InvalidInputException;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;
import org.drools.core.common.InternalAgenda;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A session kept and emptied between evaluations settles byte-identical to a new session: every
 * shipped template under both examples, evaluated A, B, A... on one thread in one order and then the
 * reverse, after a batch has used the same session, against each settled alone on a thread of its
 * own (a new thread has no kept session, so it settles in a new one).
 */
class KeptSessionsTest {

    private record Case(String template, String example) {
    }

    @Test
    void aKeptSessionSettlesEveryTemplateAsANewSessionDoes() throws Exception {
        EvaluationService service = Engine.service();
        List<Case> cases = new ArrayList<>();
        for (ContractTemplate template : service.templates().all()) {
            for (String example : List.of("valley-ipa", "small-panel")) {
                try {
                    service.evaluate(ContractChoice.of(template.id()), Engine.example(example));
                    cases.add(new Case(template.id(), example));
                } catch (InvalidInputException unsuited) {
                    // a template these facts do not suit (a period input it requires is missing)
                }
            }
        }
        // Enough templates suit the examples that the same session meets several rule paths in turn.
        assertThat(cases).hasSizeGreaterThan(10);

        List<String> fresh = new ArrayList<>();
        for (Case c : cases) {
            fresh.add(onNewThread(() -> settle(service, c)));
        }

        List<String> kept = onNewThread(() -> {
            List<String> settled = new ArrayList<>();
            // A batch first: the session the singles then reuse has held a hundred evaluations' facts.
            PerformanceFacts valley = Engine.example("valley-ipa");
            service.evaluateAll(Collections.nCopies(100, ContractChoice.of("mssp-basic")), Collections.nCopies(100, valley));
            for (Case c : cases) {
                settled.add(settle(service, c));
            }
            List<String> backwards = new ArrayList<>();
            for (int i = cases.size() - 1; i >= 0; i--) {
                backwards.add(0, settle(service, cases.get(i)));
            }
            assertThat(backwards).containsExactlyElementsOf(settled);
            return settled;
        });

        assertThat(kept).containsExactlyElementsOf(fresh);
    }

    @Test
    void aSessionGivenBackHoldsNoFactsMatchesOrGlobals() throws Exception {
        EvaluationService service = Engine.service();
        onNewThread(() -> {
            service.evaluate(ContractChoice.of("mssp-basic"), Engine.example("valley-ipa"));
            KieSession session = KeptSessions.take(Engine.service().rules().kieBase());
            try {
                assertThat(session.getObjects()).isEmpty();
                assertThat(session.getGlobal("tables")).isNull();
                InternalAgenda agenda = ((StatefulKnowledgeSessionImpl) session).getAgenda();
                assertThat(agenda.getFocusName()).isEqualTo("MAIN");
                assertThat(agenda.getAgendaGroupsManager().agendaSize()).isZero();
                // No match is left to fire in any phase.
                for (String phase : List.of("distribution", "pool", "cost left out", "ipa totals")) {
                    agenda.setFocus(phase);
                }
                assertThat(session.fireAllRules()).isZero();
            } finally {
                session.dispose();
            }
            return null;
        });
    }

    @Test
    void aThreadKeepsOneSessionForTheRuleBaseItLastUsed() throws Exception {
        onNewThread(() -> {
            KieBase base = Engine.service().rules().kieBase();
            KieSession first = KeptSessions.take(base);
            KeptSessions.giveBack(base, first);
            assertThat(KeptSessions.take(base)).isSameAs(first);
            // Taken, not given back: the next take on this thread makes a new one.
            KieSession second = KeptSessions.take(base);
            assertThat(second).isNotSameAs(first);
            first.dispose();
            second.dispose();
            return null;
        });
    }

    private static String settle(EvaluationService service, Case c) {
        Settlement settlement = service.evaluate(ContractChoice.of(c.template()), Engine.example(c.example()));
        return Json.write(settlement);
    }

    private static <T> T onNewThread(Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } finally {
            thread.shutdown();
        }
    }
}
