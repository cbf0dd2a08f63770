package org.accord.store;

import java.time.LocalDate;

/** A version to add to a contract, already checked against its template and hashed. */
public record NewContractVersion(String name, String kind, String templateHash, String overrides, LocalDate effectiveFrom,
        LocalDate effectiveTo, String versionHash, String createdBy) {
}
