package org.accord.store;

import java.time.Instant;

/** A contract between an IPA and a payer on one template; what it says is in its versions. */
public record Contract(String id, String ipaId, String payer, String templateId, Instant createdAt, String createdBy) {
}
