package org.accord.jobs;

import java.time.Duration;
import org.accord.engine.Progress;

/**
 * A deadline checked at each progress report: past it, the work stops with {@link Exceeded}.
 * Work reports after every batch (50 trials, 100 evaluations), so it overruns its budget by at
 * most one batch per thread.
 */
public final class TimeBudget implements Progress {

    /** The work ran past its budget. */
    public static final class Exceeded extends WorkStopped {

        private final Duration budget;

        Exceeded(Duration budget) {
            super("did not finish within its time budget of " + seconds(budget));
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }

    private final Duration budget;
    private final long deadline;
    private final Progress next;

    /**
     * @param budget how long the work may take from now
     * @param next   told of the progress while the work is within its budget
     */
    public TimeBudget(Duration budget, Progress next) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.next = next;
    }

    @Override
    public void advanced(long done, long total) {
        if (System.nanoTime() - deadline > 0) {
            throw new Exceeded(budget);
        }
        next.advanced(done, total);
    }

    /** {@code 20 s}, or {@code 1.5 s}: how a budget reads in a problem's detail. */
    public static String seconds(Duration budget) {
        long millis = budget.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
    }
}
