package org.accord.store;

import java.time.Instant;

/** One stored run without its request and answer: a row of the list. */
public record RunSummary(String id, String kind, Instant storedAt, String caller, String templateId, String ipaId,
        Integer performanceYear, String factsHash, String termsHash, String rulesHash, String templateHash) {
}
