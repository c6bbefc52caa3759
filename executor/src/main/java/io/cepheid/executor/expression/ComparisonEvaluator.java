package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * EQ, NE, LT, LE, GT, GE and IS NOT DISTINCT FROM. Integer-like values compare as longs (DECIMAL scales
 * aligned), floats as PostgreSQL does (NaN above everything, -0 = 0), strings by unsigned UTF-8 bytes, with
 * trailing blanks ignored when either side is CHAR.
 */
final class ComparisonEvaluator implements Evaluator {
    private final Function function;
    private final Evaluator left;
    private final Evaluator right;
    private final BufferAllocator allocator;
    private final Family family;
    private final int leftScale;
    private final int rightScale;
    private final boolean blankPadded;
    private int[] comparisons = new int[0];
    private long[] a = new long[0];
    private long[] b = new long[0];
    private double[] x = new double[0];
    private double[] y = new double[0];

    private long[] aHigh = new long[0];
    private long[] bHigh = new long[0];

    /** WIDE: either side a 128-bit DECIMAL, compared as (high, low) pairs. */
    private enum Family { LONG, WIDE, DOUBLE, STRING }

    ComparisonEvaluator(Function function, Evaluator left, Evaluator right, BufferAllocator allocator) {
        this.function = function;
        this.left = left;
        this.right = right;
        this.allocator = allocator;
        PhysicalType lp = left.type().physicalType();
        PhysicalType rp = right.type().physicalType();
        if ((lp == PhysicalType.VARIABLE) != (rp == PhysicalType.VARIABLE)) {
            throw new CepheidException(ErrorCode.DATATYPE_MISMATCH, "cannot compare " + left.type().displayName()
                    + " with " + right.type().displayName());
        }
        if (lp == PhysicalType.VARIABLE) {
            family = Family.STRING;
        } else if (lp == PhysicalType.FLOAT32 || lp == PhysicalType.FLOAT64 || rp == PhysicalType.FLOAT32
                || rp == PhysicalType.FLOAT64) {
            family = Family.DOUBLE;
        } else if (lp == PhysicalType.INT128 || rp == PhysicalType.INT128) {
            family = Family.WIDE;
        } else {
            family = Family.LONG;
        }
        leftScale = ArithmeticEvaluator.scale(left.type());
        rightScale = ArithmeticEvaluator.scale(right.type());
        blankPadded = left.type() instanceof SqlType.CharType || right.type() instanceof SqlType.CharType;
    }

