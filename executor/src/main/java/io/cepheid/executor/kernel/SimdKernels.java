package io.cepheid.executor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The kernels on the Vector API at the machine's preferred width; the only executor class importing
 * {@code jdk.incubator.vector}. Each kernel has one shape: main loop to {@code SPECIES.loopBound(count)},
 * then a scalar tail that reuses {@link ScalarKernels}' per-row logic. Validity comes in as a lane mask
 * read straight from the bitmap (16 int lanes = 2 bitmap bytes). Construct only through {@link Kernels}.
 */
final class SimdKernels implements VectorKernels {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Ints with as many lanes as {@link #LONGS} (half the shape), widened to long for sums and hashes. */
    private static final VectorSpecies<Integer> HALF_INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** Lane numbers 0, 1, 2, ...: added to the row base and compressed by the match mask, they are the selection. */
    private static final IntVector LANE_NUMBERS = IntVector.zero(INTS).addIndex(1);
    private static final IntVector HALF_LANE_NUMBERS = IntVector.zero(HALF_INTS).addIndex(1);
    private static final ValueLayout.OfLong BITMAP_WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    SimdKernels() {
        if (LONGS.length() < 2) {
            throw new UnsupportedOperationException("preferred vectors hold " + LONGS.length() + " long; nothing to gain");
        }
    }

    @Override
    public String name() {
        return "simd-" + INTS.vectorBitSize();
    }

    /** Validity of rows {@code [row, row + lanes)} as mask bits, LSB first; {@code lanes} is at most 64. */
    static long validityBits(MemorySegment validity, int row, int lanes) {
        long byteIndex = row >>> 3;
        int shift = row & 7;
        long bits;
        if (byteIndex + 8 <= validity.byteSize()) {
            bits = validity.get(BITMAP_WORD, byteIndex) >>> shift;
        } else {
            bits = 0;
            for (int b = 0; b < 8 && byteIndex + b < validity.byteSize(); b++) {
                bits |= (validity.get(ValueLayout.JAVA_BYTE, byteIndex + b) & 0xFFL) << (8 * b);
            }
            bits >>>= shift;
        }
        // Rows past 56 + shift bits are not in this word; lanes <= 16 here, so one word always suffices.
        return lanes >= 64 ? bits : bits & ((1L << lanes) - 1);
    }

    /**
     * The rows satisfying {@code op}, from the lanes below ({@code less}) and equal to ({@code equal}) the
     * constant. The Vector API only compiles to SIMD when the operator is a constant, so every kernel makes
     * the same two constant comparisons and the query's operator is applied to the bit masks. For doubles
     * this is also SQL's order: NaN fails LT and EQ, so it lands in NE, GT and GE, as the largest value.
     */
    private static long matching(CompareOp op, long less, long equal, long lanes) {
        return switch (op) {
            case EQ -> equal;
            case NE -> ~equal & lanes;
            case LT -> less;
            case LE -> less | equal;
            case GT -> ~(less | equal) & lanes;
            case GE -> ~less & lanes;
        };
    }

    private static long laneBits(VectorSpecies<?> species) {
        return species.length() >= 64 ? -1L : (1L << species.length()) - 1;
    }

    /**
     * Appends rows {@code base + bit} for the set bits of {@code bits} to the selection. Where a whole vector
     * fits, the lane numbers are compressed by the mask and stored at once (AVX-512 vpcompressd), which may
     * write past the returned count; callers read only {@code [0, count)}. Otherwise one row per set bit.
     */
    private static int appendSelected(IntVector laneNumbers, long bits, int base, int[] selectionOut, int n) {
        if (n + laneNumbers.length() <= selectionOut.length) {
            laneNumbers.add(base).compress(VectorMask.fromLong(laneNumbers.species(), bits)).intoArray(selectionOut, n);
            return n + Long.bitCount(bits);
        }
        long remaining = bits;
        int written = n;
        while (remaining != 0) {
            selectionOut[written++] = base + Long.numberOfTrailingZeros(remaining);
            remaining &= remaining - 1;
        }
        return written;
    }

