package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;

/**
 * APPROXIMATE COUNT(DISTINCT x): one {@link HyperLogLogSketch} of {@link AggregateSpec#HYPERLOGLOG_REGISTERS}
 * one-byte registers per group, all in one accounted off-heap segment. PARTIAL emits the registers and FINAL
 * merges them.
 */
final class HyperLogLogAccumulator implements Accumulator {
    private static final int REGISTERS = HyperLogLogSketch.REGISTERS;

    private final BufferAllocator allocator;
    private final int column;
    private final int[] keyColumns;
    private final boolean merge;
    private final boolean partial;
    private MemorySegment registers;
    private long groups;
    private long[] hashes = new long[0];
    private long[] scratch = new long[0];

    /** {@code column}: the argument, or in FINAL mode ({@code merge}) the sketch column. */
    HyperLogLogAccumulator(BufferAllocator allocator, int column, boolean merge, boolean partial) {
        this.allocator = allocator;
        this.column = column;
        this.keyColumns = new int[] {column};
        this.merge = merge;
        this.partial = partial;
        this.groups = 16;
        this.registers = allocator.allocateZeroed(groups * REGISTERS);
    }

    @Override
    public void ensureGroups(int groupCount) {
        if (groupCount <= groups) {
            return;
        }
        long grown = Math.max(groupCount, groups * 2);
        registers = allocator.reallocate(registers, groups * REGISTERS, grown * REGISTERS);
        registers.asSlice(groups * REGISTERS).fill((byte) 0);
        groups = grown;
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        ColumnVector vector = batch.column(column);
        if (merge) {
            MemorySegment data = vector.data();
            for (int i = 0; i < n; i++) {
                int row = batch.row(i);
                if (!vector.isNull(row)) {
                    HyperLogLogSketch.merge(registers, (long) groupIds[i] * REGISTERS, data, vector.getOffset(row));
                }
            }
            return;
        }
        if (hashes.length < batch.rowCount()) {
            hashes = new long[batch.rowCount()];
            scratch = new long[batch.rowCount()];
        }
        KeyHashing.hash(batch, keyColumns, hashes, scratch);
        for (int i = 0; i < n; i++) {
            if (!vector.isNull(batch.row(i))) {
                HyperLogLogSketch.offer(registers, (long) groupIds[i] * REGISTERS, hashes[i]);
            }
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long base = (long) group * REGISTERS;
        if (partial) {
            out[outColumn].setBytes(row, registers, base, REGISTERS);
            return;
        }
        out[outColumn].setLong(row, HyperLogLogSketch.estimate(registers, base));
    }

    @Override
    public void close() {
        if (registers != null) {
            allocator.free(registers);
            registers = null;
        }
    }
}
