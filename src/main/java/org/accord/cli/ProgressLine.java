package org.accord.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.accord.engine.Progress;

/**
 * Long work's progress as one line on standard error, redrawn in place ({@code \r}): drawn only
 * when standard error is a terminal and {@code --quiet} was not given, only once the work has run
 * a second (short work stays silent), at most five times a second, and erased before the result
 * is printed. Never on standard output, which carries the result (a report, JSON or CSV).
 */
final class ProgressLine implements Progress, AutoCloseable {

    static final long SILENT_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long REDRAWN_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final PrintStream err;
    private final boolean shown;
    private final String work;
    private final String units;
    private final LongSupplier nanoTime;
    private final long started;
    private long drawnAt;
    private int drawnWidth;

    /**
     * @param shown    whether to draw at all (standard error is a terminal, and no --quiet)
     * @param work     what is running, such as "simulate"
     * @param units    what is counted, such as "trials"
     * @param nanoTime the clock ({@link System#nanoTime} but in tests)
     */
    ProgressLine(PrintStream err, boolean shown, String work, String units, LongSupplier nanoTime) {
        this.err = err;
        this.shown = shown;
        this.work = work;
        this.units = units;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    @Override
    public synchronized void advanced(long done, long total) {
        if (!shown) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - started < SILENT_FOR_NANOS || (drawnWidth > 0 && now - drawnAt < REDRAWN_EVERY_NANOS)) {
            return;
        }
        String text = String.format(Locale.ROOT, "%s: %,d of %,d %s (%d%%), %d s", work, done, total, units,
                total == 0 ? 100 : done * 100 / total, TimeUnit.NANOSECONDS.toSeconds(now - started));
        // Pad over a longer line drawn before, so no characters of it stay.
        err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        err.flush();
        drawnAt = now;
        drawnWidth = Math.max(drawnWidth, text.length());
    }

    /** Erases the line, if one was drawn, so the result starts on a clean line. */
    @Override
    public synchronized void close() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
