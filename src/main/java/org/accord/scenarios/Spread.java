package org.accord.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs numbered units of work (a sweep's chunks of points) on the calling thread and up to
 * {@code threads - 1} more, each thread taking the next unit not yet taken. A unit writes its
 * results at its own index, so what the units produce does not depend on the thread count. After
 * a unit fails, no thread takes another; once every thread has stopped (nothing is left running
 * behind), the failure of the lowest-numbered unit is passed on. Units are taken in order, so every
 * unit below a failed one was run: the failure passed on is the one a single thread would meet first.
 */
final class Spread {

    private Spread() {
    }

    static void run(int threads, int units, String threadName, IntConsumer unit) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        // The lowest-numbered unit that failed, and its failure.
        Object[] failure = {Integer.MAX_VALUE, null};
        Runnable worker = () -> {
            // A unit once taken is run, so that every unit below a failed one runs (units are taken in order).
            while (!failed.get()) {
                int i = next.getAndIncrement();
                if (i >= units) {
                    return;
                }
                try {
                    unit.accept(i);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    synchronized (failure) {
                        if (i < (int) failure[0]) {
                            failure[0] = i;
                            failure[1] = e;
                        }
                    }
                }
            }
        };
        int helpers = Math.min(threads, units) - 1;
        if (helpers <= 0) {
            worker.run();
            rethrow(failure);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(helpers, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>(helpers);
            for (int h = 0; h < helpers; h++) {
                running.add(pool.submit(worker));
            }
            worker.run();
            for (Future<?> helper : running) {
                helper.get();
            }
        } catch (ExecutionException e) {
            // the workers catch what their units throw; this is a failure of the worker itself
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(threadName + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        rethrow(failure);
    }

    private static void rethrow(Object[] failure) {
        synchronized (failure) {
            if (failure[1] instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure[1] instanceof Error error) {
                throw error;
            }
        }
    }
}
