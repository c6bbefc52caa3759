package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;

/**
 * ADD, SUBTRACT, MULTIPLY, DIVIDE, MOD, NEGATE and ABS over one numeric family. Integers (and DATE/TIMESTAMP
 * offsets) are exact longs with overflow as 22003; DECIMAL operands keep their own scales and the result is
 * rescaled to the result type's scale; REAL and DOUBLE are computed in double. When the result or an operand
 * is a 128-bit DECIMAL (19..38 digits) the operands are widened to (high, low) pairs and computed with
 * {@link Decimal128Math}; DECIMAL(p &lt;= 18) stays on the 64-bit loops.
 */
final class ArithmeticEvaluator implements Evaluator {
    private final Function function;
    private final Evaluator left;
    private final Evaluator right;
    private final SqlType type;
    private final BufferAllocator allocator;
    private final boolean floating;
    private final int leftScale;
    private final int rightScale;
    private final int resultScale;
    private final boolean wide;
    private long[] a = new long[0];
    private long[] b = new long[0];
    private double[] x = new double[0];
    private double[] y = new double[0];
    private long[] aHigh = new long[0];
    private long[] bHigh = new long[0];

    ArithmeticEvaluator(Function function, Evaluator left, Evaluator right, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.left = left;
        this.right = right;
        this.type = type;
        this.allocator = allocator;
        this.floating = type instanceof SqlType.RealType || type instanceof SqlType.DoubleType;
        this.leftScale = scale(left.type());
        this.rightScale = right == null ? 0 : scale(right.type());
        this.resultScale = scale(type);
        this.wide = isWide(type) || isWide(left.type()) || (right != null && isWide(right.type()));
    }

    private static boolean isWide(SqlType type) {
        return type instanceof SqlType.DecimalType d && d.isWide();
    }

    static int scale(SqlType type) {
        return type instanceof SqlType.DecimalType decimal ? decimal.scale() : 0;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector l = left.evaluate(input);
        ColumnVector r = null;
        ColumnVector out = null;
        try {
            r = right == null ? null : right.evaluate(input);
            out = ColumnVector.allocate(allocator, type, n);
            if (r == null) {
                Vectors.intersectValidity(out, n, l);
            } else {
                Vectors.intersectValidity(out, n, l, r);
            }
            if (floating) {
                computeDoubles(l, r, out, n);
            } else if (wide) {
                computeWide(l, r, out, n);
            } else {
                computeLongs(l, r, out, n);
            }
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

    private void computeDoubles(ColumnVector l, ColumnVector r, ColumnVector out, int n) {
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
        }
        Vectors.readDoubles(l, n, x);
        if (r != null) {
            Vectors.readDoubles(r, n, y);
        }
        var validity = out.validityOrNull();
        switch (function) {
            case ADD -> { for (int i = 0; i < n; i++) x[i] += y[i]; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) x[i] -= y[i]; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) x[i] *= y[i]; }
            case DIVIDE, MOD -> {
                for (int i = 0; i < n; i++) {
                    if (y[i] == 0 && Vectors.isValid(validity, i)) {
                        throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                    }
                    x[i] = function == Function.DIVIDE ? x[i] / y[i] : x[i] % y[i];
                }
            }
            case NEGATE -> { for (int i = 0; i < n; i++) x[i] = -x[i]; }
            case ABS -> { for (int i = 0; i < n; i++) x[i] = Math.abs(x[i]); }
            default -> throw new IllegalStateException(function + " is not arithmetic");
        }
        if (type instanceof SqlType.RealType) {
            for (int i = 0; i < n; i++) {
                if (Float.isInfinite((float) x[i]) && !Double.isInfinite(x[i]) && Vectors.isValid(validity, i)) {
                    throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
            }
        }
        Vectors.writeDoubles(out, n, x);
    }

    private void computeLongs(ColumnVector l, ColumnVector r, ColumnVector out, int n) {
        if (a.length < n) {
            a = new long[n];
            b = new long[n];
        }
        Vectors.readLongs(l, n, a);
        if (r != null) {
            Vectors.readLongs(r, n, b);
        }
        var validity = out.validityOrNull();
        if (validity != null) {
            // Values under nulls are undefined: zero them so exact arithmetic cannot trip on them.
            for (int i = 0; i < n; i++) {
                if (!Vectors.isValid(validity, i)) {
                    a[i] = 0;
                    b[i] = 1;
                }
            }
        }
        if (type instanceof SqlType.DecimalType) {
            for (int i = 0; i < n; i++) {
                a[i] = decimal(a[i], b[i]);
            }
        } else {
            computeIntegers(n);
        }
        if (validity != null) {
            for (int i = 0; i < n; i++) {
                if (!Vectors.isValid(validity, i)) {
                    a[i] = 0;
                }
            }
        }
        checkRange(out, n);
        Vectors.writeLongs(out, n, a);
    }