    @Override
    public int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selectionOut) {
        var constants = IntVector.broadcast(INTS, constant);
        long lanes = laneBits(INTS);
        int n = 0;
        int i = 0;
        for (int bound = INTS.loopBound(count); i < bound; i += INTS.length()) {
            var vector = IntVector.fromMemorySegment(INTS, values, 4L * i, NATIVE);
            long bits = matching(op, vector.compare(VectorOperators.LT, constants).toLong(),
                    vector.compare(VectorOperators.EQ, constants).toLong(), lanes);
            if (validity != null) {
                bits &= validityBits(validity, i, INTS.length());
            }
            n = appendSelected(LANE_NUMBERS, bits, i, selectionOut, n);
        }
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i) && ScalarKernels.compare(op, values.getAtIndex(ScalarKernels.INT, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    @Override
    public int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selectionOut) {
        var constants = LongVector.broadcast(LONGS, constant);
        long lanes = laneBits(LONGS);
        int n = 0;
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            var vector = LongVector.fromMemorySegment(LONGS, values, 8L * i, NATIVE);
            long bits = matching(op, vector.compare(VectorOperators.LT, constants).toLong(),
                    vector.compare(VectorOperators.EQ, constants).toLong(), lanes);
            if (validity != null) {
                bits &= validityBits(validity, i, LONGS.length());
            }
            n = appendSelected(HALF_LANE_NUMBERS, bits, i, selectionOut, n);
        }
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i) && ScalarKernels.compare(op, values.getAtIndex(ScalarKernels.LONG, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    /**
     * SQL order on doubles (NaN equal to NaN and above everything, -0.0 = 0.0). IEEE compares already treat
     * -0.0 = 0.0, and {@link #matching} puts NaN lanes above every number; against a NaN constant the
     * answer comes from the NaN test alone.
     */
    @Override
    public int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selectionOut) {
        var constants = DoubleVector.broadcast(DOUBLES, constant);
        boolean constantIsNaN = Double.isNaN(constant);
        long lanes = laneBits(DOUBLES);
        int n = 0;
        int i = 0;
        for (int bound = DOUBLES.loopBound(count); i < bound; i += DOUBLES.length()) {
            var vector = DoubleVector.fromMemorySegment(DOUBLES, values, 8L * i, NATIVE);
            long bits;
            if (constantIsNaN) {
                // every number is below NaN and NaN equals NaN
                long nan = vector.test(VectorOperators.IS_NAN).toLong();
                bits = matching(op, ~nan & lanes, nan, lanes);
            } else {
                bits = matching(op, vector.compare(VectorOperators.LT, constants).toLong(),
                        vector.compare(VectorOperators.EQ, constants).toLong(), lanes);
            }
            if (validity != null) {
                bits &= validityBits(validity, i, DOUBLES.length());
            }
            n = appendSelected(HALF_LANE_NUMBERS, bits, i, selectionOut, n);
        }
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i) && ScalarKernels.compare(op, values.getAtIndex(ScalarKernels.DOUBLE, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    /** Ints are widened to long lanes before adding: int lanes would overflow after one add of large values. */
    @Override
    public long sumInt(MemorySegment values, MemorySegment validity, int count) {
        var sums = LongVector.zero(LONGS);
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            var widened = (LongVector) IntVector.fromMemorySegment(HALF_INTS, values, 4L * i, NATIVE)
                    .convertShape(VectorOperators.I2L, LONGS, 0);
            sums = validity == null ? sums.add(widened)
                    : sums.add(widened, VectorMask.fromLong(LONGS, validityBits(validity, i, LONGS.length())));
        }
        long sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                sum += values.getAtIndex(ScalarKernels.INT, i);
            }
        }
        return sum;
    }

