package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's curl line posts examples/valley-ipa-request.json byte for byte:
 * {@code curl -s -X POST localhost:8080/api/v1/evaluations -H 'Content-Type: application/json' --data-binary @examples/valley-ipa-request.json}.
 * This posts the same bytes and checks the answer is the evaluator's own settlement, field for field.
 */
class ReadmeExampleTest extends ServerTest {

    @Test
    void theReadmeRequestFileEvaluatesToTheEvaluatorsOwnSettlement() throws IOException {
        byte[] body = Files.readAllBytes(Path.of("examples/valley-ipa-request.json"));

        Reply reply = post("/api/v1/evaluations", "application/json", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode expected = JSON.readTree(Json.write(evaluations.evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")))));
        assertThat(reply.json()).isEqualTo(withoutDerivedFields(expected));
    }

    @Test
    void theReadmeRequestFileIsTheExampleFactsUnderMsspBasic() throws IOException {
        JsonNode request = JSON.readTree(Files.readString(Path.of("examples/valley-ipa-request.json")));

        assertThat(request.at("/contract/templateId").asString()).isEqualTo("mssp-basic");
        assertThat(request.get("facts")).isEqualTo(JSON.readTree(Files.readString(Path.of("examples/valley-ipa.json"))));
    }

    /**
     * The domain's JSON also writes null fields and each line's derived {@code payable} flag
     * (amount present); the API leaves out absent values and the flag.
     */
    private static JsonNode withoutDerivedFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> absent = new ArrayList<>(List.of("payable"));
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    absent.add(field.getKey());
                }
            });
            object.remove(absent);
            object.forEach(ReadmeExampleTest::withoutDerivedFields);
        } else if (node.isArray()) {
            node.forEach(ReadmeExampleTest::withoutDerivedFields);
        }
        return node;
    }
}
