package org.accord.jobs;

import java.util.concurrent.Semaphore;

/**
 * The server-wide limit on heavy work running at once, shared by synchronous requests (which are
 * refused when no slot is free) and jobs (which wait in the queue for one).
 */
public final class HeavyWork {

    private final int limit;
    private final Semaphore slots;

    public HeavyWork(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one piece of heavy work must be able to run, not " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit, true);
    }

    /** A slot if one is free now. */
    public boolean tryStart() {
        return slots.tryAcquire();
    }

    /** Waits for a slot. */
    void start() throws InterruptedException {
        slots.acquire();
    }

    public void finish() {
        slots.release();
    }

    public int limit() {
        return limit;
    }
}
