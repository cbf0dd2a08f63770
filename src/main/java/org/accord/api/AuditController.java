package org.accord.api;

import java.time.ZoneOffset;
import java.util.List;
import org.accord.api.generated.AuditApi;
import org.accord.api.generated.model.AuditEvent;
import org.accord.api.generated.model.AuditEventPage;
import org.accord.security.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, read by reviewers and admins. */
@RestController
class AuditController implements AuditApi {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Override
    public ResponseEntity<AuditEventPage> listAuditEvents(String actor, String action, Integer limit, Integer offset) {
        // The document bounds the page; the generated interface does not check query parameters.
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException(List.of(Problems.atParameter("limit", "must be between 1 and 500")));
        }
        if (offset < 0) {
            throw new InvalidRequestException(List.of(Problems.atParameter("offset", "must be 0 or more")));
        }
        List<AuditEvent> events = log.list(actor, action, limit, offset).stream()
                .map(event -> new AuditEvent(event.sequence(), event.at().atOffset(ZoneOffset.UTC), event.actor(), event.action(),
                        event.target(), event.status()))
                .toList();
        return ResponseEntity.ok(new AuditEventPage(events, log.count(actor, action), limit, offset));
    }
}
