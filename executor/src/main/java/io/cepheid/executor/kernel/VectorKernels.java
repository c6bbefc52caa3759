package io.cepheid.executor.kernel;

import java.lang.foreign.MemorySegment;

/**
 * Batch-at-a-time primitives over Arrow-layout buffers. {@code validity} is the bitmap (bit i set = row i
 * valid) or null when no row is null; null rows never satisfy a comparison and are skipped by aggregates.
 * Two implementations: {@link ScalarKernels} (always there) and a SIMD one over {@code jdk.incubator.vector};
 * {@link Kernels#get()} picks one. Both must give identical results (floating-point sums within tolerance).
 */
public interface VectorKernels {
    /** Name shown in logs: "scalar" or "simd-512" and so on. */
    String name();

    // ---- comparisons producing selections: write ascending row indexes of matching rows, return count;
    //      selectionOut must hold count entries, and entries past the returned count are unspecified ----

    int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selectionOut);

    int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selectionOut);

    int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selectionOut);

    // ---- aggregates over rows [0, count) ----

    long sumInt(MemorySegment values, MemorySegment validity, int count);

    long sumLong(MemorySegment values, MemorySegment validity, int count);

    double sumDouble(MemorySegment values, MemorySegment validity, int count);

    /** Number of valid rows among [0, count). */
    int countValid(MemorySegment validity, int count);

    /** Min of valid rows; Long.MAX_VALUE when none (check countValid). */
    long minLong(MemorySegment values, MemorySegment validity, int count);

    long maxLong(MemorySegment values, MemorySegment validity, int count);

    int minInt(MemorySegment values, MemorySegment validity, int count);

    int maxInt(MemorySegment values, MemorySegment validity, int count);

    double minDouble(MemorySegment values, MemorySegment validity, int count);

    double maxDouble(MemorySegment values, MemorySegment validity, int count);

    // ---- hashing: hashesOut[i] = hash of row i (nulls hash to a fixed value) ----

    void hashLong(MemorySegment values, MemorySegment validity, int count, long[] hashesOut);

    void hashInt(MemorySegment values, MemorySegment validity, int count, long[] hashesOut);

    /** Mixes another column into existing hashes: hashes[i] = combine(hashes[i], hash(row i)). */
    void combineHashLong(MemorySegment values, MemorySegment validity, int count, long[] hashes);

    void combineHashInt(MemorySegment values, MemorySegment validity, int count, long[] hashes);
}
