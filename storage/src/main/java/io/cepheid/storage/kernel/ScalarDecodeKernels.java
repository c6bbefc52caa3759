package io.cepheid.storage.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** The scalar twin of the decode kernels: plain loops, the reference the SIMD kernels are tested against. */
public final class ScalarDecodeKernels implements DecodeKernels {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void unpackFrame(MemorySegment packed, long offset, int bitWidth, int positions, long base, long[] out) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, 0, positions * FRAME_LANES, base);
            return;
        }
        long mask = bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
        for (int position = 0; position < positions; position++) {
            long bit = (long) position * bitWidth;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            boolean spills = shift + bitWidth > 64;
            for (int lane = 0; lane < FRAME_LANES; lane++) {
                long at = offset + ((long) word * FRAME_LANES + lane) * Long.BYTES;
                long value = packed.get(LONG, at) >>> shift;
                if (spills) {
                    value |= packed.get(LONG, at + FRAME_LANES * Long.BYTES) << (64 - shift);
                }
                out[position * FRAME_LANES + lane] = (value & mask) + base;
            }
        }
    }

    @Override
    public long prefixSumBytes(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset) {
        long running = start;
        for (int i = 0; i < count; i++) {
            running += deltas.get(ValueLayout.JAVA_BYTE, offset + i);
            out[outOffset + i] = running;
        }
        return running;
    }

    @Override
    public long prefixSumShorts(MemorySegment deltas, long offset, int count, long start, long[] out, int outOffset) {
        long running = start;
        for (int i = 0; i < count; i++) {
            running += deltas.get(SHORT, offset + 2L * i);
            out[outOffset + i] = running;
        }
        return running;
    }
}
