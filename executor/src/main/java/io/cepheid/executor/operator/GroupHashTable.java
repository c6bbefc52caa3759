package io.cepheid.executor.operator;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Maps group keys to dense group ids 0, 1, 2, ...: open addressing with linear probing over a power-of-two
 * slot array holding each group's precomputed hash, resized at half load. Keys live in a {@link RowStore}
 * whose row id is the group id; NULL keys form their own group.
 */
final class GroupHashTable implements AutoCloseable {
    private static final long EMPTY = -1;
    /** The group id {@link #find} reports for a key the table does not hold. */
    static final int NO_GROUP = -1;

    private final BufferAllocator allocator;
    private final RowStore keys;
    private final OffHeapLongs groupHashes;
    private OffHeapLongs slots;
    private int mask;
    private final int keyCount;
    private final ColumnVector[] probeColumns;

    GroupHashTable(BufferAllocator allocator, List<SqlType> keyTypes) {
        this.allocator = allocator;
        this.keyCount = keyTypes.size();
        this.probeColumns = new ColumnVector[keyCount];
        RowStore store = new RowStore(allocator, keyTypes);
        OffHeapLongs hashes = null;
        try {
            hashes = new OffHeapLongs(allocator, 1024, 0);
            this.slots = new OffHeapLongs(allocator, 1024, EMPTY);
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, store, hashes);
            throw e;
        }
        this.keys = store;
        this.groupHashes = hashes;
        this.mask = 1023;
    }

    int groupCount() {
        return keys.rowCount();
    }

    RowStore keys() {
        return keys;
    }

    /**
     * Writes the group id of each selected row of {@code batch} to {@code groupIds}, creating groups as needed.
     * {@code hashes[i]} is the key hash of the i-th selected row.
     */
    void findOrInsert(Batch batch, int[] keyColumns, long[] hashes, int[] groupIds) {
        for (int k = 0; k < keyCount; k++) {
            probeColumns[k] = batch.column(keyColumns[k]);
        }
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            groupIds[i] = findOrInsert(hashes[i], batch.row(i));
        }
    }

    /**
     * Like {@link #findOrInsert(Batch, int[], long[], int[])} but creates no group: a row whose key has none
     * gets {@link #NO_GROUP}. A spilling aggregation uses it to keep folding the groups it already holds.
     */
    void find(Batch batch, int[] keyColumns, long[] hashes, int[] groupIds) {
        for (int k = 0; k < keyCount; k++) {
            probeColumns[k] = batch.column(keyColumns[k]);
        }
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            groupIds[i] = find(hashes[i], batch.row(i));
        }
    }

    private int find(long hash, int row) {
        long slot = hash & mask;
        while (true) {
            long group = slots.get(slot);
            if (group == EMPTY) {
                return NO_GROUP;
            }
            if (groupHashes.get(group) == hash && keysEqual((int) group, row)) {
                return (int) group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int findOrInsert(long hash, int row) {
        long slot = hash & mask;
        while (true) {
            long group = slots.get(slot);
            if (group == EMPTY) {
                int id = keys.appendRow(probeColumns, row);
                groupHashes.ensureLength(id + 1L, 0);
                groupHashes.set(id, hash);
                slots.set(slot, id);
                if (2L * keys.rowCount() > mask) {
                    grow();
                }
                return id;
            }
            if (groupHashes.get(group) == hash && keysEqual((int) group, row)) {
                return (int) group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysEqual(int group, int row) {
        for (int k = 0; k < keyCount; k++) {
            if (!KeyHashing.equal(keys.vector(group, k), group & RowStore.CHUNK_MASK, probeColumns[k], row)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        long capacity = (mask + 1L) * 2;
        OffHeapLongs grown = new OffHeapLongs(allocator, capacity, EMPTY);
        slots.close();
        slots = grown;
        mask = (int) (capacity - 1);
        for (int group = 0; group < keys.rowCount(); group++) {
            long slot = groupHashes.get(group) & mask;
            while (slots.get(slot) != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots.set(slot, group);
        }
    }

    @Override
    public void close() {
        keys.close();
        groupHashes.close();
        if (slots != null) {
            slots.close();
            slots = null;
        }
    }
}
