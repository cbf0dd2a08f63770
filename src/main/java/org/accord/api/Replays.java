package org.accord.api;

import java.util.List;
import org.accord.api.generated.model.ReplayResult;
import org.accord.api.generated.model.Settlement;
import org.accord.api.generated.model.SettlementDifference;
import org.accord.evaluation.EvaluationService;
import org.accord.replay.Replay;
import org.accord.store.ContentStore;
import org.accord.store.ContractStore;
import org.accord.store.FactsStore;
import org.accord.store.RunStore;
import org.accord.store.StoredRun;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays for the API: the run looked up as the caller may see it, replayed by {@link Replay}
 * (the same as {@code accord replay}), and its answer in the API's transport types.
 */
@Component
class Replays {

    private final StoredRuns stored;
    private final Replay replay;
    private final JsonMapper json;

    Replays(EvaluationService current, StoredRuns stored, ContentStore content, ContractStore contracts, FactsStore facts,
            JsonMapper json) {
        this.stored = stored;
        this.replay = new Replay(current, content, contracts, facts);
        this.json = json;
    }

    ReplayResult replay(String evaluationId, String rules) {
        Replay.Rules which = Replay.Rules.of(rules).orElseThrow(() -> new InvalidRequestException(
                List.of(Problems.atParameter("rules", "expected 'stored' or 'current'"))));
        StoredRun run;
        try {
            run = stored.evaluationRun(evaluationId);
        } catch (RunStore.DamagedRun damaged) {
            throw new ConflictException(damaged.getMessage() + ": it cannot be replayed");
        }
        return replay(run, which);
    }

    /** Replays a run as {@link #replay(String, String)} answers it, the run given rather than read from the store (the warm-up's). */
    ReplayResult replay(StoredRun run, Replay.Rules which) {
        Replay.Result result;
        try {
            result = replay.replay(run, which);
        } catch (Replay.Unreplayable lacking) {
            throw new ConflictException(lacking.getMessage());
        }
        // The transport type refuses a field it does not know: a settlement form drifting from the API's fails here.
        ReplayResult answer = new ReplayResult(result.evaluationId(), result.rules(), result.rulesHash(), result.outcome(),
                result.differences().stream().map(d -> new SettlementDifference(d.pointer()).stored(d.stored()).replayed(d.replayed()))
                        .toList(),
                result.compiledRules(), json.treeToValue(result.settlement(), Settlement.class));
        return result.compileMillis() == null ? answer : answer.compileMillis(result.compileMillis());
    }
}
