package org.accord.jobs;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * How a running job gives way to interactive requests: at each progress report (between engine
 * sessions, between a simulation's batches of trials, never inside one) a thread of the job waits
 * while any request is in flight. So that a job is never starved by unbroken traffic, it keeps at
 * least {@code leastShare} of its threads' time: after a unit of work that took {@code t}, a thread
 * waits at most {@code t x (1 - leastShare) / leastShare} (a tenth: at most nine times the unit),
 * and never more than {@link #LONGEST_PAUSE_NANOS}. Waiting counts against the job's time budget.
 */
final class GivingWay {

    /**
     * The longest one wait lasts, however long the unit before it took: a cancelled job, or one
     * the stopping service stops, is woken at once anyway, so this only bounds a job whose units
     * are long (a second of waiting after nine seconds of work at the default share).
     */
    static final long LONGEST_PAUSE_NANOS = 1_000_000_000L;

    /** Never waits: jobs that run as fast as they can, whatever else the server does. */
    static final GivingWay NEVER = new GivingWay(new InteractiveRequests(), 1.0, 0, System::nanoTime);

    private final InteractiveRequests requests;
    private final double leastShare;
    private final long longestPauseNanos;
    private final LongSupplier nanos;

    GivingWay(InteractiveRequests requests, double leastShare) {
        this(requests, leastShare, LONGEST_PAUSE_NANOS, System::nanoTime);
    }

    /**
     * @param leastShare        above 0 and at most 1; 1 never waits
     * @param longestPauseNanos the longest one wait lasts
     * @param nanos             a monotonic clock in nanoseconds ({@link System#nanoTime()}) that times the units
     */
    GivingWay(InteractiveRequests requests, double leastShare, long longestPauseNanos, LongSupplier nanos) {
        if (!(leastShare > 0 && leastShare <= 1)) {
            throw new IllegalArgumentException("a job's least share must be above 0 and at most 1, not " + leastShare);
        }
        this.requests = requests;
        this.leastShare = leastShare;
        this.longestPauseNanos = longestPauseNanos;
        this.nanos = nanos;
    }

    InteractiveRequests requests() {
        return requests;
    }

    /** The points where one piece of work, starting now, gives way; it stops waiting once {@code stop} says so. */
    Point start(BooleanSupplier stop) {
        return new Point(stop, nanos.getAsLong());
    }

    /** Where the threads of one piece of work give way; each thread times its own units. */
    final class Point {

        private final BooleanSupplier stop;
        private final ThreadLocal<long[]> resumedAt;

        private Point(BooleanSupplier stop, long startedAt) {
            this.stop = stop;
            this.resumedAt = ThreadLocal.withInitial(() -> new long[] {startedAt});
        }

        /** Called by a thread of the work after each unit: waits while requests are in flight, within the bound. */
        void giveWay() {
            if (leastShare >= 1) {
                return;
            }
            long[] since = resumedAt.get();
            long unit = Math.max(0, nanos.getAsLong() - since[0]);
            long longest = (long) Math.min(longestPauseNanos, unit * (1 - leastShare) / leastShare);
            try {
                requests.awaitNone(longest, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the work sees it, or the checks after the wait stop it
            }
            since[0] = nanos.getAsLong();
        }
    }
}
