package io.cepheid.storage.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Decode kernels on the Vector API at the machine's preferred width; the only storage class importing
 * {@code jdk.incubator.vector}. Construct it only through {@link DecodeKernelsProvider}, which falls back
 * to {@link ScalarDecodeKernels} when this class cannot load.
 */
final class SimdDecodeKernels implements DecodeKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /** Same shape as {@link #LONGS}: one byte load widens into {@code 8} long vectors. */
    private static final VectorSpecies<Byte> BYTES = LONGS.withLanes(byte.class);
    private static final VectorSpecies<Short> SHORTS = LONGS.withLanes(short.class);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    SimdDecodeKernels() {
        int lanes = LONGS.length();
        // A frame is 8 lanes wide: vectors of 2, 4 or 8 longs tile it; wider (SVE 1024+) or scalar-width ones do not.
        if (lanes < 2 || lanes > FRAME_LANES) {
            throw new UnsupportedOperationException("preferred long species has " + lanes + " lanes; SIMD decoding needs 2 to 8");
        }
    }

    @Override
    public String name() {
        return "simd-" + LONGS.vectorBitSize();
    }

    @Override
    public void unpackFrame(MemorySegment packed, long offset, int bitWidth, int positions, long base, long[] out) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, 0, positions * FRAME_LANES, base);
            return;
        }
        long mask = bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
        int step = LONGS.length();
        for (int position = 0; position < positions; position++) {
            long bit = (long) position * bitWidth;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            boolean spills = shift + bitWidth > 64;
            for (int lane = 0; lane < FRAME_LANES; lane += step) {
                long at = offset + ((long) word * FRAME_LANES + lane) * Long.BYTES;
                LongVector value = LongVector.fromMemorySegment(LONGS, packed, at, ByteOrder.LITTLE_ENDIAN)
                        .lanewise(VectorOperators.LSHR, shift);
                if (spills) {
                    value = value.or(LongVector.fromMemorySegment(LONGS, packed, at + FRAME_LANES * Long.BYTES, ByteOrder.LITTLE_ENDIAN)
                            .lanewise(VectorOperators.LSHL, 64 - shift));
                }
                value.and(mask).add(base).intoArray(out, position * FRAME_LANES + lane);
            }
        }
    }

    @Override
    public long prefixSumBytes(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset) {
        long running = start;
        int parts = BYTES.length() / LONGS.length();
        int i = 0;
        int bound = BYTES.loopBound(count);
        for (; i < bound; i += BYTES.length()) {
            ByteVector bytes = ByteVector.fromMemorySegment(BYTES, deltas, offset + i, ByteOrder.LITTLE_ENDIAN);
            for (int part = 0; part < parts; part++) {
                LongVector sums = inclusiveScan((LongVector) bytes.convertShape(VectorOperators.B2L, LONGS, part)).add(running);
                sums.intoArray(out, outOffset + i + part * LONGS.length());
                running = sums.lane(LONGS.length() - 1);
            }
        }
        for (; i < count; i++) {
            running += deltas.get(ValueLayout.JAVA_BYTE, offset + i);
            out[outOffset + i] = running;
        }
        return running;
    }

    @Override
    public long prefixSumShorts(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset) {
        long running = start;
        int parts = SHORTS.length() / LONGS.length();
        int i = 0;
        int bound = SHORTS.loopBound(count);
        for (; i < bound; i += SHORTS.length()) {
            ShortVector shorts = ShortVector.fromMemorySegment(SHORTS, deltas, offset + 2L * i, ByteOrder.LITTLE_ENDIAN);
            for (int part = 0; part < parts; part++) {
                LongVector sums = inclusiveScan((LongVector) shorts.convertShape(VectorOperators.S2L, LONGS, part)).add(running);
                sums.intoArray(out, outOffset + i + part * LONGS.length());
                running = sums.lane(LONGS.length() - 1);
            }
        }
        for (; i < count; i++) {
            running += deltas.get(SHORT, offset + 2L * i);
            out[outOffset + i] = running;
        }
        return running;
    }

    /** In-register prefix sum (Hillis-Steele): log2(lanes) shifted adds, e.g. 3 for 8 lanes. */
    private static LongVector inclusiveScan(LongVector vector) {
        LongVector sums = vector;
        for (int distance = 1; distance < LONGS.length(); distance <<= 1) {
            sums = sums.add(sums.unslice(distance));
        }
        return sums;
    }
}
