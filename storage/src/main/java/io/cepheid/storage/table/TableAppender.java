package io.cepheid.storage.table;

import io.cepheid.storage.vector.Batch;

/**
 * Adds rows to a table inside a transaction. Rows are routed to slices by the table's distribution
 * style, sorted by its sort key, encoded and written as new immutable files; they become visible only
 * when the transaction commits. Thread-safe: parallel loaders may share one appender.
 */
public interface TableAppender {
    /** Appends the selected rows of {@code batch} (whose columns match the table's, in order). Does not close it. */
    void append(Batch batch);
}
