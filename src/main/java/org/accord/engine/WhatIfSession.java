package org.accord.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.accord.engine.Evaluator.SessionFact;
import org.accord.settlement.SettlementLine;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One session kept across evaluations that differ a little (a sweep's points differ in a term, a
 * simulation's trials in costs and counts): each evaluation updates only the facts whose source
 * changed since the last, so only the rules that read them fire again. The rules insert what they
 * derive logically, so a line or derived fact whose conditions no longer hold is retracted by the
 * engine; what the session holds after firing is what a fresh session would hold for the same
 * request. Requests of another shape (other clauses, practices or measures) replace every fact.
 * Not thread-safe: one per thread.
 */
final class WhatIfSession implements AutoCloseable {

    private final KieSession session;
    private final Evaluation evaluation = new Evaluation(0);
    private final Map<String, FactHandle> handles = new HashMap<>();
    private final Map<String, Object> sources = new HashMap<>();

    WhatIfSession(RuleBase rules, DecisionTables tables) {
        session = rules.kieBase().newKieSession();
        session.setGlobal("tables", tables);
    }

    /** The lines the rules write for this request (checked beforehand, as the evaluator checks). */
    List<SettlementLine> settle(Evaluator.Request request) {
        Map<String, SessionFact> facts = Evaluator.sessionFacts(evaluation, request);
        if (!facts.keySet().equals(sources.keySet())) {
            handles.values().forEach(session::delete);
            handles.clear();
            sources.clear();
            facts.forEach((key, fact) -> {
                handles.put(key, session.insert(fact.fact()));
                sources.put(key, fact.source());
            });
        } else {
            facts.forEach((key, fact) -> {
                if (!Objects.equals(sources.get(key), fact.source())) {
                    session.update(handles.get(key), fact.fact());
                    sources.put(key, fact.source());
                }
            });
        }
        Evaluator.fire(session);
        List<SettlementLine> lines = new ArrayList<>();
        for (Object line : session.getObjects(new ClassObjectFilter(Line.class))) {
            lines.add(Evaluator.settlementLine((Line) line));
        }
        return lines;
    }

    @Override
    public void close() {
        session.dispose();
    }
}