    @Override
    public SqlType type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector l = left.evaluate(input);
        ColumnVector r = null;
        ColumnVector out = null;
        try {
            r = right.evaluate(input);
            out = ColumnVector.allocate(allocator, SqlType.BOOLEAN, n);
            if (comparisons.length < n) {
                comparisons = new int[n];
            }
            switch (family) {
                case LONG -> compareLongs(l, r, n);
                case WIDE -> compareWide(l, r, n);
                case DOUBLE -> compareDoubles(l, r, n);
                case STRING -> compareStrings(l, r, n);
            }
            writeResult(l, r, out, n);
            ColumnVector result = out;
            out = null;
            return result;
        } finally {
            l.close();
            if (r != null) {
                r.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    private void compareLongs(ColumnVector l, ColumnVector r, int n) {
        if (a.length < n) {
            a = new long[n];
            b = new long[n];
        }
        Vectors.readLongs(l, n, a);
        Vectors.readLongs(r, n, b);
        int common = Math.max(leftScale, rightScale);
        if (leftScale != common) {
            rescale(a, n, DecimalMath.powerOfTen(common - leftScale), l);
        }
        if (rightScale != common) {
            rescale(b, n, DecimalMath.powerOfTen(common - rightScale), r);
        }
        for (int i = 0; i < n; i++) {
            comparisons[i] = Long.compare(a[i], b[i]);
        }
    }

    private void compareWide(ColumnVector l, ColumnVector r, int n) {
        if (a.length < n) {
            a = new long[n];
            b = new long[n];
        }
        if (aHigh.length < n) {
            aHigh = new long[n];
            bHigh = new long[n];
        }
        Vectors.readInt128(l, n, aHigh, a);
        Vectors.readInt128(r, n, bHigh, b);
        int common = Math.max(leftScale, rightScale);
        for (int i = 0; i < n; i++) {
            if (l.isNull(i) || r.isNull(i)) {
                comparisons[i] = 0;
                continue;
            }
            if (leftScale == rightScale) {
                comparisons[i] = Int128.compare(aHigh[i], a[i], bHigh[i], b[i]);
                continue;
            }
            BigInteger p = Decimal128Math.rescale(Int128.toBigInteger(aHigh[i], a[i]), leftScale, common);
            BigInteger q = Decimal128Math.rescale(Int128.toBigInteger(bHigh[i], b[i]), rightScale, common);
            comparisons[i] = p.compareTo(q);
        }
    }

    private static void rescale(long[] values, int n, long factor, ColumnVector vector) {
        for (int i = 0; i < n; i++) {
            if (!vector.isNull(i)) {
                values[i] = DecimalMath.multiplyExact(values[i], factor);
            }
        }
    }

    private void compareDoubles(ColumnVector l, ColumnVector r, int n) {
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
        }
        readScaledDoubles(l, n, x, leftScale);
        readScaledDoubles(r, n, y, rightScale);
        for (int i = 0; i < n; i++) {
            comparisons[i] = compareDouble(x[i], y[i]);
        }
    }

    private static void readScaledDoubles(ColumnVector vector, int n, double[] out, int scale) {
        Vectors.readDoubles(vector, n, out);
        if (scale > 0) {
            double divisor = DecimalMath.powerOfTen(scale);
            for (int i = 0; i < n; i++) {
                out[i] /= divisor;
            }
        }
    }

    /** SQL order of doubles: -0 equals 0, NaN equals NaN and sorts above everything. */
    static int compareDouble(double p, double q) {
        return Double.compare(p == 0.0 ? 0.0 : p, q == 0.0 ? 0.0 : q);
    }

    private void compareStrings(ColumnVector l, ColumnVector r, int n) {
        MemorySegment lo = l.values();
        MemorySegment ro = r.values();
        MemorySegment ld = l.data();
        MemorySegment rd = r.data();
        for (int i = 0; i < n; i++) {
            int ls = lo.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
            int ll = lo.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i + 1) - ls;
            int rs = ro.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
            int rl = ro.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i + 1) - rs;
            if (blankPadded) {
                ll = Utf8.lengthWithoutTrailingBlanks(ld, ls, ll);
                rl = Utf8.lengthWithoutTrailingBlanks(rd, rs, rl);
            }
            comparisons[i] = Utf8.compare(ld, ls, ll, rd, rs, rl);
        }
    }

    private void writeResult(ColumnVector l, ColumnVector r, ColumnVector out, int n) {
        MemorySegment values = out.values();
        if (function == Function.IS_NOT_DISTINCT_FROM) {
            for (int i = 0; i < n; i++) {
                boolean ln = l.isNull(i);
                boolean rn = r.isNull(i);
                boolean same = ln || rn ? ln == rn : comparisons[i] == 0;
                values.set(ValueLayout.JAVA_BYTE, i, same ? (byte) 1 : 0);
            }
            return;
        }
        Vectors.intersectValidity(out, n, l, r);
        // One loop per operator keeps the per-value work branch-free.
        switch (function) {
            case EQ -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] == 0 ? (byte) 1 : 0); }
            case NE -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] != 0 ? (byte) 1 : 0); }
            case LT -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] < 0 ? (byte) 1 : 0); }
            case LE -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] <= 0 ? (byte) 1 : 0); }
            case GT -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] > 0 ? (byte) 1 : 0); }
            case GE -> { for (int i = 0; i < n; i++) values.set(ValueLayout.JAVA_BYTE, i, comparisons[i] >= 0 ? (byte) 1 : 0); }
            default -> throw new IllegalStateException(function + " is not a comparison");
        }
    }
}
