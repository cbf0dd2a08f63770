package org.accord.engine;

/**
 * Told how far a long piece of work has got: evaluations settled, trials, sweep points, rows.
 * The engine and the scenarios call it from the threads doing the work, so an implementation is
 * thread-safe and cheap; what it shows, and where, is the caller's business (the command line
 * draws it on a terminal's standard error, the service's jobs report it). It is also how long work
 * is stopped cooperatively: an implementation may throw an unchecked exception (a job cancelled,
 * a time budget spent), and the work stops at that report and passes the exception on, leaving
 * nothing half-done behind. An implementation may also make the reporting thread wait a while (a
 * job giving way to interactive requests), so work reports between its units (engine sessions,
 * batches of trials), never while holding a lock or a session another thread needs.
 */
@FunctionalInterface
public interface Progress {

    /** Progress nobody watches. */
    Progress NONE = (done, total) -> {
    };

    /**
     * @param done  units finished so far (never decreases for one piece of work)
     * @param total units the work has
     */
    void advanced(long done, long total);
}
