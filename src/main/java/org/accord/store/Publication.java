package org.accord.store;

import java.time.Instant;

/** A version made the contract in force for its effective period, by whom and when. */
public record Publication(long sequence, String contractId, String versionId, Instant publishedAt, String publishedBy) {
}
