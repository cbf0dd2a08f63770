package org.accord.jobs;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The interactive requests in flight (evaluations, replays, anything but the jobs' own requests),
 * counted by the service as they start and finish, and where running jobs wait for them to end:
 * a job gives way between its units of work while any is in flight ({@link Jobs}). Thread-safe.
 */
public final class InteractiveRequests {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private int waiting;

    /** A request started. */
    public void started() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    /** A request that {@link #started()} has finished, however it ended. */
    public void finished() {
        lock.lock();
        try {
            if (inFlight == 0) {
                throw new IllegalStateException("more requests finished than started");
            }
            if (--inFlight == 0 && waiting > 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Threads of jobs waiting now for the requests in flight to end. */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting job so that it looks again whether it should stop (cancelled, service stopping). */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while any request is in flight, at most {@code longestNanos}, and not once
     * {@code stop} says so (looked at again whenever {@link #wake()} is called).
     *
     * @return whether it waited at all
     */
    boolean awaitNone(long longestNanos, BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            if (inFlight == 0 || longestNanos <= 0 || stop.getAsBoolean()) {
                return false;
            }
            waiting++;
            try {
                long left = longestNanos;
                while (inFlight > 0 && left > 0 && !stop.getAsBoolean()) {
                    left = changed.awaitNanos(left);
                }
            } finally {
                waiting--;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
