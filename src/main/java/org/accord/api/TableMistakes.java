package org.accord.api;

import java.util.Map;
import java.util.function.Supplier;
import org.accord.engine.DecisionTables.TableMistake;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.terms.ContractTemplate;

/**
 * An uploaded decision table's mistake named at the field of the request that brought the table in:
 * the contract whose template answers with the table, by the field that chose it, its template
 * ({@code /contract/templateId}) or its stored version ({@code /contract/contractVersionId}), wherever the
 * request holds that contract ({@code /baseline}, {@code /proposals/1}). Not the facts: the same facts
 * settle under the shipped table, and a table can fail for what it answers as well as for what it is asked.
 */
final class TableMistakes {

    private TableMistakes() {
    }

    /**
     * The work's result; a table's mistake in it named at the first of the contracts, in the request's
     * order, whose template answers with that table.
     *
     * @param contracts each contract of the request by where the request holds it, in the request's order
     */
    static <T> T named(Supplier<T> work, EvaluationService templates, Map<String, ContractChoice> contracts) {
        try {
            return work.get();
        } catch (TableMistake mistake) {
            throw named(mistake, templates, contracts);
        }
    }

    static TableMistake named(TableMistake mistake, EvaluationService templates, Map<String, ContractChoice> contracts) {
        Map.Entry<String, ContractChoice> bringing = null;
        String hash = null;
        for (Map.Entry<String, ContractChoice> contract : contracts.entrySet()) {
            String answering = templates.template(contract.getValue()).map(ContractTemplate::decisionTables)
                    .map(tables -> tables.get(mistake.modelName())).orElse(null);
            if (answering != null && mistake.tableHash().map(answering::equals).orElse(true)) {
                bringing = contract;
                hash = answering;
                break;
            }
        }
        if (bringing == null) {
            // Its template was published again since it settled: the first contract stands for the request's.
            bringing = contracts.entrySet().iterator().next();
            hash = mistake.tableHash().orElse(null);
        }
        ContractChoice contract = bringing.getValue();
        boolean version = contract.version() != null;
        return mistake.at(bringing.getKey() + (version ? "/contractVersionId" : "/templateId"),
                (version ? "the contract version's template '" : "template '") + contract.templateId() + "' answers '"
                        + mistake.modelName() + "' with " + (hash == null ? "an uploaded table" : "the uploaded table " + hash)
                        + ", which " + mistake.what());
    }
}
