package io.cepheid.bench.kernel;

import io.cepheid.executor.kernel.VectorKernels;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** {@code sumInt} and {@code sumLong} over 1M values without nulls, scalar against SIMD. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class SumBenchmark {
    private static final int ROWS = 1 << 20;

    @Param({"scalar", "simd"})
    public String kernels;

    private Arena arena;
    private MemorySegment ints;
    private MemorySegment longs;
    private VectorKernels implementation;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = SelectBenchmark.KernelChoice.executor(kernels);
        arena = Arena.ofShared();
        ints = arena.allocate(4L * ROWS, 64);
        longs = arena.allocate(8L * ROWS, 64);
        var random = new Random(2);
        long expectedInts = 0;
        long expectedLongs = 0;
        for (int i = 0; i < ROWS; i++) {
            int value = random.nextInt();
            long wide = random.nextLong();
            ints.setAtIndex(ValueLayout.JAVA_INT, i, value);
            longs.setAtIndex(ValueLayout.JAVA_LONG, i, wide);
            expectedInts += value;
            expectedLongs += wide;
        }
        if (sumInt() != expectedInts || sumLong() != expectedLongs) {
            throw new IllegalStateException(kernels + " sums disagree with the expected " + expectedInts + " / " + expectedLongs);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public long sumInt() {
        return implementation.sumInt(ints, null, ROWS);
    }

    @Benchmark
    public long sumLong() {
        return implementation.sumLong(longs, null, ROWS);
    }
}
