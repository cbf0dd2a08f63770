package org.accord.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Group commit of runs (docs/store.md, "Group commit"): callers hand their run to one writer thread,
 * which takes every run waiting, inserts them (and what each writes alongside, its audit row) in one
 * transaction, commits once and then answers each caller. A caller returns only once its run is
 * committed. When the shared transaction fails, each of its runs is written again alone, in a
 * transaction of its own: a run that fails then fails its caller only, and nothing of it is stored.
 * The queue is bounded: when it is full, a caller waits for room (back-pressure by waiting, no
 * refusal), which with a bounded pool of request threads does not happen in practice.
 */
public final class GroupCommit implements AutoCloseable {

    /** Runs per transaction at most: bounds the transaction's size and a caller's wait behind others. */
    static final int MOST_PER_COMMIT = 64;

    private record Waiting(RunStore.Prepared run, RunStore.Alongside alongside, CompletableFuture<RunSummary> done) {
    }

    private final RunStore runs;
    private final BlockingQueue<Waiting> queue;
    private final Thread writer;
    private volatile boolean closing;

    public GroupCommit(RunStore runs, int capacity) {
        this.runs = runs;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::write, "accord-run-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores a run with what {@code alongside} writes for it (on the writer's thread, in the run's
     * transaction); when this returns, both are committed.
     *
     * @throws IllegalStateException when the writer is closed
     * @throws RuntimeException      what writing the run alone threw
     */
    public RunSummary save(NewRun run, Consumer<RunSummary> alongside) {
        return save(run, new RunStore.Alongside(null, alongside));
    }

    RunSummary save(NewRun run, RunStore.Alongside alongside) {
        Waiting waiting = new Waiting(runs.prepare(run), alongside, new CompletableFuture<>());
        if (closing) {
            throw new IllegalStateException("the run writer is closed");
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(waiting);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            while (true) {
                try {
                    return waiting.done().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // A run queued just as the writer ended is taken back and refused, not left waiting.
                    if (!writer.isAlive() && queue.remove(waiting)) {
                        throw new IllegalStateException("the run writer is closed");
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>(MOST_PER_COMMIT);
        while (!closing || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MOST_PER_COMMIT - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // Closing: the loop drains what is left.
            } catch (Throwable unexpected) {
                batch.forEach(w -> w.done().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting> batch) {
        try {
            // On PostgreSQL, runs and their audit rows are one statement; otherwise one transaction.
            if (!runs.writeAsOneStatement(batch.stream().map(Waiting::run).toList(), batch.stream().map(Waiting::alongside).toList())) {
                runs.transactions().executeWithoutResult(status -> batch.forEach(this::insert));
            }
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(failed);
                return;
            }
            // One run may have failed them all: each is tried again alone, and fails alone.
            for (Waiting waiting : batch) {
                try {
                    runs.write(waiting.run(), waiting.alongside());
                } catch (RuntimeException alone) {
                    waiting.done().completeExceptionally(alone);
                }
            }
            batch.forEach(w -> w.done().complete(w.run().summary()));
            return;
        }
        batch.forEach(w -> w.done().complete(w.run().summary()));
    }

    /** Writes a waiting run, and what goes alongside it, in the writer's open transaction. */
    private void insert(Waiting waiting) {
        runs.insert(waiting.run());
        waiting.alongside().writeIn(runs.jdbc(), waiting.run().summary());
    }

    /** Runs queued for the writer and not yet taken by it. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking runs; those already waiting are written before the writer ends. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
