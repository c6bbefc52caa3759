package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.spill.SpillPolicy;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Equi-join: the right input becomes an open-addressing table of precomputed key hashes whose slots point at
 * chains of right rows with equal keys; each left row walks its chain. Null keys never match (those right
 * rows are kept only for RIGHT/FULL padding). A build side that outgrows the query's memory budget is
 * spilled: {@link HashJoinSpill} finishes the join partition by partition from disk.
 */
final class HashJoinOperator extends AbstractJoinOperator {
    private static final long EMPTY = -1;

    private final HashJoinSpec spec;
    /** Spill level: partitions split at this level's hash bits; at {@link SpillPolicy#MAX_LEVELS} it never spills. */
    private final int level;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private HashJoinSpill spill;
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
        this.spec = spec;
        this.level = 0;
        this.leftKeys = keys(spec.leftKeys());
        this.rightKeys = keys(spec.rightKeys());
        checkKeys();
    }

    /** The join of {@code spec} over one spilled partition's inputs (which it owns), at spill {@code level}. */
    HashJoinOperator(HashJoinSpec spec, Operator left, Operator right, int level, ExecutionContext context) {
        super(left, right, spec.left().outputTypes(), spec.right().outputTypes(), spec.kind(), spec.residual(), context);
        this.spec = spec;
        this.level = level;
        this.leftKeys = keys(spec.leftKeys());
        this.rightKeys = keys(spec.rightKeys());
        checkKeys();
    }

    private static int[] keys(List<Integer> keys) {
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    private void checkKeys() {
        if (leftKeys.length != rightKeys.length || leftKeys.length == 0) {
            close();
            throw new IllegalArgumentException("hash join needs matching, non-empty key lists: " + spec);
        }
    }

    /**
     * Past half the query's budget, counting the hash table still to be built over the rows so far, those rows
     * go to disk and {@link #spill} runs the rest of the join.
     */
    @Override
    protected boolean stopBuilding() {
        if (level >= SpillPolicy.MAX_LEVELS || !SpillPolicy.overBudget(context.allocator(), hashTableBytes(build.rowCount()))) {
            return false;
        }
        spill = new HashJoinSpill(spec, level, context);
        spill.addBuildRows(build);
        build.close();
        return true;
    }

    @Override
    public Batch next() {
        if (spill == null) {
            Batch out = super.next();
            if (out != null || spill == null) {
                return out;
            }
        }
        return spill.next(leftInput(), rightInput());
    }

    /** Slots at most half full: 2 * rows rounded up to a power of two, at least 32. */
    private static long capacity(int rows) {
        return Long.highestOneBit(Math.max(16L, rows * 2L - 1)) << 1;
    }

    /** What {@link #buildFinished()} allocates for {@code rows} build rows: slots, slot hashes and chain links. */
    private static long hashTableBytes(int rows) {
        return capacity(rows) * 2 * Long.BYTES + Math.max(rows, 1) * (long) Long.BYTES;
    }

    @Override
    protected void buildFinished() {
        int rows = build.rowCount();
        long capacity = capacity(rows);
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
        Operators.closeQuietly(failure, slots, slotHashes, chainNext, spill);
        spill = null;
        slots = null;
        slotHashes = null;
        chainNext = null;
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
