package io.cepheid.executor.kernel;

/**
 * Picks the kernel implementation once per JVM: {@link SimdKernels} when {@code jdk.incubator.vector} is
 * loaded and the SIMD class starts and passes a self-check, otherwise {@link ScalarKernels}. Logs one
 * line saying which and why. {@code -Dcepheid.kernels=scalar} forces the scalar twin.
 */
public final class Kernels {
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
    private static final VectorKernels SCALAR = new ScalarKernels();
    private static final VectorKernels INSTANCE = choose();

    private Kernels() {
    }

    /** The kernels operators use. */
    public static VectorKernels get() {
        return INSTANCE;
    }

    /** The scalar twin, always available: the reference in tests. */
    public static VectorKernels scalar() {
        return SCALAR;
    }

    private static VectorKernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("cepheid.kernels"))) {
            LOG.log(System.Logger.Level.INFO, "executor kernels: scalar (forced by -Dcepheid.kernels=scalar)");
            return SCALAR;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "executor kernels: scalar, because jdk.incubator.vector is not loaded;"
                    + " start the JVM with --add-modules jdk.incubator.vector for SIMD kernels");
            return SCALAR;
        }
        try {
            VectorKernels simd = new SimdKernels();
            selfCheck(simd);
            LOG.log(System.Logger.Level.INFO, "executor kernels: " + simd.name() + " (Vector API available)");
            return simd;
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "executor kernels: scalar, because SIMD kernels failed to start: " + e);
            return SCALAR;
        }
    }

    /** One small batch through both twins: a broken intrinsic shows up at startup, not in query results. */
    private static void selfCheck(VectorKernels simd) {
        int rows = 100;
        var values = java.lang.foreign.MemorySegment.ofArray(new long[rows]);
        for (int i = 0; i < rows; i++) {
            values.setAtIndex(ScalarKernels.LONG, i, (i * 7919L) % 101 - 50);
        }
        int[] expected = new int[rows];
        int[] actual = new int[rows];
        int n = SCALAR.selectLong(values, null, rows, CompareOp.GT, 3, expected);
        if (n != simd.selectLong(values, null, rows, CompareOp.GT, 3, actual)
                || !java.util.Arrays.equals(expected, actual)
                || SCALAR.sumLong(values, null, rows) != simd.sumLong(values, null, rows)) {
            throw new IllegalStateException("SIMD kernels disagree with the scalar ones");
        }
    }
}
