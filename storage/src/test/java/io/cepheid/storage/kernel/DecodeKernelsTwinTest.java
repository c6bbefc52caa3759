package io.cepheid.storage.kernel;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIMD and scalar decode kernels agree, and the scalar ones match a direct computation. */
class DecodeKernelsTwinTest {
    private static final int[] SIZES = {0, 1, 7, 13, 63, 1025, 2047, 4098};
    private final DecodeKernels scalar = new ScalarDecodeKernels();
    private final DecodeKernels simd = new SimdDecodeKernels();

    @Test
    void providerPicksSimdWhenTheVectorModuleIsLoaded() {
        // surefire runs with --add-modules jdk.incubator.vector, so the provider must not have fallen back
        assertTrue(DecodeKernelsProvider.get().name().startsWith("simd"), DecodeKernelsProvider.get().name());
        assertEquals("scalar", DecodeKernelsProvider.scalar().name());
    }

    @Test
    void unpackFrameAgreesForEveryBitWidthAndPositionCount() {
        var random = new Random(42);
        for (int bitWidth = 0; bitWidth <= 64; bitWidth++) {
            for (int positions : new int[]{1, 2, 7, 13, 63, 64}) {
                long[] differences = new long[positions * DecodeKernels.FRAME_LANES];
                long mask = bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
                for (int i = 0; i < differences.length; i++) {
                    long value = random.nextInt(4) == 0 ? mask : random.nextLong() & mask; // all-ones edge often
                    differences[i] = value;
                }
                long base = new long[]{0, Long.MIN_VALUE, Long.MAX_VALUE, -17, random.nextLong()}[random.nextInt(5)];
                MemorySegment packed = pack(differences, positions, bitWidth);
                long[] expected = new long[differences.length];
                long[] viaScalar = new long[differences.length];
                long[] viaSimd = new long[differences.length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = differences[i] + base;
                }
                scalar.unpackFrame(packed, 8, bitWidth, positions, base, viaScalar);
                simd.unpackFrame(packed, 8, bitWidth, positions, base, viaSimd);
                assertArrayEquals(expected, viaScalar, "scalar width " + bitWidth + " positions " + positions);
                assertArrayEquals(expected, viaSimd, "simd width " + bitWidth + " positions " + positions);
            }
        }
    }

    @Test
    void prefixSumsAgreeOnAwkwardSizesAndBoundaryDeltas() {
        var random = new Random(7);
        for (int size : SIZES) {
            for (long start : new long[]{0, Long.MAX_VALUE, Long.MIN_VALUE, -12345}) {
                byte[] bytes = new byte[2 * size + 16];
                for (int i = 0; i < bytes.length; i++) {
                    int kind = random.nextInt(4);
                    bytes[i] = kind == 0 ? Byte.MIN_VALUE : kind == 1 ? Byte.MAX_VALUE : (byte) random.nextInt();
                }
                MemorySegment deltas = MemorySegment.ofArray(bytes);
                long[] expectedBytes = new long[size + 3];
                long[] expectedShorts = new long[size + 3];
                long running = start;
                long runningShorts = start;
                for (int i = 0; i < size; i++) {
                    running += bytes[3 + i];
                    expectedBytes[3 + i] = running;
                    runningShorts += (short) ((bytes[3 + 2 * i] & 0xFF) | (bytes[4 + 2 * i] << 8));
                    expectedShorts[3 + i] = runningShorts;
                }
                for (DecodeKernels kernels : new DecodeKernels[]{scalar, simd}) {
                    long[] out = new long[size + 3];
                    assertEquals(running, kernels.prefixSumBytes(deltas, 3, size, start, out, 3), kernels.name());
                    assertArrayEquals(expectedBytes, out, kernels.name() + " bytes x" + size);
                    out = new long[size + 3];
                    assertEquals(runningShorts, kernels.prefixSumShorts(deltas, 3, size, start, out, 3), kernels.name());
                    assertArrayEquals(expectedShorts, out, kernels.name() + " shorts x" + size);
                }
            }
        }
    }

    /** The frame layout written independently of the codec: value j in lane j % 8 at position j / 8. */
    private static MemorySegment pack(long[] values, int positions, int bitWidth) {
        int words = DecodeKernels.wordsPerLane(positions, bitWidth);
        long[] packed = new long[1 + words * DecodeKernels.FRAME_LANES];
        for (int j = 0; j < values.length; j++) {
            for (int b = 0; b < bitWidth; b++) {
                if ((values[j] >>> b & 1) != 0) {
                    long bit = (long) (j / 8) * bitWidth + b;
                    packed[1 + (int) (bit / 64) * 8 + j % 8] |= 1L << (bit % 64);
                }
            }
        }
        return MemorySegment.ofArray(packed);
    }
}
