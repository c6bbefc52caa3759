package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Redshift's type rules as Calcite sees them: DECIMAL up to 38 digits (default DECIMAL(18,0)), VARCHAR up to
 * 65535 bytes, SUM of integers is BIGINT and SUM and AVG of DECIMAL(p,s) are DECIMAL(38,s), AVG of integers
 * is a truncated BIGINT. DECIMAL arithmetic follows Redshift's "Numeric computations" table:
 * <pre>
 *   + -   scale = max(s1, s2)               precision = max(p1 - s1, p2 - s2) + 1 + scale
 *   *     scale = s1 + s2                   precision = p1 + p2 + 1
 *   /     scale = max(4, s1 + p2 - s2 + 1)  precision = p1 - s1 + s2 + scale
 * </pre>
 * (integers count as DECIMAL(5,0), (10,0), (19,0)). A precision above 38 is capped at 38 and the scale
 * shrinks to keep the integer digits, but not below min(scale, 6): DECIMAL(8,2) / DECIMAL(8,2) is
 * DECIMAL(17,9) as in Redshift's example, and DECIMAL(38,4) / DECIMAL(38,4) (77 digits by the formula)
 * becomes DECIMAL(38,6).
 */
public final class CepheidTypeSystem extends RelDataTypeSystemImpl {
    public static final CepheidTypeSystem INSTANCE = new CepheidTypeSystem();
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Redshift's default DECIMAL precision, and the widest 64-bit one. */
    public static final int DEFAULT_DECIMAL_PRECISION = 18;
    /** Redshift's largest DECIMAL scale. */
    public static final int MAX_DECIMAL_SCALE = 37;
    /** The scale a capped result keeps at least (when its own scale is larger). */
    private static final int MINIMUM_CAPPED_SCALE = 6;
    /** Fraction digits of a TIMESTAMP, TIMESTAMPTZ and TIME: microseconds. */
    public static final int MICROSECOND_PRECISION = 6;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case VARCHAR, CHAR -> 65535;
            // Redshift's TIMESTAMP keeps microseconds; Calcite's default of 0 (max 3) would cut the fraction
            // off '2024-01-31 10:00:00.5' when it is cast for an INSERT.
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> MICROSECOND_PRECISION;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_SCALE : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> DEFAULT_DECIMAL_PRECISION;
            case VARCHAR -> 256;
            case CHAR -> 1;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> MICROSECOND_PRECISION;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType avg = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(avg, argumentType.isNullable());
    }

    @Override
    public @Nullable RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int s1 = scale(type1);
        int s2 = scale(type2);
        int scale = Math.max(s1, s2);
        int precision = Math.max(precision(type1) - s1, precision(type2) - s2) + 1 + scale;
        return decimal(typeFactory, precision, scale);
    }

    @Override
    public @Nullable RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        return decimal(typeFactory, precision(type1) + precision(type2) + 1, scale(type1) + scale(type2));
    }

    @Override
    public @Nullable RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
        if (!isDecimalArithmetic(type1, type2)) {
            return null;
        }
        int s1 = scale(type1);
        int s2 = scale(type2);
        int scale = Math.max(4, s1 + precision(type2) - s2 + 1);
        return decimal(typeFactory, precision(type1) - s1 + s2 + scale, scale);
    }

    /** Exact numeric operands with at least one DECIMAL: integer-only arithmetic keeps Calcite's integer rules. */
    private static boolean isDecimalArithmetic(RelDataType type1, RelDataType type2) {
        return SqlTypeUtil.isExactNumeric(type1) && SqlTypeUtil.isExactNumeric(type2)
                && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
    }

    private static int precision(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.getPrecision();
        };
    }

    private static int scale(RelDataType type) {
        return SqlTypeUtil.isDecimal(type) ? type.getScale() : 0;
    }

    /** DECIMAL(precision, scale) capped at 38 digits, keeping the integer digits before the fraction. */
    static RelDataType decimal(RelDataTypeFactory typeFactory, int precision, int scale) {
        if (precision > MAX_DECIMAL_PRECISION) {
            int integerDigits = precision - scale;
            scale = Math.max(MAX_DECIMAL_PRECISION - integerDigits, Math.min(scale, MINIMUM_CAPPED_SCALE));
            precision = MAX_DECIMAL_PRECISION;
        }
        scale = Math.min(scale, MAX_DECIMAL_SCALE);
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
