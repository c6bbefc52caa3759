package io.cepheid.storage.type;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

/**
 * A column type as SQL sees it. Each maps to one {@link PhysicalType}:
 * DECIMAL(p &lt;= 18, s) is a 64-bit integer scaled by 10^s (19..38 digits: a 128-bit one), DATE is days
 * since 1970-01-01 (int32), TIMESTAMP is microseconds since 1970-01-01 00:00:00 (int64), TIMESTAMPTZ the
 * same in UTC, TIME microseconds since midnight (int64), CHAR and VARCHAR are UTF-8 bytes.
 */
public sealed interface SqlType {
    PhysicalType physicalType();

    /** The name as Redshift prints it, e.g. {@code numeric(12,2)} or {@code character varying(256)}. */
    String displayName();

    record SmallIntType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT16; }
        public String displayName() { return "smallint"; }
    }

    record IntegerType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT32; }
        public String displayName() { return "integer"; }
    }

    record BigIntType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT64; }
        public String displayName() { return "bigint"; }
    }

    /**
     * Exact decimal with precision 1..38 and scale 0..precision, stored unscaled: int64 up to 18 digits (the
     * common, fast case), int128 from 19 digits on.
     */
    record DecimalType(int precision, int scale) implements SqlType {
        public static final int MAX_PRECISION = 38;
        /** The most digits the 64-bit representation holds. */
        public static final int MAX_LONG_PRECISION = 18;

        public DecimalType {
            if (precision < 1 || precision > MAX_PRECISION) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "DECIMAL precision " + precision + " must be between 1 and " + MAX_PRECISION);
            }
            if (scale < 0 || scale > precision) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "DECIMAL scale " + scale + " must be between 0 and the precision " + precision);
            }
        }
        public PhysicalType physicalType() {
            return precision <= MAX_LONG_PRECISION ? PhysicalType.INT64 : PhysicalType.INT128;
        }

        /** True when values are 128-bit (precision above 18). */
        public boolean isWide() {
            return precision > MAX_LONG_PRECISION;
        }

        public String displayName() { return "numeric(" + precision + "," + scale + ")"; }
    }

    record RealType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.FLOAT32; }
        public String displayName() { return "real"; }
    }

    record DoubleType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.FLOAT64; }
        public String displayName() { return "double precision"; }
    }

    record BooleanType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.BOOLEAN; }
        public String displayName() { return "boolean"; }
    }

    /** Fixed-length character string; values are blank-padded to {@code length} bytes on output, as Redshift does. */
    record CharType(int length) implements SqlType {
        public static final int MAX_LENGTH = 4096;

        public CharType {
            if (length < 1 || length > MAX_LENGTH) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "CHAR length " + length + " must be between 1 and " + MAX_LENGTH);
            }
        }
        public PhysicalType physicalType() { return PhysicalType.VARIABLE; }
        public String displayName() { return "character(" + length + ")"; }
    }

    /** Variable-length string; {@code maxBytes} limits the UTF-8 byte length, as in Redshift (max 65535). */
    record VarcharType(int maxBytes) implements SqlType {
        public static final int MAX_LENGTH = 65535;
        /** Redshift's default length for VARCHAR without a length. */
        public static final int DEFAULT_LENGTH = 256;

        public VarcharType {
            if (maxBytes < 1 || maxBytes > MAX_LENGTH) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "VARCHAR length " + maxBytes + " must be between 1 and " + MAX_LENGTH);
            }
        }
        public PhysicalType physicalType() { return PhysicalType.VARIABLE; }
        public String displayName() { return "character varying(" + maxBytes + ")"; }
    }

    record DateType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT32; }
        public String displayName() { return "date"; }
    }

    record TimestampType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT64; }
        public String displayName() { return "timestamp without time zone"; }
    }

    /** An instant: microseconds since 1970-01-01 00:00:00 UTC, shown in the session time zone (UTC). */
    record TimestampTzType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT64; }
        public String displayName() { return "timestamp with time zone"; }
    }

    /** A time of day: microseconds since midnight. */
    record TimeType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT64; }
        public String displayName() { return "time without time zone"; }
    }

    /**
     * A day-time interval, the result of {@code timestamp - timestamp}: signed microseconds (a day is 24 hours,
     * as in UTC). Printed as PostgreSQL prints it ({@code 1 day 03:00:00}); not a column type.
     */
    record IntervalType() implements SqlType {
        public PhysicalType physicalType() { return PhysicalType.INT64; }
        public String displayName() { return "interval"; }
    }

    SqlType SMALLINT = new SmallIntType();
    SqlType INTEGER = new IntegerType();
    SqlType BIGINT = new BigIntType();
    SqlType REAL = new RealType();
    SqlType DOUBLE = new DoubleType();
    SqlType BOOLEAN = new BooleanType();
    SqlType DATE = new DateType();
    SqlType TIMESTAMP = new TimestampType();
    SqlType TIMESTAMPTZ = new TimestampTzType();
    SqlType TIME = new TimeType();
    SqlType INTERVAL = new IntervalType();
    SqlType VARCHAR = new VarcharType(VarcharType.MAX_LENGTH);

    /** TIMESTAMP or TIMESTAMPTZ: microseconds since the epoch. */
    static boolean isTimestamp(SqlType type) {
        return type instanceof TimestampType || type instanceof TimestampTzType;
    }

    static boolean isString(SqlType type) {
        return type instanceof CharType || type instanceof VarcharType;
    }
}
