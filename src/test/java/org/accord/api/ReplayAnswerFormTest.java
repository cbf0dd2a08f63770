package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replay compares the stored answer with the replayed settlement in the library's answer form
 * ({@link Replay#answer}), without the API's transport types, so that {@code accord replay} can
 * do it too: that form must be the API's settlement, field for field, or every replay differs.
 */
class ReplayAnswerFormTest {

    @Test
    void theReplaysAnswerFormIsTheApisSettlementFieldForField() {
        Settlement settlement = EvaluationService.load().evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")));
        JsonMapper web = WebJson.mapper();

        assertThat(Replay.answer(settlement))
                .isEqualTo(Replay.ANSWER_JSON.readTree(web.writeValueAsString(Transport.settlement(settlement))));
        // The transport type refuses a field it does not know: the form reads as the API's type and back, unchanged.
        org.accord.api.generated.model.Settlement read = web.treeToValue(Replay.answer(settlement),
                org.accord.api.generated.model.Settlement.class);
        assertThat(Replay.ANSWER_JSON.readTree(web.writeValueAsString(read))).isEqualTo(Replay.answer(settlement));
    }
}
