package org.accord.jobs;

/**
 * Work stopped before it finished, at one of its progress reports: cancelled, out of time, or the
 * service stopping. The reason is written for the caller.
 */
public class WorkStopped extends RuntimeException {

    public WorkStopped(String reason) {
        super(reason, null, false, false);
    }
}
