package io.cepheid.server;

import io.cepheid.executor.operator.Operator;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;

import java.util.function.BooleanSupplier;

/** A query's result read from the root operator; closing it stops the query and releases its memory. */
final class OperatorCursor implements ResultCursor {
    private final Operator root;
    private final BufferAllocator allocator;
    private final BooleanSupplier cancelled;
    private boolean closed;
    /** The first batch, computed when the statement runs so that its errors surface at execute time. */
    private Batch prefetched;

    OperatorCursor(Operator root, BufferAllocator allocator, BooleanSupplier cancelled) {
        this.root = root;
        this.allocator = allocator;
        this.cancelled = cancelled;
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
        if (cancelled.getAsBoolean()) {
            close();
            throw new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
        try {
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
