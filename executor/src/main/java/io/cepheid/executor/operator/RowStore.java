package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Append-only rows kept in chunks of {@link #CHUNK_ROWS} rows of column vectors (accounted memory): the build
 * side of joins and the keys of aggregation. Row id r lives in chunk {@code r >>> 12} at row {@code r & 4095}.
 */
final class RowStore implements AutoCloseable {
    static final int CHUNK_SHIFT = 12;
    static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    static final int CHUNK_MASK = CHUNK_ROWS - 1;

    private final BufferAllocator allocator;
    private final List<SqlType> types;
    private final List<ColumnVector[]> chunks = new ArrayList<>();
    private int rowCount;

    RowStore(BufferAllocator allocator, List<SqlType> types) {
        this.allocator = allocator;
        this.types = List.copyOf(types);
    }

    int rowCount() {
        return rowCount;
    }

    List<SqlType> types() {
        return types;
    }

    ColumnVector vector(int rowId, int column) {
        return chunks.get(rowId >>> CHUNK_SHIFT)[column];
    }

    ColumnVector[] chunk(int chunkIndex) {
        return chunks.get(chunkIndex);
    }

    int chunkCount() {
        return chunks.size();
    }

    /** Appends the selected rows of {@code batch} (all its columns, in order); returns the first new row id. */
    int append(Batch batch) {
        int first = rowCount;
        int n = batch.size();
        int done = 0;
        int[] selection = batch.selection();
        while (done < n) {
            ColumnVector[] chunk = writableChunk();
            int offset = rowCount & CHUNK_MASK;
            int count = Math.min(n - done, CHUNK_ROWS - offset);
            int[] rows = selection == null ? identity(done, count) : Arrays.copyOfRange(selection, done, done + count);
            for (int c = 0; c < chunk.length; c++) {
                Vectors.gather(batch.column(c), rows, count, chunk[c], offset);
            }
            rowCount += count;
            done += count;
        }
        return first;
    }

    /** Appends one row made of {@code columns[c]} at physical row {@code row}; returns its id. */
    int appendRow(ColumnVector[] columns, int row) {
        ColumnVector[] chunk = writableChunk();
        int offset = rowCount & CHUNK_MASK;
        for (int c = 0; c < chunk.length; c++) {
            chunk[c].copyRow(columns[c], row, offset);
        }
        return rowCount++;
    }

    private static int[] identity(int from, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    private ColumnVector[] writableChunk() {
        if ((rowCount & CHUNK_MASK) == 0 && rowCount >> CHUNK_SHIFT == chunks.size()) {
            ColumnVector[] chunk = new ColumnVector[types.size()];
            chunks.add(chunk);
            for (int c = 0; c < chunk.length; c++) {
                chunk[c] = ColumnVector.allocate(allocator, types.get(c), CHUNK_ROWS);
            }
        }
        return chunks.get(rowCount >>> CHUNK_SHIFT);
    }

    @Override
    public void close() {
        for (ColumnVector[] chunk : chunks) {
            for (ColumnVector vector : chunk) {
                if (vector != null) {
                    vector.close();
                }
            }
        }
        chunks.clear();
        rowCount = 0;
    }
}
