package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * ROUND, TRUNC, CEIL, FLOOR (value[, digits]) on exact and floating values, and SQRT, EXP, LN, LOG10, POWER,
 * SIGN in double. Exact inputs (integers, DECIMAL) round their unscaled long at the digit asked for and are
 * rescaled to the result type's scale; ROUND goes half away from zero, as Redshift. A 128-bit DECIMAL input
 * or result (ROUND(SUM(x), 2)) goes value by value through BigDecimal.
 */
final class MathEvaluator implements Evaluator {
    private final Function function;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;
    private final boolean floating;

    MathEvaluator(Function function, List<Evaluator> arguments, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
        this.floating = type instanceof SqlType.DoubleType || type instanceof SqlType.RealType;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector value = arguments.get(0).evaluate(input);
        ColumnVector second = null;
        ColumnVector out = null;
        try {
            second = arguments.size() > 1 ? arguments.get(1).evaluate(input) : null;
            out = ColumnVector.allocate(allocator, type, n);
            boolean valueFloating = value.type() instanceof SqlType.DoubleType || value.type() instanceof SqlType.RealType;
            int valueScale = ArithmeticEvaluator.scale(value.type());
            int resultScale = ArithmeticEvaluator.scale(type);
            boolean wide = value.physicalType() == PhysicalType.INT128 || out.physicalType() == PhysicalType.INT128;
            for (int i = 0; i < n; i++) {
                if (value.isNull(i) || (second != null && second.isNull(i))) {
                    out.setNull(i);
                } else if (wide && !floating) {
                    long digits = second == null ? 0 : second.getLongValue(i);
                    computeWide(new BigDecimal(value.getUnscaled(i), valueScale), (int) digits, out, i);
                } else if (floating) {
                    double x = valueFloating ? value.getDouble(i)
                            : wide ? new BigDecimal(value.getUnscaled(i), valueScale).doubleValue()
                            : unscaledToDouble(value.getLongValue(i), valueScale);
                    double y = second == null ? 0 : second.type() instanceof SqlType.DoubleType ? second.getDouble(i)
                            : second.getLongValue(i);
                    double result = computeDouble(x, y);
                    if (type instanceof SqlType.RealType) {
                        out.setFloat(i, (float) result);
                    } else {
                        out.setDouble(i, result);
                    }
                } else {
                    long digits = second == null ? 0 : second.getLongValue(i);
                    out.setLongValue(i, computeExact(value.getLongValue(i), valueScale, digits, resultScale));
                }
            }
            ColumnVector result = out;
            out = null;
            return result;
        } finally {
            value.close();
            if (second != null) {
                second.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    private void computeWide(BigDecimal value, int digits, ColumnVector out, int row) {
        BigDecimal result = switch (function) {
            case SIGN -> BigDecimal.valueOf(value.signum());
            case ROUND -> value.setScale(digits, RoundingMode.HALF_UP);
            case TRUNC -> value.setScale(digits, RoundingMode.DOWN);
            case FLOOR -> value.setScale(digits, RoundingMode.FLOOR);
            case CEIL -> value.setScale(digits, RoundingMode.CEILING);
            default -> throw new IllegalStateException(function + " is not exact");
        };
        int resultScale = ArithmeticEvaluator.scale(type);
        BigInteger unscaled = result.setScale(resultScale, RoundingMode.DOWN).unscaledValue();
        if (type instanceof SqlType.DecimalType decimal) {
            unscaled = ValueParser.unscaled(new BigDecimal(unscaled, resultScale), decimal);
        }
        if (out.physicalType() == PhysicalType.INT128) {
            out.setInt128(row, Int128.high(unscaled), Int128.low(unscaled));
        } else if (unscaled.bitLength() < 64) {
            out.setLongValue(row, unscaled.longValue());
        } else {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
        }
    }

    private static double unscaledToDouble(long unscaled, int scale) {
        return scale == 0 ? unscaled : unscaled / (double) DecimalMath.POWERS_OF_TEN[scale];
    }

    private double computeDouble(double x, double y) {
        return switch (function) {
            case ROUND -> atDigits(x, (int) y, true);
            case TRUNC -> atDigits(x, (int) y, false);
            case CEIL -> Math.ceil(x);
            case FLOOR -> Math.floor(x);
            case SQRT -> {
                if (x < 0) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take square root of a negative number");
                }
                yield Math.sqrt(x);
            }
            case EXP -> Math.exp(x);
            case LN, LOG10 -> {
                if (x <= 0) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                            x == 0 ? "cannot take logarithm of zero" : "cannot take logarithm of a negative number");
                }
                yield function == Function.LN ? Math.log(x) : Math.log10(x);
            }
            case POWER -> Math.pow(x, y);
            case SIGN -> Math.signum(x);
            default -> throw new IllegalStateException(function + " is not a math function");
        };
    }

    /** Rounds (half away from zero) or truncates x to {@code digits} decimal digits (negative: left of the point). */
    private static double atDigits(double x, int digits, boolean round) {
        double factor = Math.pow(10, digits);
        double scaled = Math.abs(x) * factor;
        double whole = round ? Math.floor(scaled + 0.5) : Math.floor(scaled);
        return Math.copySign(whole / factor, x);
    }

    private long computeExact(long unscaled, int scale, long digits, int resultScale) {
        long kept = unscaled;
        if (function == Function.SIGN) {
            return Long.signum(unscaled) * DecimalMath.POWERS_OF_TEN[resultScale];
        }
        long drop = scale - digits;
        if (drop > 18) {
            kept = 0;
        } else if (drop > 0) {
            long factor = DecimalMath.POWERS_OF_TEN[(int) drop];
            long remainder = unscaled % factor;
            long truncated = unscaled - remainder;
            kept = switch (function) {
                case TRUNC -> truncated;
                case FLOOR -> remainder < 0 ? truncated - factor : truncated;
                case CEIL -> remainder > 0 ? truncated + factor : truncated;
                case ROUND -> Math.abs(remainder) * 2 >= factor ? truncated + Long.signum(remainder) * factor : truncated;
                default -> throw new IllegalStateException(function + " is not exact");
            };
        }
        if (resultScale < scale) {
            return kept / DecimalMath.POWERS_OF_TEN[scale - resultScale];
        }
        return Math.multiplyExact(kept, DecimalMath.POWERS_OF_TEN[resultScale - scale]);
    }
}
