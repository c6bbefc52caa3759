package io.cepheid.storage.table;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Rows waiting to become one row group of one slice, held in off-heap vectors that start small and
 * double up to {@code maxRows}, so a ten-row table does not pin 64K-row buffers per slice.
 */
final class SliceBuffer implements AutoCloseable {
    private static final int INITIAL_CAPACITY = 1024;

    private final BufferAllocator allocator;
    private final List<SqlType> types;
    private final int maxRows;
    private ColumnVector[] columns;
    private int capacity;
    private int rowCount;

    SliceBuffer(BufferAllocator allocator, List<SqlType> types, int maxRows) {
        this.allocator = allocator;
        this.types = types;
        this.maxRows = maxRows;
    }

    int rowCount() {
        return rowCount;
    }

    boolean isFull() {
        return rowCount == maxRows;
    }

    /** Vectors holding rows {@code [0, rowCount)}; null before the first row. */
    ColumnVector[] columns() {
        return columns;
    }

    /**
     * Copies up to {@code count} of the listed source rows, starting at {@code rows[from]}, and returns how
     * many fit before the buffer is full.
     */
    int append(ColumnVector[] source, int[] rows, int from, int count) {
        int accepted = Math.min(count, maxRows - rowCount);
        ensureCapacity(rowCount + accepted);
        for (int c = 0; c < columns.length; c++) {
            ColumnVector target = columns[c];
            ColumnVector input = source[c];
            for (int i = 0; i < accepted; i++) {
                target.copyRow(input, rows[from + i], rowCount + i);
            }
        }
        rowCount += accepted;
        return accepted;
    }

    /** Empties the buffer for the next row group, keeping its vectors. */
    void clear() {
        if (columns != null) {
            for (ColumnVector column : columns) {
                column.reset();
            }
        }
        rowCount = 0;
    }

    private void ensureCapacity(int rows) {
        if (columns != null && rows <= capacity) {
            return;
        }
        int grown = Math.max(INITIAL_CAPACITY, capacity);
        while (grown < rows) {
            grown *= 2;
        }
        grown = Math.min(grown, maxRows);
        ColumnVector[] replacement = new ColumnVector[types.size()];
        try {
            for (int c = 0; c < replacement.length; c++) {
                replacement[c] = ColumnVector.allocate(allocator, types.get(c), grown);
                for (int row = 0; row < rowCount; row++) {
                    replacement[c].copyRow(columns[c], row, row);
                }
            }
        } catch (RuntimeException e) {
            closeAll(replacement);
            throw e;
        }
        closeAll(columns);
        columns = replacement;
        capacity = grown;
    }

    @Override
    public void close() {
        closeAll(columns);
        columns = null;
        capacity = 0;
        rowCount = 0;
    }

    private static void closeAll(ColumnVector[] vectors) {
        if (vectors == null) {
            return;
        }
        for (ColumnVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }
}
