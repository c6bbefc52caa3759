package io.cepheid.executor.operator;

import io.cepheid.storage.vector.Batch;

/**
 * The running side of a plan spec: pulls batches from its inputs and returns its own. {@link #next()}
 * returns the next batch (owned by the caller, who closes it) or null at the end. {@link #close()} frees
 * everything the operator still holds and closes its inputs; it is safe after an error and idempotent.
 */
public interface Operator extends AutoCloseable {
    Batch next();

    @Override
    void close();
}
