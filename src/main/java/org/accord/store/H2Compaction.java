package org.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing by a chunk per commit (docs/store.md, "The H2 file
 * compacted"). H2 writes each commit as a new chunk at the end of its file and reuses a chunk's
 * space only once no page in it is live. A stored run's row is live for good, so every chunk keeps
 * a page or two live, and the rest of it (the indexes' and the file's own pages, rewritten by the
 * next commit) is never reused. H2's background thread would rewrite those live pages elsewhere, but
 * it runs only when commits are written late: with {@code WRITE_DELAY=0} (each commit written before
 * it returns, {@link DataDirectory}) there is none. Measured at 200 runs a second: the file grew
 * 620 MB a minute and H2 held 12,000 more chunks' metadata on the heap each minute, none freed.
 *
 * <p>This does that thread's compaction: every {@link #EVERY_MILLIS} ms, while the file's chunks are
 * less than {@link #TARGET_FILL_PERCENT}% live, it has H2 rewrite the live pages of the chunks H2
 * ranks first (the emptiest and oldest, among those older than its retention time, 45 s), up to
 * {@link #REWRITE_BYTES} bytes, and commits them. Those chunks are then wholly dead, and H2 frees
 * them once they too are older than the retention time. H2 does it under its store lock, which a
 * commit also takes, and gives up after 10 ms when the lock is held. Nothing stored changes: the
 * same pages are written again elsewhere in the file. With it, at a sustained 200 runs a second,
 * the file grew by 29 KB a run instead of 52, and the chunks by about 2,000 a minute instead of
 * 12,000: slower, not bounded at that rate (docs/performance.md, "The H2 file compacted").
 */
public final class H2Compaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    /** H2's own default for compacting in the background ({@code autoCompactFillRate}). */
    static final int TARGET_FILL_PERCENT = 90;
    /**
     * Live pages rewritten per step at most, and a step every {@link #EVERY_MILLIS} ms: up to 10 MB a
     * second, three times the 3.2 MB a second of runs that 200 evaluations a second store (16 KB a
     * run, compressed). Steps of 256 KB every 20 ms kept up no better and cost more, since each step
     * first sums the fill of every chunk (docs/performance.md, "The H2 file compacted").
     */
    static final int REWRITE_BYTES = 1024 * 1024;
    static final long EVERY_MILLIS = 100;

    /** Compacts nothing: the database is not an H2 file of this process. */
    private static final H2Compaction NONE = new H2Compaction(null);

    private final MVStore store;
    private final ScheduledExecutorService steps;

    private H2Compaction(MVStore store) {
        this.store = store;
        this.steps = store == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "accord-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Compaction of the H2 file the data source opens in this process, started; one that does
     * nothing for any other database: PostgreSQL, H2 in memory, or an H2 file another process
     * serves ({@code AUTO_SERVER}: that process compacts it).
     */
    public static H2Compaction startFor(DataSource dataSource) {
        MVStore store = fileOpenedHere(dataSource);
        if (store == null) {
            return NONE;
        }
        H2Compaction compaction = new H2Compaction(store);
        compaction.steps.scheduleWithFixedDelay(compaction::step, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** The store under H2's file, reached through H2's own session; null when it is not an H2 file opened here. */
    private static MVStore fileOpenedHere(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.isPersistent() && !store.isReadOnly() ? store : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database the store is", e);
        }
    }

    /** Whether this compacts a file (false for any other database). */
    public boolean compacting() {
        return store != null;
    }

    /**
     * One step: when the file's chunks are less than the target live, has H2 rewrite up to
     * {@link #REWRITE_BYTES} of the live pages of the old chunks it ranks first, and commits them.
     *
     * @return whether any chunk was rewritten
     */
    boolean step() {
        try {
            boolean rewrote = store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES);
            if (rewrote) {
                // H2 only marks the pages rewritten: written now, on this thread, not by the next run's commit.
                store.commit();
            }
            return rewrote;
        } catch (RuntimeException e) {
            if (store.isClosed()) {
                steps.shutdown();
                return false;
            }
            // A step that fails leaves the file as it was; the next one tries again.
            LOG.warn("compacting the H2 file failed; trying again in {} ms", EVERY_MILLIS, e);
            return false;
        }
    }

    /** Stops compacting once a step under way has ended; the file stays as the last step left it. */
    @Override
    public void close() {
        if (steps != null) {
            steps.shutdown();
            try {
                steps.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
