package io.cepheid.server;

import io.cepheid.executor.operator.Operator;
import io.cepheid.executor.operator.QueryCancellation;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;

/** A query's result read from the root operator; closing it stops the query and releases its memory. */
final class OperatorCursor implements ResultCursor {
    private final Operator root;
    private final BufferAllocator allocator;
    private final QueryCancellation cancellation;
    private boolean closed;
    /** The first batch, computed when the statement runs so that its errors surface at execute time. */
    private Batch prefetched;

    OperatorCursor(Operator root, BufferAllocator allocator, QueryCancellation cancellation) {
        this.root = root;
        this.allocator = allocator;
        this.cancellation = cancellation;
        this.prefetched = fetch();
    }

    @Override
    public Batch next() {
        if (prefetched != null) {
            Batch first = prefetched;
            prefetched = null;
            return first;
        }
        return fetch();
    }

    private Batch fetch() {
        if (closed) {
            return null;
        }
        try {
            cancellation.check();
            Batch batch;
            do {
                batch = root.next();
                if (batch != null && batch.size() == 0) {
                    batch.close();
                    continue;
                }
                break;
            } while (true);
            return batch;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (prefetched != null) {
            prefetched.close();
            prefetched = null;
        }
        try {
            root.close();
        } finally {
            allocator.close();
        }
    }
}
