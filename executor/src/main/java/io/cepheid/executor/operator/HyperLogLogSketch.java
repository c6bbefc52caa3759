package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * HyperLogLog over {@link AggregateSpec#HYPERLOGLOG_REGISTERS} one-byte registers: the sketch behind
 * APPROXIMATE COUNT(DISTINCT) ({@link HyperLogLogAccumulator}, one sketch per group) and ANALYZE's distinct
 * counts (one sketch per column). Each non-null value's 64-bit key hash picks a register with its top bits
 * and offers the position of the first one bit of the rest. Sketches merge by taking the larger register.
 * The estimate uses linear counting while many registers are still empty (within a few percent for small
 * sets: 99 values read as 101), the harmonic-mean estimate above that (about 2.3% standard error). The static methods work on registers at any offset of a segment;
 * an instance owns one sketch in accounted off-heap memory.
 */
public final class HyperLogLogSketch implements AutoCloseable {
    public static final int REGISTERS = AggregateSpec.HYPERLOGLOG_REGISTERS;
    private static final int INDEX_BITS = Integer.numberOfTrailingZeros(REGISTERS);
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final BufferAllocator allocator;
    private final int[] keyColumns = new int[1];
    private MemorySegment registers;
    private long[] hashes = new long[0];
    private long[] scratch = new long[0];

    public HyperLogLogSketch(BufferAllocator allocator) {
        this.allocator = allocator;
        this.registers = allocator.allocateZeroed(REGISTERS);
    }

    /** Offers the non-null values of {@code column} in the selected rows of {@code batch}. */
    public void add(Batch batch, int column) {
        int n = batch.size();
        if (hashes.length < batch.rowCount()) {
            hashes = new long[batch.rowCount()];
            scratch = new long[batch.rowCount()];
        }
        keyColumns[0] = column;
        KeyHashing.hash(batch, keyColumns, hashes, scratch);
        var vector = batch.column(column);
        for (int i = 0; i < n; i++) {
            if (!vector.isNull(batch.row(i))) {
                offer(registers, 0, hashes[i]);
            }
        }
    }

    /** The estimated number of distinct values offered. */
    public long estimate() {
        return estimate(registers, 0);
    }

    /** Offers one value, by its key hash ({@link KeyHashing}), to the sketch at {@code base}. */
    static void offer(MemorySegment registers, long base, long keyHash) {
        long hash = finish(keyHash);
        int index = (int) (hash >>> (64 - INDEX_BITS));
        // The rest of the bits, with a stop bit so an all-zero rest still gives a bounded rank.
        int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
        long at = base + index;
        if (registers.get(ValueLayout.JAVA_BYTE, at) < rank) {
            registers.set(ValueLayout.JAVA_BYTE, at, (byte) rank);
        }
    }

    /** Merges the sketch at {@code offset} of {@code other} into the one at {@code base}. */
    static void merge(MemorySegment registers, long base, MemorySegment other, long offset) {
        for (int r = 0; r < REGISTERS; r++) {
            byte rank = other.get(ValueLayout.JAVA_BYTE, offset + r);
            if (registers.get(ValueLayout.JAVA_BYTE, base + r) < rank) {
                registers.set(ValueLayout.JAVA_BYTE, base + r, rank);
            }
        }
    }

    static long estimate(MemorySegment registers, long base) {
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

    /** MurmurHash3's finalizer: spreads key hashes (some are weak in their high bits) over all 64 bits. */
    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    @Override
    public void close() {
        if (registers != null) {
            allocator.free(registers);
            registers = null;
        }
    }
}
