package io.cepheid.executor.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The scalar twin of every kernel: plain loops, the reference the SIMD kernels are tested against. */
public final class ScalarKernels implements VectorKernels {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** Hash of a null value; any fixed odd constant. */
    public static final long NULL_HASH = 0x9E3779B97F4A7C15L;

    @Override
    public String name() {
        return "scalar";
    }

    /** The 64-bit finalizer of MurmurHash3 (fmix64): every input bit affects every output bit. */
    public static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** How a column's hash is folded into the hash of the columns before it. */
    public static long combine(long hash, long columnHash) {
        return hash * 31 + columnHash;
    }

    static boolean valid(MemorySegment validity, int row) {
        return validity == null || (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) & (1 << (row & 7))) != 0;
    }

    static boolean compare(CompareOp op, long a, long b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    /** SQL comparison of doubles: NaN equals NaN and sorts above every other value, as in PostgreSQL. */
    static boolean compare(CompareOp op, double a, double b) {
        int c = Double.compare(a == 0.0 ? 0.0 : a, b == 0.0 ? 0.0 : b);
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    @Override
    public int selectInt(MemorySegment values, MemorySegment validity, int count, CompareOp op, int constant, int[] selectionOut) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i) && compare(op, values.getAtIndex(INT, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    @Override
    public int selectLong(MemorySegment values, MemorySegment validity, int count, CompareOp op, long constant, int[] selectionOut) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i) && compare(op, values.getAtIndex(LONG, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    @Override
    public int selectDouble(MemorySegment values, MemorySegment validity, int count, CompareOp op, double constant, int[] selectionOut) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i) && compare(op, values.getAtIndex(DOUBLE, i), constant)) {
                selectionOut[n++] = i;
            }
        }
        return n;
    }

    @Override
    public long sumInt(MemorySegment values, MemorySegment validity, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                sum += values.getAtIndex(INT, i);
            }
        }
        return sum;
    }

    @Override
    public long sumLong(MemorySegment values, MemorySegment validity, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                sum += values.getAtIndex(LONG, i);
            }
        }
        return sum;
    }

    @Override
    public double sumDouble(MemorySegment values, MemorySegment validity, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                sum += values.getAtIndex(DOUBLE, i);
            }
        }
        return sum;
    }

    @Override
    public int countValid(MemorySegment validity, int count) {
        if (validity == null) {
            return count;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public long minLong(MemorySegment values, MemorySegment validity, int count) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                min = Math.min(min, values.getAtIndex(LONG, i));
            }
        }
        return min;
    }

    @Override
    public long maxLong(MemorySegment values, MemorySegment validity, int count) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                max = Math.max(max, values.getAtIndex(LONG, i));
            }
        }
        return max;
    }

    @Override
    public int minInt(MemorySegment values, MemorySegment validity, int count) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                min = Math.min(min, values.getAtIndex(INT, i));
            }
        }
        return min;
    }

    @Override
    public int maxInt(MemorySegment values, MemorySegment validity, int count) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                max = Math.max(max, values.getAtIndex(INT, i));
            }
        }
        return max;
    }

    /**
     * Min of valid rows, NaN counting as the largest value (PostgreSQL order): NaN only when every valid row
     * is NaN, +Infinity when none is valid. -0.0 is below 0.0 as in {@link Math#min}, so the result does not
     * depend on row order. (The first version returned +Infinity for an all-NaN column and kept whichever
     * zero came first.)
     */
    @Override
    public double minDouble(MemorySegment values, MemorySegment validity, int count) {
        double min = Double.POSITIVE_INFINITY;
        boolean sawNumber = false;
        boolean sawNaN = false;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                double v = values.getAtIndex(DOUBLE, i);
                if (Double.isNaN(v)) {
                    sawNaN = true;
                } else {
                    min = Math.min(min, v);
                    sawNumber = true;
                }
            }
        }
        return !sawNumber && sawNaN ? Double.NaN : min;
    }

    /**
     * Max of valid rows, NaN counting as the largest value: NaN when any valid row is NaN, -Infinity when
     * none is valid; 0.0 above -0.0 as in {@link Math#max}.
     */
    @Override
    public double maxDouble(MemorySegment values, MemorySegment validity, int count) {
        double max = Double.NEGATIVE_INFINITY;
        boolean sawNaN = false;
        for (int i = 0; i < count; i++) {
            if (valid(validity, i)) {
                double v = values.getAtIndex(DOUBLE, i);
                if (Double.isNaN(v)) {
                    sawNaN = true;
                } else {
                    max = Math.max(max, v);
                }
            }
        }
        return sawNaN ? Double.NaN : max;
    }

    @Override
    public void hashLong(MemorySegment values, MemorySegment validity, int count, long[] hashesOut) {
        for (int i = 0; i < count; i++) {
            hashesOut[i] = valid(validity, i) ? mix(values.getAtIndex(LONG, i)) : NULL_HASH;
        }
    }

    @Override
    public void hashInt(MemorySegment values, MemorySegment validity, int count, long[] hashesOut) {
        for (int i = 0; i < count; i++) {
            hashesOut[i] = valid(validity, i) ? mix(values.getAtIndex(INT, i)) : NULL_HASH;
        }
    }

    @Override
    public void combineHashLong(MemorySegment values, MemorySegment validity, int count, long[] hashes) {
        for (int i = 0; i < count; i++) {
            hashes[i] = combine(hashes[i], valid(validity, i) ? mix(values.getAtIndex(LONG, i)) : NULL_HASH);
        }
    }

    @Override
    public void combineHashInt(MemorySegment values, MemorySegment validity, int count, long[] hashes) {
        for (int i = 0; i < count; i++) {
            hashes[i] = combine(hashes[i], valid(validity, i) ? mix(values.getAtIndex(INT, i)) : NULL_HASH);
        }
    }
}
