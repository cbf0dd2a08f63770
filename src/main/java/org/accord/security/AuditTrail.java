package org.accord.security;

/** Where audit events are appended ({@link AuditLog} in the database). */
interface AuditTrail {

    void append(String actor, String action, String target, int status);

    /**
     * The statement that appends one event, one row, with the values of {@link #values}, for a
     * caller to write within its own; none when the trail is not a table (its event is then appended
     * once the call is answered).
     */
    default java.util.Optional<String> insert() {
        return java.util.Optional.empty();
    }

    /** What {@link #insert()} appends for this event, in the order of its placeholders; the event's time is now. */
    default java.util.List<Object> values(String actor, String action, String target, int status) {
        throw new UnsupportedOperationException("this audit trail is not a table");
    }
}