    private void computeWide(ColumnVector l, ColumnVector r, ColumnVector out, int n) {
        if (a.length < n) {
            a = new long[n];
            b = new long[n];
        }
        if (aHigh.length < n) {
            aHigh = new long[n];
            bHigh = new long[n];
        }
        Vectors.readInt128(l, n, aHigh, a);
        if (r != null) {
            Vectors.readInt128(r, n, bHigh, b);
        }
        var validity = out.validityOrNull();
        if (validity != null) {
            for (int i = 0; i < n; i++) {
                if (!Vectors.isValid(validity, i)) {
                    aHigh[i] = 0;
                    a[i] = 0;
                    bHigh[i] = 0;
                    b[i] = 1;
                }
            }
        }
        switch (function) {
            case ADD, SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    Decimal128Math.scaleUp(aHigh, a, i, resultScale - leftScale);
                    Decimal128Math.scaleUp(bHigh, b, i, resultScale - rightScale);
                    if (function == Function.SUBTRACT) {
                        Decimal128Math.negate(bHigh, b, i);
                    }
                    Decimal128Math.add(aHigh, a, i, bHigh[i], b[i]);
                }
            }
            case MULTIPLY -> {
                int productScale = leftScale + rightScale;
                for (int i = 0; i < n; i++) {
                    if (productScale == resultScale) {
                        Decimal128Math.multiply(aHigh, a, i, bHigh[i], b[i]);
                    } else {
                        multiplyScaledDown(i, productScale);
                    }
                }
            }
            case DIVIDE, MOD -> {
                for (int i = 0; i < n; i++) {
                    BigInteger p = Int128.toBigInteger(aHigh[i], a[i]);
                    BigInteger q = Int128.toBigInteger(bHigh[i], b[i]);
                    BigInteger result;
                    if (function == Function.DIVIDE) {
                        result = Decimal128Math.divide(p, leftScale, q, rightScale, resultScale);
                    } else {
                        int common = Math.max(leftScale, rightScale);
                        BigInteger divisor = Decimal128Math.rescale(q, rightScale, common);
                        if (divisor.signum() == 0) {
                            throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                        }
                        result = Decimal128Math.rescale(Decimal128Math.rescale(p, leftScale, common).remainder(divisor),
                                common, resultScale);
                    }
                    if (!Int128.fits(result)) {
                        throw Decimal128Math.overflow();
                    }
                    aHigh[i] = Int128.high(result);
                    a[i] = Int128.low(result);
                }
            }
            case NEGATE, ABS -> {
                for (int i = 0; i < n; i++) {
                    if (function == Function.NEGATE || aHigh[i] < 0) {
                        Decimal128Math.negate(aHigh, a, i);
                    }
                    Decimal128Math.scaleUp(aHigh, a, i, resultScale - leftScale);
                }
            }
            default -> throw new IllegalStateException(function + " is not arithmetic");
        }
        SqlType.DecimalType decimal = (SqlType.DecimalType) type;
        for (int i = 0; i < n; i++) {
            if (validity != null && !Vectors.isValid(validity, i)) {
                aHigh[i] = 0;
                a[i] = 0;
            }
            Decimal128Math.checkPrecision(aHigh[i], a[i], decimal.precision(), decimal.scale());
        }
        if (decimal.isWide()) {
            Vectors.writeInt128(out, n, aHigh, a);
        } else {
            // A narrow result (MOD by a narrow divisor): checkPrecision above already bounded it below 10^18.
            Vectors.writeLongs(out, n, a);
        }
    }

    /**
     * Product at {@code productScale} rounded to the result scale: exact 128-bit multiply, or BigDecimal when the
     * unrounded product needs more than 128 bits (DECIMAL(38,19) * DECIMAL(38,19) rounded to scale 6).
     */
    private void multiplyScaledDown(int i, int productScale) {
        long ah = aHigh[i];
        long al = a[i];
        try {
            Decimal128Math.multiply(aHigh, a, i, bHigh[i], b[i]);
            Decimal128Math.scaleDown(aHigh, a, i, productScale - resultScale);
        } catch (CepheidException e) {
            BigInteger product = Int128.toBigInteger(ah, al).multiply(Int128.toBigInteger(bHigh[i], b[i]));
            BigInteger result = Decimal128Math.rescale(product, productScale, resultScale);
            if (!Int128.fits(result)) {
                throw Decimal128Math.overflow();
            }
            aHigh[i] = Int128.high(result);
            a[i] = Int128.low(result);
        }
    }

    /**
     * One loop per operator. + - * wrap and OR each row's overflow bit into one flag, a branch-free loop the JIT
     * vectorizes; the error is raised once after the batch (the rows are thrown away then anyway).
     */
    private void computeIntegers(int n) {
        long overflow = 0;
        switch (function) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    long r = a[i] + b[i];
                    overflow |= (a[i] ^ r) & (b[i] ^ r);
                    a[i] = r;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    long r = a[i] - b[i];
                    overflow |= (a[i] ^ b[i]) & (a[i] ^ r);
                    a[i] = r;
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    long high = Math.multiplyHigh(a[i], b[i]);
                    long r = a[i] * b[i];
                    // The product fits when its high half is the sign extension of the low half.
                    overflow |= high ^ (r >> 63);
                    a[i] = r;
                }
                overflow = overflow == 0 ? 0 : Long.MIN_VALUE;
            }
            default -> {
                computeOtherIntegers(n);
                return;
            }
        }
        if (overflow < 0) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
        }
    }

    private void computeOtherIntegers(int n) {
        try {
            switch (function) {
                case NEGATE -> { for (int i = 0; i < n; i++) a[i] = Math.negateExact(a[i]); }
                case ABS -> { for (int i = 0; i < n; i++) a[i] = Math.absExact(a[i]); }
                case DIVIDE, MOD -> {
                    for (int i = 0; i < n; i++) {
                        a[i] = integer(a[i], b[i]);
                    }
                }
                default -> throw new IllegalStateException(function + " is not arithmetic");
            }
        } catch (ArithmeticException e) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
        }
    }

    private long integer(long p, long q) {
        try {
            return switch (function) {
                case ADD -> Math.addExact(p, q);
                case SUBTRACT -> Math.subtractExact(p, q);
                case MULTIPLY -> Math.multiplyExact(p, q);
                case DIVIDE -> {
                    if (q == 0) {
                        throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                    }
                    yield Math.divideExact(p, q);
                }
                case MOD -> {
                    if (q == 0) {
                        throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                    }
                    yield q == -1 ? 0 : p % q;
                }
                case NEGATE -> Math.negateExact(p);
                case ABS -> Math.absExact(p);
                default -> throw new IllegalStateException(function + " is not arithmetic");
            };
        } catch (ArithmeticException e) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
        }
    }

    private long decimal(long p, long q) {
        return switch (function) {
            case ADD -> DecimalMath.addExact(DecimalMath.rescale(p, leftScale, resultScale),
                    DecimalMath.rescale(q, rightScale, resultScale));
            case SUBTRACT -> DecimalMath.subtractExact(DecimalMath.rescale(p, leftScale, resultScale),
                    DecimalMath.rescale(q, rightScale, resultScale));
            case MULTIPLY -> DecimalMath.multiply(p, leftScale, q, rightScale, resultScale);
            case DIVIDE -> DecimalMath.divide(p, leftScale, q, rightScale, resultScale);
            case MOD -> {
                int common = Math.max(leftScale, rightScale);
                long pp = DecimalMath.rescale(p, leftScale, common);
                long qq = DecimalMath.rescale(q, rightScale, common);
                if (qq == 0) {
                    throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                }
                yield DecimalMath.rescale(pp % qq, common, resultScale);
            }
            case NEGATE -> DecimalMath.rescale(DecimalMath.subtractExact(0, p), leftScale, resultScale);
            case ABS -> DecimalMath.rescale(p < 0 ? DecimalMath.subtractExact(0, p) : p, leftScale, resultScale);
            default -> throw new IllegalStateException(function + " is not arithmetic");
        };
    }

    private void checkRange(ColumnVector out, int n) {
        long min;
        long max;
        switch (out.physicalType()) {
            case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> {
                if (type instanceof SqlType.DecimalType d && d.precision() < 18) {
                    for (int i = 0; i < n; i++) {
                        DecimalMath.checkPrecision(a[i], d.precision(), d.scale());
                    }
                }
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            if (a[i] < min || a[i] > max) {
                throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
            }
        }
    }
}
