package org.accord.store;

import java.time.Instant;

/**
 * A run as stored: its summary and the request and answer, whole.
 *
 * @param summary what the list shows
 * @param request the request as JSON
 * @param result  the answer as JSON
 */
public record StoredRun(RunSummary summary, String request, String result) {

    public String id() {
        return summary.id();
    }

    public Instant storedAt() {
        return summary.storedAt();
    }
}
