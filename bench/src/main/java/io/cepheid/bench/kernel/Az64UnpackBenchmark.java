package io.cepheid.bench.kernel;

import io.cepheid.storage.kernel.DecodeKernels;
import io.cepheid.storage.kernel.DecodeKernelsProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * AZ64 frame unpacking: 128 full frames (65,536 values) of {@code bitWidth}-bit differences, scalar against
 * SIMD. Reports time per 65,536 values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class Az64UnpackBenchmark {
    private static final int POSITIONS = 64;
    private static final int FRAME = POSITIONS * DecodeKernels.FRAME_LANES;
    private static final int FRAMES = 128;
    private static final long BASE = 1_700_000_000_000L;

    @Param({"scalar", "simd"})
    public String kernels;

    @Param({"9", "23"})
    public int bitWidth;

    private DecodeKernels implementation;
    private MemorySegment packed;
    private long frameBytes;
    private long[] frame;
    private long[] out;
    private long[] expected;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = kernels.equals("scalar") ? DecodeKernelsProvider.scalar() : DecodeKernelsProvider.get();
        if (!implementation.name().startsWith(kernels)) {
            throw new IllegalStateException("asked for " + kernels + " decode kernels but " + implementation.name() + " is active");
        }
        frameBytes = DecodeKernels.frameBytes(POSITIONS, bitWidth);
        long[] words = new long[(int) (frameBytes / 8) * FRAMES];
        expected = new long[FRAME * FRAMES];
        var random = new Random(3);
        for (int frame = 0; frame < FRAMES; frame++) {
            int firstWord = frame * (int) (frameBytes / 8);
            for (int j = 0; j < FRAME; j++) {
                long difference = random.nextLong() & ((1L << bitWidth) - 1);
                expected[frame * FRAME + j] = BASE + difference;
                long bit = (long) (j / DecodeKernels.FRAME_LANES) * bitWidth;
                int lane = j % DecodeKernels.FRAME_LANES;
                int shift = (int) (bit & 63);
                words[firstWord + (int) (bit >>> 6) * DecodeKernels.FRAME_LANES + lane] |= difference << shift;
                if (shift + bitWidth > 64) {
                    words[firstWord + ((int) (bit >>> 6) + 1) * DecodeKernels.FRAME_LANES + lane] |= difference >>> (64 - shift);
                }
            }
        }
        packed = MemorySegment.ofArray(words);
        out = new long[FRAME * FRAMES];
        frame = new long[FRAME];
        unpack();
        if (!Arrays.equals(out, expected)) {
            throw new IllegalStateException(kernels + " unpacked frames differ from the packed values");
        }
    }

    @Benchmark
    public long[] unpack() {
        for (int f = 0; f < FRAMES; f++) {
            implementation.unpackFrame(packed, f * frameBytes, bitWidth, POSITIONS, BASE, frame);
            System.arraycopy(frame, 0, out, f * FRAME, FRAME);
        }
        return out;
    }
}
