package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows an exchange holds for its consumers, in chunks of {@link Batch#DEFAULT_CAPACITY} rows of accounted
 * column vectors. Producers on several slice threads append; one consumer takes chunks (ownership moves
 * with them) or several read copies. Thread-safe.
 */
final class ExchangeBuffer implements AutoCloseable {
    private static final int CHUNK_ROWS = Batch.DEFAULT_CAPACITY;

    private final BufferAllocator allocator;
    private final List<SqlType> types;
    private final List<ColumnVector[]> chunks = new ArrayList<>();
    private final List<Integer> chunkRows = new ArrayList<>();
    private int taken;
    private boolean closed;

    ExchangeBuffer(BufferAllocator allocator, List<SqlType> types) {
        this.allocator = allocator;
        this.types = List.copyOf(types);
    }

    /** Appends {@code count} rows of {@code batch}, its physical rows {@code rows[0..count)}. */
    synchronized void append(Batch batch, int[] rows, int count) {
        int done = 0;
        int[] window = null;
        while (done < count) {
            if (closed) {
                throw new IllegalStateException("exchange buffer closed");
            }
            int last = chunks.size() - 1;
            if (last < 0 || chunkRows.get(last) == CHUNK_ROWS) {
                chunks.add(allocateChunk());
                chunkRows.add(0);
                last++;
            }
            ColumnVector[] chunk = chunks.get(last);
            int offset = chunkRows.get(last);
            int n = Math.min(count - done, CHUNK_ROWS - offset);
            int[] selected = rows;
            if (done > 0) {
                // Later pieces of a batch that spans two chunks: the rest of the row list, from index 0.
                window = window == null ? new int[CHUNK_ROWS] : window;
                System.arraycopy(rows, done, window, 0, n);
                selected = window;
            }
            for (int c = 0; c < chunk.length; c++) {
                Vectors.gather(batch.column(c), selected, n, chunk[c], offset);
            }
            chunkRows.set(last, offset + n);
            done += n;
        }
    }

    private ColumnVector[] allocateChunk() {
        ColumnVector[] chunk = new ColumnVector[types.size()];
        try {
            for (int c = 0; c < chunk.length; c++) {
                chunk[c] = ColumnVector.allocate(allocator, types.get(c), CHUNK_ROWS);
            }
        } catch (RuntimeException e) {
            closeChunk(chunk);
            throw e;
        }
        return chunk;
    }

    synchronized int chunkCount() {
        return chunks.size();
    }

    /** The next chunk not yet taken, as a batch the caller owns; null when all were taken. */
    synchronized Batch take() {
        if (taken == chunks.size()) {
            return null;
        }
        ColumnVector[] chunk = chunks.set(taken, null);
        return new Batch(chunk, chunkRows.get(taken++));
    }

    /** A copy of chunk {@code index} in {@code target}'s memory, owned by the caller. */
    synchronized Batch copy(int index, BufferAllocator target) {
        ColumnVector[] chunk = chunks.get(index);
        int rows = chunkRows.get(index);
        ColumnVector[] copy = new ColumnVector[chunk.length];
        Batch batch = new Batch(copy, rows);
        try {
            for (int c = 0; c < chunk.length; c++) {
                copy[c] = ColumnVector.allocate(target, types.get(c), Math.max(1, rows));
                Vectors.gather(chunk[c], null, rows, copy[c], 0);
            }
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        return batch;
    }

    private static void closeChunk(ColumnVector[] chunk) {
        if (chunk == null) {
            return;
        }
        for (ColumnVector vector : chunk) {
            if (vector != null) {
                vector.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (ColumnVector[] chunk : chunks) {
            closeChunk(chunk);
        }
        chunks.clear();
        chunkRows.clear();
        taken = 0;
    }
}
