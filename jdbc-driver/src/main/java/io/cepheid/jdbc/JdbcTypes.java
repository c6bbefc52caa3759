package io.cepheid.jdbc;

import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Locale;

/**
 * What JDBC says about each {@link SqlType}: the {@link Types} code, PostgreSQL's type name (what pgjdbc
 * and the Redshift driver report, so BI tools recognise them), precision, scale, display size and Java class.
 */
public final class JdbcTypes {
    private JdbcTypes() {
    }

    public static int jdbcType(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> Types.SMALLINT;
            case SqlType.IntegerType t -> Types.INTEGER;
            case SqlType.BigIntType t -> Types.BIGINT;
            case SqlType.DecimalType t -> Types.NUMERIC;
            case SqlType.RealType t -> Types.REAL;
            case SqlType.DoubleType t -> Types.DOUBLE;
            case SqlType.BooleanType t -> Types.BOOLEAN;
            case SqlType.CharType t -> Types.CHAR;
            case SqlType.VarcharType t -> Types.VARCHAR;
            case SqlType.DateType t -> Types.DATE;
            case SqlType.TimestampType t -> Types.TIMESTAMP;
            case SqlType.TimestampTzType t -> Types.TIMESTAMP_WITH_TIMEZONE;
            case SqlType.TimeType t -> Types.TIME;
            case SqlType.IntervalType t -> Types.OTHER;
        };
    }

    /** PostgreSQL's internal type name, e.g. {@code int4}, {@code numeric}, {@code varchar}. */
    public static String typeName(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> "int2";
            case SqlType.IntegerType t -> "int4";
            case SqlType.BigIntType t -> "int8";
            case SqlType.DecimalType t -> "numeric";
            case SqlType.RealType t -> "float4";
            case SqlType.DoubleType t -> "float8";
            case SqlType.BooleanType t -> "bool";
            case SqlType.CharType t -> "bpchar";
            case SqlType.VarcharType t -> "varchar";
            case SqlType.DateType t -> "date";
            case SqlType.TimestampType t -> "timestamp";
            case SqlType.TimestampTzType t -> "timestamptz";
            case SqlType.TimeType t -> "time";
            case SqlType.IntervalType t -> "interval";
        };
    }

    /** Decimal digits for numbers, characters for strings, characters of the text form for dates and times. */
    public static int precision(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> 5;
            case SqlType.IntegerType t -> 10;
            case SqlType.BigIntType t -> 19;
            case SqlType.DecimalType t -> t.precision();
            case SqlType.RealType t -> 8;
            case SqlType.DoubleType t -> 17;
            case SqlType.BooleanType t -> 1;
            case SqlType.CharType t -> t.length();
            case SqlType.VarcharType t -> t.maxBytes();
            case SqlType.DateType t -> 13;
            case SqlType.TimestampType t -> 29;
            case SqlType.TimestampTzType t -> 35;
            case SqlType.TimeType t -> 15;
            case SqlType.IntervalType t -> 49;
        };
    }

    public static int scale(SqlType type) {
        return switch (type) {
            case SqlType.DecimalType t -> t.scale();
            case SqlType.TimestampType t -> 6;
            case SqlType.TimestampTzType t -> 6;
            case SqlType.TimeType t -> 6;
            case SqlType.IntervalType t -> 6;
            case SqlType.RealType t -> 8;
            case SqlType.DoubleType t -> 17;
            case SqlType.SmallIntType t -> 0;
            case SqlType.IntegerType t -> 0;
            case SqlType.BigIntType t -> 0;
            case SqlType.BooleanType t -> 0;
            case SqlType.CharType t -> 0;
            case SqlType.VarcharType t -> 0;
            case SqlType.DateType t -> 0;
        };
    }

    /** Characters needed to print any value, sign and decimal point included (pgjdbc's numbers). */
    public static int displaySize(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> 6;
            case SqlType.IntegerType t -> 11;
            case SqlType.BigIntType t -> 20;
            case SqlType.DecimalType t -> t.precision() + (t.scale() > 0 ? 2 : 1);
            case SqlType.RealType t -> 15;
            case SqlType.DoubleType t -> 25;
            case SqlType.BooleanType t -> 1;
            case SqlType.CharType t -> t.length();
            case SqlType.VarcharType t -> t.maxBytes();
            case SqlType.DateType t -> 13;
            case SqlType.TimestampType t -> 29;
            case SqlType.TimestampTzType t -> 35;
            case SqlType.TimeType t -> 15;
            case SqlType.IntervalType t -> 49;
        };
    }

    /** The class {@code getObject} returns for the type. */
    public static Class<?> javaClass(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> Short.class;
            case SqlType.IntegerType t -> Integer.class;
            case SqlType.BigIntType t -> Long.class;
            case SqlType.DecimalType t -> BigDecimal.class;
            case SqlType.RealType t -> Float.class;
            case SqlType.DoubleType t -> Double.class;
            case SqlType.BooleanType t -> Boolean.class;
            case SqlType.CharType t -> String.class;
            case SqlType.VarcharType t -> String.class;
            case SqlType.DateType t -> java.sql.Date.class;
            case SqlType.TimestampType t -> java.sql.Timestamp.class;
            case SqlType.TimestampTzType t -> java.sql.Timestamp.class;
            case SqlType.TimeType t -> java.sql.Time.class;
            case SqlType.IntervalType t -> String.class;
        };
    }

    public static boolean isSigned(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> true;
            case SqlType.IntegerType t -> true;
            case SqlType.BigIntType t -> true;
            case SqlType.DecimalType t -> true;
            case SqlType.RealType t -> true;
            case SqlType.DoubleType t -> true;
            case SqlType.BooleanType t -> false;
            case SqlType.CharType t -> false;
            case SqlType.VarcharType t -> false;
            case SqlType.DateType t -> false;
            case SqlType.TimestampType t -> false;
            case SqlType.TimestampTzType t -> false;
            case SqlType.TimeType t -> false;
            case SqlType.IntervalType t -> true;
        };
    }

    /**
     * The {@link Types} code for a type as {@code information_schema.columns.data_type} spells it
     * ({@code integer}, {@code character varying}, {@code timestamp without time zone}, ...); OTHER if unknown.
     */
    public static int jdbcTypeOfDataType(String dataType) {
        if (dataType == null) {
            return Types.OTHER;
        }
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "smallint", "int2" -> Types.SMALLINT;
            case "integer", "int", "int4" -> Types.INTEGER;
            case "bigint", "int8" -> Types.BIGINT;
            case "numeric", "decimal" -> Types.NUMERIC;
            case "real", "float4" -> Types.REAL;
            case "double precision", "float8", "float" -> Types.DOUBLE;
            case "boolean", "bool" -> Types.BOOLEAN;
            case "character", "char", "bpchar" -> Types.CHAR;
            case "character varying", "varchar", "text" -> Types.VARCHAR;
            case "date" -> Types.DATE;
            case "timestamp without time zone", "timestamp" -> Types.TIMESTAMP;
            case "timestamp with time zone", "timestamptz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "time without time zone", "time" -> Types.TIME;
            default -> Types.OTHER;
        };
    }
}
