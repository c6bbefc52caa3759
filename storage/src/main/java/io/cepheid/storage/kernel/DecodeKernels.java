package io.cepheid.storage.kernel;

import java.lang.foreign.MemorySegment;

/**
 * Decode primitives behind the integer encodings: frame-of-reference bit-unpacking (AZ64) and delta
 * prefix sums (DELTA, DELTA32K). Two implementations give identical results: {@link ScalarDecodeKernels}
 * (always there) and a SIMD one; {@link DecodeKernelsProvider#get()} picks one per JVM.
 *
 * <p>Frame layout ("vertical" bit-packing, as in FastLanes): a frame holds up to {@code 8 * positions}
 * values spread over {@link #FRAME_LANES} 64-bit lanes; value {@code j} lives in lane {@code j % 8} at
 * position {@code j / 8}, i.e. bits {@code [position * bitWidth, position * bitWidth + bitWidth)} of that
 * lane's bit stream. Word {@code k} of lane {@code l} is the little-endian long at
 * {@code offset + (k * 8 + l) * 8}. Decoding position {@code p} therefore reads the same word index in
 * all eight lanes, which is one 512-bit load (or two 256-bit ones) followed by shifts and a mask, and the
 * eight results are consecutive output values. The layout is fixed on disk, whatever the machine's
 * vector width.
 */
public interface DecodeKernels {
    /** Lanes of a packed frame: eight 64-bit words side by side. */
    int FRAME_LANES = 8;

    /** 64-bit words in one lane's bit stream for {@code positions} values of {@code bitWidth} bits. */
    static int wordsPerLane(int positions, int bitWidth) {
        return (int) (((long) positions * bitWidth + 63) >>> 6);
    }

    /** Bytes of a packed frame: all lanes' words. */
    static long frameBytes(int positions, int bitWidth) {
        return (long) wordsPerLane(positions, bitWidth) * FRAME_LANES * Long.BYTES;
    }

    /** Name shown in logs: "scalar" or "simd-512" and so on. */
    String name();

    /**
     * Unpacks a frame of {@code positions * 8} values of {@code bitWidth} bits (0..64) starting at
     * {@code offset} in {@code packed}, adds {@code base} to each (wrapping), and writes them to
     * {@code out[0, positions * 8)}. The caller has checked that {@link #frameBytes} bytes are present.
     */
    void unpackFrame(MemorySegment packed, long offset, int bitWidth, int positions, long base, long[] out);

    /**
     * Running sums of {@code count} signed byte deltas: {@code out[outOffset + i] = start + deltas[0] + ...
     * + deltas[i]} (wrapping arithmetic). Returns the last sum, or {@code start} when count is 0.
     */
    long prefixSumBytes(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset);

    /** As {@link #prefixSumBytes} for little-endian signed 16-bit deltas. */
    long prefixSumShorts(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset);
}
