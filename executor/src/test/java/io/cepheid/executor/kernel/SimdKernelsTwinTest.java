package io.cepheid.executor.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SIMD kernels against their scalar twins on awkward sizes, boundary values and every validity shape.
 * Integers must match exactly; double sums within 1e-9 of the sum of magnitudes (lane-wise summation
 * rounds differently), NaN and infinities exactly.
 */
class SimdKernelsTwinTest {
    private static final int[] SIZES = {0, 1, 7, 13, 63, 1025, 2047, 4098};
    private static final long[] LONG_EDGES = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final int[] INT_EDGES = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1};
    private static final double[] DOUBLE_EDGES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5};

    private final VectorKernels scalar = new ScalarKernels();
    private final VectorKernels simd = new SimdKernels();
    private final Arena arena = Arena.ofConfined();
    private final Random random = new Random(20261122);

    @AfterEach
    void close() {
        arena.close();
    }

    enum Validity { NONE, ALL_VALID, ALL_NULL, ALTERNATING, RANDOM }

    enum Values { RANDOM, BOUNDARY, SMALL_RANGE }

    /** One generated input: the three value columns over the same rows and validity. */
    private record Case(String name, int count, MemorySegment ints, MemorySegment longs, MemorySegment doubles,
                        MemorySegment validity, boolean finiteDoubles) {
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int count : SIZES) {
            for (Validity validity : Validity.values()) {
                for (Values values : Values.values()) {
                    for (boolean finite : new boolean[]{false, true}) {
                        cases.add(build(count, validity, values, finite));
                    }
                }
            }
        }
        return cases;
    }

    private Case build(int count, Validity validityShape, Values valueShape, boolean finiteDoubles) {
        MemorySegment ints = arena.allocate(4L * Math.max(count, 1), 4);
        MemorySegment longs = arena.allocate(8L * Math.max(count, 1), 8);
        MemorySegment doubles = arena.allocate(8L * Math.max(count, 1), 8);
        for (int i = 0; i < count; i++) {
            switch (valueShape) {
                case RANDOM -> {
                    ints.setAtIndex(ValueLayout.JAVA_INT, i, random.nextInt());
                    longs.setAtIndex(ValueLayout.JAVA_LONG, i, random.nextLong());
                    doubles.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (random.nextDouble() - 0.5) * 1e6);
                }
                case BOUNDARY -> {
                    ints.setAtIndex(ValueLayout.JAVA_INT, i, INT_EDGES[random.nextInt(INT_EDGES.length)]);
                    longs.setAtIndex(ValueLayout.JAVA_LONG, i, LONG_EDGES[random.nextInt(LONG_EDGES.length)]);
                    // MAX_VALUE sums overflow in one summation order and not another; finite cases leave them out
                    int edges = finiteDoubles ? 5 : DOUBLE_EDGES.length;
                    double edge = DOUBLE_EDGES[random.nextInt(edges)];
                    doubles.setAtIndex(ValueLayout.JAVA_DOUBLE, i, finiteDoubles && !Double.isFinite(edge) ? 2.5 : edge);
                }
                case SMALL_RANGE -> {
                    ints.setAtIndex(ValueLayout.JAVA_INT, i, random.nextInt(5) - 2);
                    longs.setAtIndex(ValueLayout.JAVA_LONG, i, random.nextInt(5) - 2);
                    doubles.setAtIndex(ValueLayout.JAVA_DOUBLE, i, random.nextInt(5) - 2.0);
                }
            }
        }
        MemorySegment validity = null;
        if (validityShape != Validity.NONE) {
            // exactly (count + 7) / 8 bytes: kernels must not read past a tight bitmap
            validity = arena.allocate(Math.max(1, (count + 7) / 8));
            for (int i = 0; i < count; i++) {
                boolean valid = switch (validityShape) {
                    case NONE, ALL_VALID -> true;
                    case ALL_NULL -> false;
                    case ALTERNATING -> i % 2 == 0;
                    case RANDOM -> random.nextInt(10) < 7;
                };
                if (valid) {
                    validity.set(ValueLayout.JAVA_BYTE, i >>> 3, (byte) (validity.get(ValueLayout.JAVA_BYTE, i >>> 3) | (1 << (i & 7))));
                }
            }
        }
        String name = count + " rows, " + validityShape + " validity, " + valueShape + " values" + (finiteDoubles ? ", finite" : "");
        return new Case(name, count, ints, longs, doubles, validity, finiteDoubles);
    }

    @Test
    void kernelsSelectsSimdWhenTheVectorModuleIsLoaded() {
        assertTrue(Kernels.get().name().startsWith("simd"), Kernels.get().name());
        assertEquals("scalar", Kernels.scalar().name());
    }

    @Test
    void selectionsAgree() {
        for (Case c : cases()) {
            for (CompareOp op : CompareOp.values()) {
                for (int constant : new int[]{Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, c.count > 0 ? c.ints.getAtIndex(ValueLayout.JAVA_INT, c.count / 2) : 7}) {
                    int[] expected = new int[c.count];
                    int[] actual = new int[c.count];
                    int n = scalar.selectInt(c.ints, c.validity, c.count, op, constant, expected);
                    assertEquals(n, simd.selectInt(c.ints, c.validity, c.count, op, constant, actual), c.name + " int " + op + " " + constant);
                    assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(actual, n), c.name + " int " + op);
                }
                for (long constant : new long[]{Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, c.count > 0 ? c.longs.getAtIndex(ValueLayout.JAVA_LONG, c.count / 3) : 7}) {
                    int[] expected = new int[c.count];
                    int[] actual = new int[c.count];
                    int n = scalar.selectLong(c.longs, c.validity, c.count, op, constant, expected);
                    assertEquals(n, simd.selectLong(c.longs, c.validity, c.count, op, constant, actual), c.name + " long " + op + " " + constant);
                    assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(actual, n), c.name + " long " + op);
                }
                for (double constant : new double[]{Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1.5,
                        c.count > 0 ? c.doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, c.count / 2) : 7}) {
                    int[] expected = new int[c.count];
                    int[] actual = new int[c.count];
                    int n = scalar.selectDouble(c.doubles, c.validity, c.count, op, constant, expected);
                    assertEquals(n, simd.selectDouble(c.doubles, c.validity, c.count, op, constant, actual), c.name + " double " + op + " " + constant);
                    assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(actual, n), c.name + " double " + op);
                }
            }
        }
    }

    @Test
    void integerAggregatesAgreeExactly() {
        for (Case c : cases()) {
            assertEquals(scalar.sumInt(c.ints, c.validity, c.count), simd.sumInt(c.ints, c.validity, c.count), c.name + " sumInt");
            assertEquals(scalar.sumLong(c.longs, c.validity, c.count), simd.sumLong(c.longs, c.validity, c.count), c.name + " sumLong");
            assertEquals(scalar.countValid(c.validity, c.count), simd.countValid(c.validity, c.count), c.name + " countValid");
            assertEquals(scalar.minInt(c.ints, c.validity, c.count), simd.minInt(c.ints, c.validity, c.count), c.name + " minInt");
            assertEquals(scalar.maxInt(c.ints, c.validity, c.count), simd.maxInt(c.ints, c.validity, c.count), c.name + " maxInt");
            assertEquals(scalar.minLong(c.longs, c.validity, c.count), simd.minLong(c.longs, c.validity, c.count), c.name + " minLong");
            assertEquals(scalar.maxLong(c.longs, c.validity, c.count), simd.maxLong(c.longs, c.validity, c.count), c.name + " maxLong");
        }
    }

    @Test
    void doubleAggregatesAgree() {
        for (Case c : cases()) {
            // min and max pick one of the inputs, so they must agree bit for bit (-0.0 against 0.0 included)
            assertEquals(Double.doubleToLongBits(scalar.minDouble(c.doubles, c.validity, c.count)),
                    Double.doubleToLongBits(simd.minDouble(c.doubles, c.validity, c.count)), c.name + " minDouble");
            assertEquals(Double.doubleToLongBits(scalar.maxDouble(c.doubles, c.validity, c.count)),
                    Double.doubleToLongBits(simd.maxDouble(c.doubles, c.validity, c.count)), c.name + " maxDouble");
            double expected = scalar.sumDouble(c.doubles, c.validity, c.count);
            double actual = simd.sumDouble(c.doubles, c.validity, c.count);
            if (Double.isFinite(expected)) {
                double magnitude = 0;
                for (int i = 0; i < c.count; i++) {
                    if (ScalarKernels.valid(c.validity, i)) {
                        magnitude += Math.abs(c.doubles.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
                    }
                }
                assertEquals(expected, actual, 1e-9 * magnitude, c.name + " sumDouble");
            } else if (c.finiteDoubles) {
                throw new AssertionError(c.name + ": finite inputs summed to " + expected);
            } else {
                assertEquals(expected, actual, c.name + " sumDouble"); // NaN equals NaN here; infinities exactly
            }
        }
    }

    @Test
    void hashesAgree() {
        for (Case c : cases()) {
            long[] expected = new long[c.count];
            long[] actual = new long[c.count];
            scalar.hashLong(c.longs, c.validity, c.count, expected);
            simd.hashLong(c.longs, c.validity, c.count, actual);
            assertArrayEquals(expected, actual, c.name + " hashLong");
            scalar.combineHashInt(c.ints, c.validity, c.count, expected);
            simd.combineHashInt(c.ints, c.validity, c.count, actual);
            assertArrayEquals(expected, actual, c.name + " combineHashInt");
            scalar.hashInt(c.ints, c.validity, c.count, expected);
            simd.hashInt(c.ints, c.validity, c.count, actual);
            assertArrayEquals(expected, actual, c.name + " hashInt");
            scalar.combineHashLong(c.longs, c.validity, c.count, expected);
            simd.combineHashLong(c.longs, c.validity, c.count, actual);
            assertArrayEquals(expected, actual, c.name + " combineHashLong");
        }
    }

    @Test
    void doubleMinMaxFollowSqlOrder() {
        for (VectorKernels kernels : new VectorKernels[]{scalar, simd}) {
            MemorySegment allNaN = arena.allocate(8 * 20, 8);
            for (int i = 0; i < 20; i++) {
                allNaN.setAtIndex(ValueLayout.JAVA_DOUBLE, i, Double.NaN);
            }
            assertTrue(Double.isNaN(kernels.minDouble(allNaN, null, 20)), kernels.name() + ": min of only NaN is NaN");
            allNaN.setAtIndex(ValueLayout.JAVA_DOUBLE, 17, -3.0);
            assertEquals(-3.0, kernels.minDouble(allNaN, null, 20), kernels.name() + ": NaN sorts above numbers");
            assertTrue(Double.isNaN(kernels.maxDouble(allNaN, null, 20)), kernels.name() + ": max with a NaN is NaN");
            assertEquals(Double.POSITIVE_INFINITY, kernels.minDouble(allNaN, null, 0), kernels.name());
        }
    }
}