    @Override
    public long sumLong(MemorySegment values, MemorySegment validity, int count) {
        var sums = LongVector.zero(LONGS);
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            var vector = LongVector.fromMemorySegment(LONGS, values, 8L * i, NATIVE);
            sums = validity == null ? sums.add(vector)
                    : sums.add(vector, VectorMask.fromLong(LONGS, validityBits(validity, i, LONGS.length())));
        }
        long sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                sum += values.getAtIndex(ScalarKernels.LONG, i);
            }
        }
        return sum;
    }

    /** Sums lane-wise, so the rounding differs from the scalar left-to-right sum (tests allow 1e-9 relative). */
    @Override
    public double sumDouble(MemorySegment values, MemorySegment validity, int count) {
        var sums = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int bound = DOUBLES.loopBound(count); i < bound; i += DOUBLES.length()) {
            var vector = DoubleVector.fromMemorySegment(DOUBLES, values, 8L * i, NATIVE);
            sums = validity == null ? sums.add(vector)
                    : sums.add(vector, VectorMask.fromLong(DOUBLES, validityBits(validity, i, DOUBLES.length())));
        }
        double sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                sum += values.getAtIndex(ScalarKernels.DOUBLE, i);
            }
        }
        return sum;
    }

    /** A population count over 64-row bitmap words: 64 rows per instruction. */
    @Override
    public int countValid(MemorySegment validity, int count) {
        if (validity == null) {
            return count;
        }
        int n = 0;
        int i = 0;
        for (int bound = count & ~63; i < bound; i += 64) {
            n += Long.bitCount(validity.get(BITMAP_WORD, i >>> 3));
        }
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                n++;
            }
        }
        return n;
    }

    // Min and max are written out per operator: the Vector API compiles a lanewise MIN to one instruction
    // only when the operator is a constant at the call.

    @Override
    public long minLong(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = LongVector.broadcast(LONGS, Long.MAX_VALUE);
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            var vector = LongVector.fromMemorySegment(LONGS, values, 8L * i, NATIVE);
            accumulator = validity == null ? accumulator.min(vector)
                    : accumulator.lanewise(VectorOperators.MIN, vector, VectorMask.fromLong(LONGS, validityBits(validity, i, LONGS.length())));
        }
        long result = accumulator.reduceLanes(VectorOperators.MIN);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                result = Math.min(result, values.getAtIndex(ScalarKernels.LONG, i));
            }
        }
        return result;
    }

    @Override
    public long maxLong(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = LongVector.broadcast(LONGS, Long.MIN_VALUE);
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            var vector = LongVector.fromMemorySegment(LONGS, values, 8L * i, NATIVE);
            accumulator = validity == null ? accumulator.max(vector)
                    : accumulator.lanewise(VectorOperators.MAX, vector, VectorMask.fromLong(LONGS, validityBits(validity, i, LONGS.length())));
        }
        long result = accumulator.reduceLanes(VectorOperators.MAX);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                result = Math.max(result, values.getAtIndex(ScalarKernels.LONG, i));
            }
        }
        return result;
    }

    @Override
    public int minInt(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = IntVector.broadcast(INTS, Integer.MAX_VALUE);
        int i = 0;
        for (int bound = INTS.loopBound(count); i < bound; i += INTS.length()) {
            var vector = IntVector.fromMemorySegment(INTS, values, 4L * i, NATIVE);
            accumulator = validity == null ? accumulator.min(vector)
                    : accumulator.lanewise(VectorOperators.MIN, vector, VectorMask.fromLong(INTS, validityBits(validity, i, INTS.length())));
        }
        int result = accumulator.reduceLanes(VectorOperators.MIN);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                result = Math.min(result, values.getAtIndex(ScalarKernels.INT, i));
            }
        }
        return result;
    }

    @Override
    public int maxInt(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = IntVector.broadcast(INTS, Integer.MIN_VALUE);
        int i = 0;
        for (int bound = INTS.loopBound(count); i < bound; i += INTS.length()) {
            var vector = IntVector.fromMemorySegment(INTS, values, 4L * i, NATIVE);
            accumulator = validity == null ? accumulator.max(vector)
                    : accumulator.lanewise(VectorOperators.MAX, vector, VectorMask.fromLong(INTS, validityBits(validity, i, INTS.length())));
        }
        int result = accumulator.reduceLanes(VectorOperators.MAX);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                result = Math.max(result, values.getAtIndex(ScalarKernels.INT, i));
            }
        }
        return result;
    }

    /** As {@link ScalarKernels#minDouble}: NaN lanes are left out of the MIN and only matter when nothing else is valid. */
    @Override
    public double minDouble(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = DoubleVector.broadcast(DOUBLES, Double.POSITIVE_INFINITY);
        boolean sawNumber = false;
        boolean sawNaN = false;
        int i = 0;
        for (int bound = DOUBLES.loopBound(count); i < bound; i += DOUBLES.length()) {
            var vector = DoubleVector.fromMemorySegment(DOUBLES, values, 8L * i, NATIVE);
            long valid = validity == null ? -1L : validityBits(validity, i, DOUBLES.length());
            long nan = vector.test(VectorOperators.IS_NAN).toLong();
            var numbers = VectorMask.fromLong(DOUBLES, valid & ~nan);
            accumulator = accumulator.lanewise(VectorOperators.MIN, vector, numbers);
            sawNumber |= numbers.anyTrue();
            sawNaN |= (valid & nan) != 0;
        }
        double result = accumulator.reduceLanes(VectorOperators.MIN);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                double v = values.getAtIndex(ScalarKernels.DOUBLE, i);
                if (Double.isNaN(v)) {
                    sawNaN = true;
                } else {
                    result = Math.min(result, v);
                    sawNumber = true;
                }
            }
        }
        return !sawNumber && sawNaN ? Double.NaN : result;
    }

    /** As {@link ScalarKernels#maxDouble}: any valid NaN makes the max NaN, so NaN lanes are tracked apart. */
    @Override
    public double maxDouble(MemorySegment values, MemorySegment validity, int count) {
        var accumulator = DoubleVector.broadcast(DOUBLES, Double.NEGATIVE_INFINITY);
        boolean sawNaN = false;
        int i = 0;
        for (int bound = DOUBLES.loopBound(count); i < bound; i += DOUBLES.length()) {
            var vector = DoubleVector.fromMemorySegment(DOUBLES, values, 8L * i, NATIVE);
            long valid = validity == null ? -1L : validityBits(validity, i, DOUBLES.length());
            long nan = vector.test(VectorOperators.IS_NAN).toLong();
            accumulator = accumulator.lanewise(VectorOperators.MAX, vector, VectorMask.fromLong(DOUBLES, valid & ~nan));
            sawNaN |= (valid & nan) != 0;
        }
        double result = accumulator.reduceLanes(VectorOperators.MAX);
        for (; i < count; i++) {
            if (ScalarKernels.valid(validity, i)) {
                double v = values.getAtIndex(ScalarKernels.DOUBLE, i);
                if (Double.isNaN(v)) {
                    sawNaN = true;
                } else {
                    result = Math.max(result, v);
                }
            }
        }
        return sawNaN ? Double.NaN : result;
    }

    /** {@link ScalarKernels#mix} on every lane. */
    private static LongVector mix(LongVector value) {
        var h = value;
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33));
        h = h.mul(0xff51afd7ed558ccdL);
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33));
        h = h.mul(0xc4ceb9fe1a85ec53L);
        return h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33));
    }

    private static LongVector withNullHash(LongVector hashes, MemorySegment validity, int row) {
        if (validity == null) {
            return hashes;
        }
        var valid = VectorMask.fromLong(LONGS, validityBits(validity, row, LONGS.length()));
        return LongVector.broadcast(LONGS, ScalarKernels.NULL_HASH).blend(hashes, valid);
    }

    private static LongVector longHashes(MemorySegment values, MemorySegment validity, int row) {
        return withNullHash(mix(LongVector.fromMemorySegment(LONGS, values, 8L * row, NATIVE)), validity, row);
    }

    private static LongVector intHashes(MemorySegment values, MemorySegment validity, int row) {
        var widened = (LongVector) IntVector.fromMemorySegment(HALF_INTS, values, 4L * row, NATIVE)
                .convertShape(VectorOperators.I2L, LONGS, 0);
        return withNullHash(mix(widened), validity, row);
    }

    @Override
    public void hashLong(MemorySegment values, MemorySegment validity, int count, long[] hashesOut) {
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            longHashes(values, validity, i).intoArray(hashesOut, i);
        }
        for (; i < count; i++) {
            hashesOut[i] = ScalarKernels.valid(validity, i) ? ScalarKernels.mix(values.getAtIndex(ScalarKernels.LONG, i)) : ScalarKernels.NULL_HASH;
        }
    }

    @Override
    public void hashInt(MemorySegment values, MemorySegment validity, int count, long[] hashesOut) {
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            intHashes(values, validity, i).intoArray(hashesOut, i);
        }
        for (; i < count; i++) {
            hashesOut[i] = ScalarKernels.valid(validity, i) ? ScalarKernels.mix(values.getAtIndex(ScalarKernels.INT, i)) : ScalarKernels.NULL_HASH;
        }
    }

    @Override
    public void combineHashLong(MemorySegment values, MemorySegment validity, int count, long[] hashes) {
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            LongVector.fromArray(LONGS, hashes, i).mul(31).add(longHashes(values, validity, i)).intoArray(hashes, i);
        }
        for (; i < count; i++) {
            hashes[i] = ScalarKernels.combine(hashes[i], ScalarKernels.valid(validity, i)
                    ? ScalarKernels.mix(values.getAtIndex(ScalarKernels.LONG, i)) : ScalarKernels.NULL_HASH);
        }
    }

    @Override
    public void combineHashInt(MemorySegment values, MemorySegment validity, int count, long[] hashes) {
        int i = 0;
        for (int bound = LONGS.loopBound(count); i < bound; i += LONGS.length()) {
            LongVector.fromArray(LONGS, hashes, i).mul(31).add(intHashes(values, validity, i)).intoArray(hashes, i);
        }
        for (; i < count; i++) {
            hashes[i] = ScalarKernels.combine(hashes[i], ScalarKernels.valid(validity, i)
                    ? ScalarKernels.mix(values.getAtIndex(ScalarKernels.INT, i)) : ScalarKernels.NULL_HASH);
        }
    }
}
