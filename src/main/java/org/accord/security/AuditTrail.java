package org.accord.security;

/** Where audit events are appended ({@link AuditLog} in the database). */
interface AuditTrail {

    void append(String actor, String action, String target, int status);
}
