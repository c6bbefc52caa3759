package io.cepheid.bench.kernel;

import io.cepheid.executor.kernel.CompareOp;
import io.cepheid.executor.kernel.Kernels;
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

/** {@code selectInt(x < c)} over 1M ints with 10% nulls, scalar against SIMD; selectivity about 50%. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class SelectBenchmark {
    private static final int ROWS = 1 << 20;
    private static final int CONSTANT = 0;

    @Param({"scalar", "simd"})
    public String kernels;

    private Arena arena;
    private MemorySegment values;
    private MemorySegment validity;
    private int[] selection;
    private VectorKernels implementation;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = KernelChoice.executor(kernels);
        arena = Arena.ofShared();
        values = arena.allocate(4L * ROWS, 64);
        validity = arena.allocate(ROWS / 8, 64);
        selection = new int[ROWS];
        var random = new Random(1);
        int expected = 0;
        for (int i = 0; i < ROWS; i++) {
            int value = random.nextInt();
            boolean valid = random.nextInt(10) != 0;
            values.setAtIndex(ValueLayout.JAVA_INT, i, value);
            if (valid) {
                validity.set(ValueLayout.JAVA_BYTE, i >>> 3, (byte) (validity.get(ValueLayout.JAVA_BYTE, i >>> 3) | (1 << (i & 7))));
                if (value < CONSTANT) {
                    expected++;
                }
            }
        }
        int actual = select();
        if (actual != expected) {
            throw new IllegalStateException(kernels + " selected " + actual + " rows, expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public int select() {
        return implementation.selectInt(values, validity, ROWS, CompareOp.LT, CONSTANT, selection);
    }

    /** Resolves a benchmark parameter to a kernel implementation, failing when SIMD was asked for but is not active. */
    static final class KernelChoice {
        private KernelChoice() {
        }

        static VectorKernels executor(String name) {
            VectorKernels chosen = name.equals("scalar") ? Kernels.scalar() : Kernels.get();
            if (!chosen.name().startsWith(name)) {
                throw new IllegalStateException("asked for " + name + " kernels but " + chosen.name() + " is active");
            }
            return chosen;
        }
    }
}
