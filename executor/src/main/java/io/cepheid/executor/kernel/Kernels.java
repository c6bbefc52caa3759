package io.cepheid.executor.kernel;

/**
 * Picks the kernel implementation once per JVM. Today: the scalar kernels; the SIMD provider plugs in here
 * (chosen when {@code jdk.incubator.vector} is available, falling back to scalar on any failure).
 */
public final class Kernels {
    private static final VectorKernels INSTANCE = new ScalarKernels();

    private Kernels() {
    }

    public static VectorKernels get() {
        return INSTANCE;
    }

    public static VectorKernels scalar() {
        return INSTANCE;
    }
}
