package io.cepheid.executor.expression;

import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Reads {@link ExprSpec.Literal} values (Long, Double, Boolean, String, BigInteger for an unscaled 128-bit
 * DECIMAL, or null) in a type's physical form.
 */
public final class Literals {
    private Literals() {
    }

    /** The value as a long: integers, unscaled decimals, days, micros; booleans as 0/1; 0 for null or non-numbers. */
    public static long asLong(Object value, SqlType type) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case Double d -> type instanceof SqlType.DecimalType decimal
                    ? DecimalMath.toLong(java.math.BigDecimal.valueOf(d).setScale(decimal.scale(), java.math.RoundingMode.HALF_UP))
                    : (long) (double) d;
            case Float f -> (long) (float) f;
            case BigInteger big -> big.longValueExact();
            case Number number -> number.longValue();
            default -> 0;
        };
    }

    /** The unscaled value of a DECIMAL literal of either width (0 for null). */
    public static BigInteger asUnscaled(Object value, SqlType type) {
        return switch (value) {
            case BigInteger big -> big;
            case Double d when type instanceof SqlType.DecimalType decimal ->
                    BigDecimal.valueOf(d).setScale(decimal.scale(), RoundingMode.HALF_UP).unscaledValue();
            default -> BigInteger.valueOf(asLong(value, type));
        };
    }

    public static double asDouble(Object value, SqlType type) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case BigInteger big -> new BigDecimal(big, type instanceof SqlType.DecimalType d ? d.scale() : 0).doubleValue();
            case Number number -> type instanceof SqlType.DecimalType decimal && !(number instanceof Double)
                    ? number.longValue() / (double) DecimalMath.powerOfTen(decimal.scale())
                    : number.doubleValue();
            default -> 0;
        };
    }
}
