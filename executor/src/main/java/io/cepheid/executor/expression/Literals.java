package io.cepheid.executor.expression;

import io.cepheid.storage.type.SqlType;

/** Reads {@link ExprSpec.Literal} values (Long, Double, Boolean, String or null) in a type's physical form. */
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
            case Number number -> number.longValue();
            default -> 0;
        };
    }

    public static double asDouble(Object value, SqlType type) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case Number number -> type instanceof SqlType.DecimalType decimal && !(number instanceof Double)
                    ? number.longValue() / (double) DecimalMath.powerOfTen(decimal.scale())
                    : number.doubleValue();
            default -> 0;
        };
    }
}
