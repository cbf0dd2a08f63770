package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ConceptDescriptor;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.Terms;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/** Checks shared by the scenarios, with problems named where the scenario's request puts them. */
final class Requests {

    private Requests() {
    }

    /**
     * Checks a contract and the facts; the engine's {@code /contract} pointers are moved to where
     * the scenario's request holds this contract ({@code /baseline}, {@code /proposals/1}).
     */
    static Terms check(EvaluationService service, ContractChoice contract, PerformanceFacts facts, String contractPointer) {
        try {
            return service.check(contract, facts);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(relocated(e.problems(), contractPointer));
        }
    }

    static List<InputProblem> relocated(List<InputProblem> problems, String contractPointer) {
        List<InputProblem> moved = new ArrayList<>();
        for (InputProblem p : problems) {
            moved.add(p.pointer().startsWith("/contract")
                    ? new InputProblem(contractPointer + p.pointer().substring("/contract".length()), p.reason())
                    : p);
        }
        return moved;
    }

    /** Clause id to concept for the template a contract the service accepted is settled on. */
    static Map<String, String> conceptsByClause(EvaluationService service, ContractChoice contract) {
        Map<String, String> concepts = new TreeMap<>();
        for (ClauseTemplate clause : service.template(contract).orElseThrow().clauses()) {
            concepts.put(clause.id(), clause.concept());
        }
        return concepts;
    }

    /** The IPA's gains or losses against its target: the IPA lines of concepts whose descriptor says riskSharing. */
    static BigDecimal riskSharing(Settlement settlement, Map<String, String> conceptsByClause) {
        return Outcome.of(settlement).ipaPaymentsOf(riskSharingClauses(conceptsByClause));
    }

    /** The clauses whose concept's descriptor says riskSharing: the same for every settlement of one template. */
    static Set<String> riskSharingClauses(Map<String, String> conceptsByClause) {
        Set<String> clauses = new HashSet<>();
        conceptsByClause.forEach((clause, concept) -> {
            ConceptDescriptor descriptor = ConceptRegistry.shipped().get(concept);
            if (descriptor != null && descriptor.riskSharing()) {
                clauses.add(clause);
            }
        });
        return Set.copyOf(clauses);
    }

    static void require(boolean condition, List<InputProblem> problems, String pointer, String reason) {
        if (!condition) {
            problems.add(new InputProblem(pointer, reason));
        }
    }
}
