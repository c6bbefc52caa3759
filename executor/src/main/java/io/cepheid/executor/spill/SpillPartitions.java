package io.cepheid.executor.spill;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;

import java.util.Arrays;
import java.util.List;

/**
 * {@link SpillPolicy#PARTITIONS} spill files of one schema, rows routed by the bits of their key hash that
 * belong to one partitioning {@code level}: rows with equal keys always land in the same partition, so a
 * hash join or aggregation can finish each partition on its own. Partition files are created on first use.
 */
public final class SpillPartitions implements AutoCloseable {
    /** Rows staged per partition before a write: 16 partitions stay within a few MiB even for wide rows. */
    static final int STAGING_ROWS = 1024;

    private final BufferAllocator allocator;
    private final List<SqlType> types;
    private final int level;
    private final SpillFile[] files = new SpillFile[SpillPolicy.PARTITIONS];
    private final int[] counts = new int[SpillPolicy.PARTITIONS];
    private int[][] rows = new int[SpillPolicy.PARTITIONS][0];

    public SpillPartitions(BufferAllocator allocator, List<SqlType> types, int level) {
        SpillPolicy.shift(level); // validates the level
        this.allocator = allocator;
        this.types = List.copyOf(types);
        this.level = level;
    }

    public int level() {
        return level;
    }

    /**
     * Appends each selected row of {@code batch} to its partition; {@code hashes[i]} is the key hash of the
     * i-th selected row. Only rows with {@code include == null || include[i]} are written.
     */
    public void add(Batch batch, long[] hashes, boolean[] include) {
        int n = batch.size();
        Arrays.fill(counts, 0);
        for (int p = 0; p < rows.length; p++) {
            if (rows[p].length < n) {
                rows[p] = new int[Math.max(n, 16)];
            }
        }
        int shift = SpillPolicy.shift(level);
        for (int i = 0; i < n; i++) {
            if (include == null || include[i]) {
                int p = (int) (hashes[i] >>> shift) & (SpillPolicy.PARTITIONS - 1);
                rows[p][counts[p]++] = batch.row(i);
            }
        }
        for (int p = 0; p < files.length; p++) {
            if (counts[p] > 0) {
                partition(p).append(batch, rows[p], counts[p]);
            }
        }
    }

    private SpillFile partition(int p) {
        if (files[p] == null) {
            files[p] = new SpillFile(allocator, types, STAGING_ROWS);
        }
        return files[p];
    }

    /** The file of partition {@code p}, or null when no row went there. */
    public SpillFile file(int p) {
        return files[p];
    }

    /** Rows written so far, over all partitions. */
    public long rowCount() {
        long total = 0;
        for (SpillFile file : files) {
            total += file == null ? 0 : file.rowCount();
        }
        return total;
    }

    /** Bytes written to disk so far, over all partitions. */
    public long bytesWritten() {
        long total = 0;
        for (SpillFile file : files) {
            total += file == null ? 0 : file.bytesWritten();
        }
        return total;
    }

    /** Closes (deletes) partition {@code p} once it has been processed. */
    public void closePartition(int p) {
        if (files[p] != null) {
            files[p].close();
            files[p] = null;
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int p = 0; p < files.length; p++) {
            try {
                closePartition(p);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        rows = new int[SpillPolicy.PARTITIONS][0];
        if (failure != null) {
            throw failure;
        }
    }
}
