package org.accord.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One immutable version of a contract: the whole of its terms (template and overrides) for its
 * effective period, with the hash of docs/hashes.md ({@code versionHash}).
 *
 * @param number    1, 2, ... within its contract, in the order the versions were made
 * @param kind      {@code draft} or {@code proposal}
 * @param overrides the overrides as JSON text, as the API read them
 */
public record ContractVersion(String id, String contractId, int number, String name, String kind, String templateId,
        String templateHash, String overrides, LocalDate effectiveFrom, LocalDate effectiveTo, String versionHash,
        Instant createdAt, String createdBy) {
}
