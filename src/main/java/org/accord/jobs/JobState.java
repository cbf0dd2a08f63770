package org.accord.jobs;

import java.util.Locale;

/** Where a job is. The last three are final: a job never leaves them. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The state's name as the API writes it: {@code running}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
