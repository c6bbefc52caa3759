package io.cepheid.storage.table;

import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.vector.ColumnVector;

/**
 * An immutable set of rows of one slice, stored column by column (one block per column). Scans check
 * {@link #header(int)} zone maps before decoding.
 */
public interface RowGroup {
    /** Rows stored, deleted ones included: the size to decode into. */
    int rowCount();

    /** The rows deleted since the row group was written, or null when none is. Scans skip them. */
    default DeleteVector deletes() {
        return null;
    }

    /**
     * Whether this row group's rows follow the previous row group's of the slice in sort-key order because
     * VACUUM wrote them as one sorted run (a load never sets it).
     */
    default boolean continuesSortedRun() {
        return false;
    }

    /** Header (encoding, nulls, zone map) of a column's block, read without decoding values. */
    BlockHeader header(int column);

    /** Decodes a column into rows [0, rowCount) of {@code out}, whose capacity must be at least rowCount. */
    void decode(int column, ColumnVector out);

    /** Encoded size in bytes of a column's block. */
    long encodedBytes(int column);
}
