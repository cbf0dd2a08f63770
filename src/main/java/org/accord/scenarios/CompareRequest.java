package org.accord.scenarios;

import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;

/**
 * Compare proposals with a baseline on the same facts. Problems are named against
 * {@code {"facts", "baseline", "proposals": [...]}}.
 *
 * @param facts     the IPA's performance facts, the same for every side
 * @param baseline  the contract as it stands (a template and overrides)
 * @param proposals one or more proposals: overrides of the same template, or another template
 */
public record CompareRequest(PerformanceFacts facts, ContractChoice baseline, List<ContractChoice> proposals) {

    public CompareRequest {
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }
}
