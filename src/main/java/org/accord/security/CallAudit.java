package org.accord.security;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The audit row of the call being answered, for an operation that commits what it made: the row
 * is appended in that same transaction (the thing made and its row together, or neither), and
 * {@link AuditFilter} then appends no second one. A call that commits nothing (refused, invalid,
 * failed) is audited by the filter once answered, as before.
 */
public final class CallAudit {

    static final String ATTRIBUTE = CallAudit.class.getName();

    private final AuditTrail log;
    private final String actor;
    private final String operationId;
    private Integer appendedStatus;
    /** What the call touched, when the operation named it ({@link #about}). */
    private String about;

    CallAudit(AuditTrail log, String actor, String operationId) {
        this.log = log;
        this.actor = actor;
        this.operationId = operationId;
    }

    /**
     * Appends the current call's row now, inside the caller's open transaction, naming what it
     * made and the status it answers with; nothing when the call is not an audited operation.
     */
    public static void appendWithin(String made, int status) {
        CallAudit call = current();
        if (call != null) {
            call.log.append(call.actor, call.operationId, made, status);
            call.appendedStatus = status;
        }
    }

    /**
     * The current call's row as one INSERT and its values given what the call made, for the store
     * to write in the statement or transaction that commits it, on whichever thread does
     * ({@code org.accord.store.RunStore}); empty when the call is not an audited operation.
     */
    public static java.util.Optional<Row> rowFor(int status) {
        CallAudit call = current();
        if (call != null) {
            return call.log.insert().map(insert -> new Row(insert, made -> {
                java.util.List<Object> values = call.log.values(call.actor, call.operationId, made, status);
                call.appendedStatus = status;
                return values;
            }));
        }
        return java.util.Optional.empty();
    }

    /**
     * Names what the current call touches, for the row appended once it is answered, where the answer's {@code Location}
     * (or the path) would not name it whole: a template's address is shared by every version of its id, so its
     * publication names the version and the text's hash too. Nothing when the call is not an audited operation.
     */
    public static void about(String target) {
        CallAudit call = current();
        if (call != null) {
            call.about = target;
        }
    }

    /** What the operation named the call as touching ({@link #about}); null when it named nothing. */
    String about() {
        return about;
    }

    /** The audit of the call the current thread answers; null outside a request or for a call not audited. */
    private static CallAudit current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CallAudit call
                ? call : null;
    }

    /** An audit row to write: its INSERT, and its values given what the call made (the made thing's address). */
    public record Row(String insert, java.util.function.Function<String, java.util.List<Object>> values) {
    }

    String actor() {
        return actor;
    }

    /**
     * For the benchmark-only setting that answers evaluations without storing them
     * ({@code accord.bench.store-runs=false}): the call, answered with this status, writes no audit
     * row, as it writes no run. Otherwise {@link AuditFilter} would insert and commit the row on the
     * request thread, work a stored evaluation does on the run writer, so the "not stored" side of
     * a benchmark paid for a commit the stored side does not (docs/performance.md, issue 16).
     * A different final status (the answer failed after all) is still audited.
     */
    public static void notAuditedForBenchmark(int status) {
        CallAudit call = current();
        if (call != null) {
            call.appendedStatus = status;
        }
    }

    /** Whether the row was appended with this status already (a different final status is appended too). */
    boolean appendedAs(int status) {
        return appendedStatus != null && appendedStatus == status;
    }
}
