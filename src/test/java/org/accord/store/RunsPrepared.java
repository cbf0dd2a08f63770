package org.accord.store;

import java.time.Clock;

/** What a request thread does to a run before the store writes it (its id, its texts compressed), for benchmarks outside the package. */
public final class RunsPrepared {

    private static final RunStore STORE = new RunStore(null, null, Clock.systemUTC());

    private RunsPrepared() {
    }

    /** The compressed request and answer's sizes together. */
    public static int prepare(NewRun run) {
        RunStore.Prepared prepared = STORE.prepare(run);
        return prepared.request().length + prepared.result().length;
    }
}
