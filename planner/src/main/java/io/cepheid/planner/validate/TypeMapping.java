package io.cepheid.planner.validate;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's {@link RelDataType} and Cepheid's {@link SqlType}. */
public final class TypeMapping {
    private TypeMapping() {
    }

    public static SqlType toSqlType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT -> SqlType.SMALLINT;
            case INTEGER -> SqlType.INTEGER;
            case BIGINT -> SqlType.BIGINT;
            case DECIMAL -> new SqlType.DecimalType(
                    Math.max(1, Math.min(type.getPrecision(), CepheidTypeSystem.MAX_DECIMAL_PRECISION)),
                    Math.max(0, type.getScale()));
            case REAL -> SqlType.REAL;
            case FLOAT, DOUBLE -> SqlType.DOUBLE;
            case BOOLEAN -> SqlType.BOOLEAN;
            case CHAR -> new SqlType.CharType(Math.max(1, Math.min(type.getPrecision(), SqlType.CharType.MAX_LENGTH)));
            case VARCHAR -> new SqlType.VarcharType(type.getPrecision() <= 0 || type.getPrecision() > SqlType.VarcharType.MAX_LENGTH
                    ? SqlType.VarcharType.MAX_LENGTH : type.getPrecision());
            case DATE -> SqlType.DATE;
            case TIMESTAMP -> SqlType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlType.TIMESTAMPTZ;
            case TIME -> SqlType.TIME;
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
                    SqlType.INTERVAL;
            case NULL -> SqlType.VARCHAR;
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "type " + type.getFullTypeString() + " is not supported");
        };
    }

    /** Calcite's type for {@link SqlType.IntervalType}: INTERVAL DAY TO SECOND with microseconds. */
    public static RelDataType dayTimeInterval(RelDataTypeFactory factory) {
        return factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, RelDataType.PRECISION_NOT_SPECIFIED,
                TimeUnit.SECOND, 6, SqlParserPos.ZERO));
    }

    public static RelDataType toRelDataType(RelDataTypeFactory factory, SqlType type, boolean nullable) {
        RelDataType relType = switch (type) {
            case SqlType.SmallIntType t -> factory.createSqlType(SqlTypeName.SMALLINT);
            case SqlType.IntegerType t -> factory.createSqlType(SqlTypeName.INTEGER);
            case SqlType.BigIntType t -> factory.createSqlType(SqlTypeName.BIGINT);
            case SqlType.DecimalType t -> factory.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
            case SqlType.RealType t -> factory.createSqlType(SqlTypeName.REAL);
            case SqlType.DoubleType t -> factory.createSqlType(SqlTypeName.DOUBLE);
            case SqlType.BooleanType t -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case SqlType.CharType t -> factory.createSqlType(SqlTypeName.CHAR, t.length());
            case SqlType.VarcharType t -> factory.createSqlType(SqlTypeName.VARCHAR, t.maxBytes());
            case SqlType.DateType t -> factory.createSqlType(SqlTypeName.DATE);
            case SqlType.TimestampType t -> factory.createSqlType(SqlTypeName.TIMESTAMP);
            case SqlType.TimestampTzType t -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
            case SqlType.TimeType t -> factory.createSqlType(SqlTypeName.TIME);
            case SqlType.IntervalType t -> dayTimeInterval(factory);
        };
        return factory.createTypeWithNullability(relType, nullable);
    }
}
