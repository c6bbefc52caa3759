package io.cepheid.storage.kernel;

/**
 * Chooses the decode kernels once per JVM: SIMD when {@code jdk.incubator.vector} is present and the
 * SIMD class loads and passes a self-check, otherwise scalar; logs one line saying which and why.
 * {@code -Dcepheid.kernels=scalar} forces the scalar twin.
 */
public final class DecodeKernelsProvider {
    private static final System.Logger LOG = System.getLogger(DecodeKernelsProvider.class.getName());
    private static final DecodeKernels SCALAR = new ScalarDecodeKernels();
    private static final DecodeKernels INSTANCE = choose();

    private DecodeKernelsProvider() {
    }

    /** The kernels decoding uses. */
    public static DecodeKernels get() {
        return INSTANCE;
    }

    /** The scalar twin, always available. */
    public static DecodeKernels scalar() {
        return SCALAR;
    }

    private static DecodeKernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("cepheid.kernels"))) {
            LOG.log(System.Logger.Level.INFO, "decode kernels: scalar (forced by -Dcepheid.kernels=scalar)");
            return SCALAR;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "decode kernels: scalar, because jdk.incubator.vector is not loaded;"
                    + " start the JVM with --add-modules jdk.incubator.vector for SIMD decoding");
            return SCALAR;
        }
        try {
            DecodeKernels simd = new SimdDecodeKernels();
            selfCheck(simd);
            LOG.log(System.Logger.Level.INFO, "decode kernels: " + simd.name() + " (Vector API available)");
            return simd;
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "decode kernels: scalar, because SIMD kernels failed to start: " + e);
            return SCALAR;
        }
    }

    /** A tiny frame and delta run decoded both ways; a miscompiling or missing intrinsic shows up here, not in data. */
    private static void selfCheck(DecodeKernels simd) {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        var segment = java.lang.foreign.MemorySegment.ofArray(bytes);
        long[] expected = new long[bytes.length];
        long[] actual = new long[bytes.length];
        SCALAR.unpackFrame(segment, 0, 7, 16, -5, expected);
        simd.unpackFrame(segment, 0, 7, 16, -5, actual);
        SCALAR.prefixSumBytes(segment, 0, 200, 3, expected, 0);
        simd.prefixSumBytes(segment, 0, 200, 3, actual, 0);
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new IllegalStateException("SIMD decode kernels disagree with the scalar ones");
        }
    }
}
