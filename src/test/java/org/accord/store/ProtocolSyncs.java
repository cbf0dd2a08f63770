package org.accord.store;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the Sync messages the PostgreSQL driver sends while open, from its protocol log: each
 * ends a round trip of the extended query protocol (the client then waits for ReadyForQuery).
 * Only the opening thread's are counted: the driver logs every connection of the JVM, and other
 * pools left open by earlier tests (a cached context's, its housekeeping) may talk meanwhile.
 */
final class ProtocolSyncs implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3");

    private final AtomicInteger syncs = new AtomicInteger();
    private final Level level = DRIVER.getLevel();
    private final Thread counted = Thread.currentThread();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (Thread.currentThread() == counted && record.getMessage() != null && record.getMessage().contains("FE=> Sync")) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    ProtocolSyncs() {
        counter.setLevel(Level.FINEST);
        DRIVER.addHandler(counter);
        DRIVER.setLevel(Level.FINEST);
    }

    int count() {
        return syncs.get();
    }

    @Override
    public void close() {
        DRIVER.setLevel(level);
        DRIVER.removeHandler(counter);
    }
}
