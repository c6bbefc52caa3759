package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * Equi-join: the right input becomes an open-addressing table of precomputed key hashes whose slots point at
 * chains of right rows with equal keys; each left row walks its chain. Null keys never match (those right
 * rows are kept only for RIGHT/FULL padding).
 */
final class HashJoinOperator extends AbstractJoinOperator {
    private static final long EMPTY = -1;

    private final int[] leftKeys;
    private final int[] rightKeys;
    private OffHeapLongs slots;
    private OffHeapLongs slotHashes;
    private OffHeapLongs chainNext;
    private long mask;
    private long[] hashes = new long[0];
    private long[] hashScratch = new long[0];
    private int position;
    private long chainRow = EMPTY;

    HashJoinOperator(HashJoinSpec spec, ExecutionContext context) {
        super(spec.left(), spec.right(), spec.kind(), spec.residual(), context);
        this.leftKeys = spec.leftKeys().stream().mapToInt(Integer::intValue).toArray();
        this.rightKeys = spec.rightKeys().stream().mapToInt(Integer::intValue).toArray();
        if (leftKeys.length != rightKeys.length || leftKeys.length == 0) {
            close();
            throw new IllegalArgumentException("hash join needs matching, non-empty key lists: " + spec);
        }
    }

    @Override
    protected void buildFinished() {
        int rows = build.rowCount();
        long capacity = Long.highestOneBit(Math.max(16L, rows * 2L - 1)) << 1;
        mask = capacity - 1;
        slots = new OffHeapLongs(context.allocator(), capacity, EMPTY);
        slotHashes = new OffHeapLongs(context.allocator(), capacity, 0);
        chainNext = new OffHeapLongs(context.allocator(), Math.max(rows, 1), EMPTY);
        long[] chunkHashes = new long[RowStore.CHUNK_ROWS];
        long[] scratch = new long[RowStore.CHUNK_ROWS];
        for (int chunk = 0; chunk < build.chunkCount(); chunk++) {
            context.checkCancelled();
            int first = chunk << RowStore.CHUNK_SHIFT;
            int count = Math.min(RowStore.CHUNK_ROWS, rows - first);
            ColumnVector[] columns = build.chunk(chunk);
            // A view over the chunk's vectors to reuse the batch hashing; it owns nothing and is never closed.
            Batch view = new Batch(columns, count);
            KeyHashing.hash(view, rightKeys, chunkHashes, scratch);
            for (int i = 0; i < count; i++) {
                if (!KeyHashing.anyNull(columns, rightKeys, i)) {
                    insert(first + i, chunkHashes[i], columns, i);
                }
            }
        }
    }

    private void insert(int rowId, long hash, ColumnVector[] columns, int row) {
        long slot = hash & mask;
        while (true) {
            long head = slots.get(slot);
            if (head == EMPTY) {
                slots.set(slot, rowId);
                slotHashes.set(slot, hash);
                return;
            }
            if (slotHashes.get(slot) == hash && rightRowEquals((int) head, columns, rightKeys, row)) {
                // Same key: link the row in right after the chain's head.
                chainNext.set(rowId, chainNext.get(head));
                chainNext.set(head, rowId);
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean rightRowEquals(int rowId, ColumnVector[] columns, int[] keys, int row) {
        for (int k = 0; k < rightKeys.length; k++) {
            if (!KeyHashing.equal(build.vector(rowId, rightKeys[k]), rowId & RowStore.CHUNK_MASK, columns[keys[k]], row)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void startLeftBatch() {
        int rows = current.rowCount();
        if (hashes.length < rows) {
            hashes = new long[rows];
            hashScratch = new long[rows];
        }
        KeyHashing.hash(current, leftKeys, hashes, hashScratch);
        position = 0;
        chainRow = EMPTY;
    }

    @Override
    protected int nextCandidates(int[] leftPositions, int[] rightRows, int capacity) {
        int count = 0;
        int size = current.size();
        boolean firstOnly = firstMatchOnly();
        ColumnVector[] columns = current.columns();
        while (count < capacity) {
            if (chainRow != EMPTY) {
                leftPositions[count] = position;
                rightRows[count] = (int) chainRow;
                count++;
                chainRow = firstOnly ? EMPTY : chainNext.get(chainRow);
                if (chainRow == EMPTY) {
                    position++;
                }
                continue;
            }
            if (position >= size) {
                break;
            }
            int row = current.row(position);
            chainRow = KeyHashing.anyNull(columns, leftKeys, row) ? EMPTY : lookup(hashes[position], columns, row);
            if (chainRow == EMPTY) {
                position++;
            }
        }
        return count;
    }

    private long lookup(long hash, ColumnVector[] columns, int row) {
        long slot = hash & mask;
        while (true) {
            long head = slots.get(slot);
            if (head == EMPTY) {
                return EMPTY;
            }
            if (slotHashes.get(slot) == hash && rightRowEquals((int) head, columns, leftKeys, row)) {
                return head;
            }
            slot = (slot + 1) & mask;
        }
    }

    @Override
    protected void closeStructures() {
        RuntimeException failure = new RuntimeException("closing hash table");
        Operators.closeQuietly(failure, slots, slotHashes, chainNext);
        slots = null;
        slotHashes = null;
        chainNext = null;
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
