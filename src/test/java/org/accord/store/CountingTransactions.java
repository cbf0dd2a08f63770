package org.accord.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** Counts the transactions begun through it, and passes them on. */
final class CountingTransactions implements TransactionOperations {

    private final TransactionOperations real;
    final AtomicInteger begun = new AtomicInteger();

    CountingTransactions(TransactionOperations real) {
        this.real = real;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        begun.incrementAndGet();
        return real.execute(action);
    }
}
