package io.cepheid.server;

import io.cepheid.storage.vector.Batch;

/**
 * The rows of a query result, a batch at a time. The caller owns each batch it receives and closes it;
 * closing the cursor stops the query and frees its memory.
 */
public interface ResultCursor extends AutoCloseable {
    /** The next batch (read its selected rows via {@link Batch#size()} / {@link Batch#row(int)}), or null at the end. */
    Batch next();

    @Override
    void close();
}
