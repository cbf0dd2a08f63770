package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A run to store, as the API answered it. Every hash refers to content already stored (the
 * template, the rule set, the facts) by {@link ContentStore}.
 *
 * @param kind            {@code evaluation}, or the scenario's name
 * @param caller          who asked ({@code anonymous} without authentication)
 * @param templateId      the contract's template
 * @param ipaId           the IPA the facts are for
 * @param performanceYear the facts' performance year
 * @param factsHash       docs/hashes.md
 * @param termsHash       docs/hashes.md (absent for a scenario over several contracts)
 * @param rulesHash       docs/hashes.md
 * @param templateHash    docs/hashes.md
 * @param request         the request as JSON, its UTF-8 bytes (the first {@code requestLength} of them)
 * @param result          the answer as JSON, its UTF-8 bytes (the first {@code resultLength} of them): an
 *                        evaluation's are those the response sends, kept as bytes so that they are not
 *                        decoded to text only to be encoded again
 * @param requestLength   how many of {@code request}'s bytes are the text: the array may be a buffer
 *                        the caller reuses once {@link RunStore#save(NewRun)} has returned
 * @param resultLength    the same for {@code result}
 */
public record NewRun(String kind, String caller, String templateId, String ipaId, Integer performanceYear,
        String factsHash, String termsHash, String rulesHash, String templateHash, byte[] request, byte[] result,
        int requestLength, int resultLength) {

    public NewRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.checkFromIndexSize(0, requestLength, request.length);
        Objects.checkFromIndexSize(0, resultLength, result.length);
    }

    /** A run whose request and answer are whole arrays of UTF-8 JSON. */
    public NewRun(String kind, String caller, String templateId, String ipaId, Integer performanceYear,
            String factsHash, String termsHash, String rulesHash, String templateHash, byte[] request, byte[] result) {
        this(kind, caller, templateId, ipaId, performanceYear, factsHash, termsHash, rulesHash, templateHash, request, result,
                Objects.requireNonNull(request, "request").length, Objects.requireNonNull(result, "result").length);
    }

    /** A run whose request and answer are JSON text. */
    public NewRun(String kind, String caller, String templateId, String ipaId, Integer performanceYear,
            String factsHash, String termsHash, String rulesHash, String templateHash, String request, String result) {
        this(kind, caller, templateId, ipaId, performanceYear, factsHash, termsHash, rulesHash, templateHash,
                Objects.requireNonNull(request, "request").getBytes(StandardCharsets.UTF_8),
                Objects.requireNonNull(result, "result").getBytes(StandardCharsets.UTF_8));
    }
}
