package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * APPROXIMATE COUNT(DISTINCT x): a HyperLogLog sketch of {@link AggregateSpec#HYPERLOGLOG_REGISTERS} one-byte
 * registers per group, in one accounted off-heap segment. Each non-null value's 64-bit hash picks a register
 * with its top bits and offers the position of the first one bit of the rest. Sketches merge by taking the
 * larger register, so PARTIAL emits the registers and FINAL merges them. The estimate uses linear counting
 * while many registers are still empty (exact for small sets), the harmonic-mean estimate above that.
 */
final class HyperLogLogAccumulator implements Accumulator {
    private static final int REGISTERS = AggregateSpec.HYPERLOGLOG_REGISTERS;
    private static final int INDEX_BITS = Integer.numberOfTrailingZeros(REGISTERS);
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

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
                    mergeSketch(groupIds[i], data, vector.getOffset(row));
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
            if (vector.isNull(batch.row(i))) {
                continue;
            }
            long hash = finish(hashes[i]);
            int index = (int) (hash >>> (64 - INDEX_BITS));
            // The rest of the bits, with a stop bit so an all-zero rest still gives a bounded rank.
            int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
            long at = (long) groupIds[i] * REGISTERS + index;
            if (registers.get(ValueLayout.JAVA_BYTE, at) < rank) {
                registers.set(ValueLayout.JAVA_BYTE, at, (byte) rank);
            }
        }
    }

    private void mergeSketch(int group, MemorySegment data, long offset) {
        long base = (long) group * REGISTERS;
        for (int r = 0; r < REGISTERS; r++) {
            byte other = data.get(ValueLayout.JAVA_BYTE, offset + r);
            if (registers.get(ValueLayout.JAVA_BYTE, base + r) < other) {
                registers.set(ValueLayout.JAVA_BYTE, base + r, other);
            }
        }
    }

    /** MurmurHash3's finalizer: spreads key hashes (some are weak in their high bits) over all 64 bits. */
    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long base = (long) group * REGISTERS;
        if (partial) {
            out[outColumn].setBytes(row, registers, base, REGISTERS);
            return;
        }
        out[outColumn].setLong(row, estimate(base));
    }

    private long estimate(long base) {
        double sum = 0;
        int zeros = 0;
        for (int r = 0; r < REGISTERS; r++) {
            int rank = registers.get(ValueLayout.JAVA_BYTE, base + r);
            sum += Math.scalb(1.0, -rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }

    @Override
    public void close() {
        if (registers != null) {
            allocator.free(registers);
            registers = null;
        }
    }
}
