package org.accord.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.accord.content.Canonical;
import org.accord.facts.PerformanceFacts;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.FactsStore;
import org.accord.validation.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Performance years kept as content under their facts hash (docs/hashes.md), and the one rule for
 * every request that takes facts: the facts themselves or the id of stored ones, exactly one.
 */
@Component
class StoredFacts {

    static final String FACTS = "/facts";
    static final String FACTS_ID = "/factsId";

    private final ContentStore content;
    private final FactsStore imported;
    private final Caller caller;
    private final JsonMapper json;

    StoredFacts(ContentStore content, FactsStore imported, Caller caller, JsonMapper json) {
        this.content = content;
        this.imported = imported;
        this.caller = caller;
        this.json = json;
    }

    /** Stores the facts (once) and returns their id, the facts hash. */
    String store(PerformanceFacts facts) {
        return imported.put(canonicalText(facts), facts.ipa().id(), facts.period().performanceYear(),
                json.writeValueAsString(Transport.facts(facts)), caller.current());
    }

    static byte[] canonicalText(PerformanceFacts facts) {
        return Canonical.json(facts.inIdOrder()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The stored facts of that id, read back as a request's facts are read: the document imported,
     * or for facts that only a run stored, their canonical text (the same values; decimals without
     * trailing zeros).
     */
    Optional<PerformanceFacts> find(String factsId) {
        return imported.document(factsId)
                .or(() -> content.get(factsId, ContentKind.FACTS).map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .map(text -> Transport.facts(json.readValue(text, org.accord.api.generated.model.PerformanceFacts.class)));
    }

    /**
     * The facts a request names: sent whole or by id.
     *
     * @throws InvalidRequestException (400) when both or neither are given
     * @throws InvalidInputException (422) when no facts are stored under the id
     */
    PerformanceFacts of(org.accord.api.generated.model.PerformanceFacts sent, String factsId) {
        if (sent != null && factsId != null) {
            throw new InvalidRequestException(List.of(Problems.atPointer(FACTS_ID,
                    "give either facts or factsId, not both")));
        }
        if (sent == null && factsId == null) {
            throw new InvalidRequestException(List.of(Problems.atPointer(FACTS,
                    "is required: the facts, or factsId (the id of stored facts)")));
        }
        if (sent != null) {
            return Transport.facts(sent);
        }
        return find(factsId).orElseThrow(() -> new InvalidInputException(FACTS_ID,
                "no facts are stored under '" + factsId + "' (POST /api/v1/facts stores them)"));
    }
}
