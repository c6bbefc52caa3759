package io.cepheid.jdbc;

import io.cepheid.executor.expression.ValueFormatter;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads one non-null value of a result vector as the Java type a JDBC getter asks for, converting the way
 * pgjdbc does (numbers from text, text from anything). Callers check {@link ColumnVector#isNull} first.
 */
public final class ColumnValues {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** SQLSTATE for a value that cannot be converted to the requested type. */
    private static final String INVALID_CONVERSION = "22018";
    private static final String OUT_OF_RANGE = "22003";

    private ColumnValues() {
    }

    /** The value as the class {@link JdbcTypes#javaClass} names for the column's type. */
    public static Object toObject(ColumnVector vector, int row) {
        return switch (vector.type()) {
            case SqlType.SmallIntType t -> vector.getShort(row);
            case SqlType.IntegerType t -> vector.getInt(row);
            case SqlType.BigIntType t -> vector.getLong(row);
            case SqlType.DecimalType t -> new BigDecimal(vector.getUnscaled(row), t.scale());
            case SqlType.RealType t -> vector.getFloat(row);
            case SqlType.DoubleType t -> vector.getDouble(row);
            case SqlType.BooleanType t -> vector.getBoolean(row);
            case SqlType.CharType t -> blankPadded(vector.getString(row), t.length());
            case SqlType.VarcharType t -> vector.getString(row);
            case SqlType.DateType t -> java.sql.Date.valueOf(LocalDate.ofEpochDay(vector.getInt(row)));
            case SqlType.TimestampType t -> Timestamp.valueOf(localDateTime(vector.getLong(row)));
            case SqlType.TimestampTzType t -> Timestamp.valueOf(localDateTime(vector.getLong(row)));
            case SqlType.TimeType t -> java.sql.Time.valueOf(localTime(vector.getLong(row)));
            case SqlType.IntervalType t -> ValueFormatter.formatInterval(vector.getLong(row));
        };
    }

    /** The value as PostgreSQL prints it: {@code 12.50}, {@code t}, {@code 2024-01-31}, {@code 2024-01-31 10:00:00.5}. */
    public static String toText(ColumnVector vector, int row) {
        return switch (vector.type()) {
            case SqlType.SmallIntType t -> Short.toString(vector.getShort(row));
            case SqlType.IntegerType t -> Integer.toString(vector.getInt(row));
            case SqlType.BigIntType t -> Long.toString(vector.getLong(row));
            case SqlType.DecimalType t -> new BigDecimal(vector.getUnscaled(row), t.scale()).toPlainString();
            case SqlType.RealType t -> formatFloatingPoint(vector.getFloat(row), Float.toString(vector.getFloat(row)));
            case SqlType.DoubleType t -> formatFloatingPoint(vector.getDouble(row), Double.toString(vector.getDouble(row)));
            case SqlType.BooleanType t -> vector.getBoolean(row) ? "t" : "f";
            case SqlType.CharType t -> blankPadded(vector.getString(row), t.length());
            case SqlType.VarcharType t -> vector.getString(row);
            case SqlType.DateType t -> LocalDate.ofEpochDay(vector.getInt(row)).toString();
            case SqlType.TimestampType t -> formatTimestamp(localDateTime(vector.getLong(row)));
            // The session time zone is UTC.
            case SqlType.TimestampTzType t -> formatTimestamp(localDateTime(vector.getLong(row))) + "+00";
            case SqlType.TimeType t -> formatTimestamp(localDateTime(vector.getLong(row))).substring(11);
            case SqlType.IntervalType t -> ValueFormatter.formatInterval(vector.getLong(row));
        };
    }

    public static long toLong(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.SmallIntType t -> vector.getShort(row);
            case SqlType.IntegerType t -> vector.getInt(row);
            case SqlType.BigIntType t -> vector.getLong(row);
            case SqlType.DecimalType t -> new BigDecimal(vector.getUnscaled(row), t.scale()).setScale(0, RoundingMode.DOWN).longValue();
            case SqlType.RealType t -> doubleToLong(vector.getFloat(row));
            case SqlType.DoubleType t -> doubleToLong(vector.getDouble(row));
            case SqlType.BooleanType t -> vector.getBoolean(row) ? 1 : 0;
            case SqlType.CharType t -> parseLong(vector.getString(row));
            case SqlType.VarcharType t -> parseLong(vector.getString(row));
            case SqlType.DateType t -> throw cannotConvert(vector, "long");
            case SqlType.TimestampType t -> throw cannotConvert(vector, "long");
            case SqlType.TimestampTzType t -> throw cannotConvert(vector, "long");
            case SqlType.TimeType t -> throw cannotConvert(vector, "long");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "long");
        };
    }

    /** {@link #toLong} checked against {@code [min, max]}, for getInt and getShort. */
    public static long toLongInRange(ColumnVector vector, int row, long min, long max, String javaType) throws SQLException {
        long value = toLong(vector, row);
        if (value < min || value > max) {
            throw new SQLDataException("value " + value + " is out of range for " + javaType, OUT_OF_RANGE);
        }
        return value;
    }

    public static double toDouble(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.SmallIntType t -> vector.getShort(row);
            case SqlType.IntegerType t -> vector.getInt(row);
            case SqlType.BigIntType t -> vector.getLong(row);
            case SqlType.DecimalType t -> new BigDecimal(vector.getUnscaled(row), t.scale()).doubleValue();
            case SqlType.RealType t -> vector.getFloat(row);
            case SqlType.DoubleType t -> vector.getDouble(row);
            case SqlType.BooleanType t -> vector.getBoolean(row) ? 1 : 0;
            case SqlType.CharType t -> parseDouble(vector.getString(row));
            case SqlType.VarcharType t -> parseDouble(vector.getString(row));
            case SqlType.DateType t -> throw cannotConvert(vector, "double");
            case SqlType.TimestampType t -> throw cannotConvert(vector, "double");
            case SqlType.TimestampTzType t -> throw cannotConvert(vector, "double");
            case SqlType.TimeType t -> throw cannotConvert(vector, "double");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "double");
        };
    }

    public static BigDecimal toBigDecimal(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.SmallIntType t -> BigDecimal.valueOf(vector.getShort(row));
            case SqlType.IntegerType t -> BigDecimal.valueOf(vector.getInt(row));
            case SqlType.BigIntType t -> BigDecimal.valueOf(vector.getLong(row));
            case SqlType.DecimalType t -> new BigDecimal(vector.getUnscaled(row), t.scale());
            case SqlType.RealType t -> finiteDecimal(vector.getFloat(row));
            case SqlType.DoubleType t -> finiteDecimal(vector.getDouble(row));
            case SqlType.BooleanType t -> vector.getBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
            case SqlType.CharType t -> parseDecimal(vector.getString(row));
            case SqlType.VarcharType t -> parseDecimal(vector.getString(row));
            case SqlType.DateType t -> throw cannotConvert(vector, "BigDecimal");
            case SqlType.TimestampType t -> throw cannotConvert(vector, "BigDecimal");
            case SqlType.TimestampTzType t -> throw cannotConvert(vector, "BigDecimal");
            case SqlType.TimeType t -> throw cannotConvert(vector, "BigDecimal");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "BigDecimal");
        };
    }

    /** Booleans as themselves, numbers as {@code != 0}, text as PostgreSQL's boolean literals. */
    public static boolean toBoolean(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.BooleanType t -> vector.getBoolean(row);
            case SqlType.CharType t -> parseBoolean(vector.getString(row));
            case SqlType.VarcharType t -> parseBoolean(vector.getString(row));
            case SqlType.SmallIntType t -> toLong(vector, row) != 0;
            case SqlType.IntegerType t -> toLong(vector, row) != 0;
            case SqlType.BigIntType t -> toLong(vector, row) != 0;
            case SqlType.DecimalType t -> vector.getUnscaled(row).signum() != 0;
            case SqlType.RealType t -> vector.getFloat(row) != 0;
            case SqlType.DoubleType t -> vector.getDouble(row) != 0;
            case SqlType.DateType t -> throw cannotConvert(vector, "boolean");
            case SqlType.TimestampType t -> throw cannotConvert(vector, "boolean");
            case SqlType.TimestampTzType t -> throw cannotConvert(vector, "boolean");
            case SqlType.TimeType t -> throw cannotConvert(vector, "boolean");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "boolean");
        };
    }

    public static LocalDate toLocalDate(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.DateType t -> LocalDate.ofEpochDay(vector.getInt(row));
            case SqlType.TimestampType t -> localDateTime(vector.getLong(row)).toLocalDate();
            case SqlType.TimestampTzType t -> localDateTime(vector.getLong(row)).toLocalDate();
            case SqlType.TimeType t -> throw cannotConvert(vector, "Date");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "Date");
            case SqlType.CharType t -> parseDate(vector.getString(row));
            case SqlType.VarcharType t -> parseDate(vector.getString(row));
            case SqlType.SmallIntType t -> throw cannotConvert(vector, "Date");
            case SqlType.IntegerType t -> throw cannotConvert(vector, "Date");
            case SqlType.BigIntType t -> throw cannotConvert(vector, "Date");
            case SqlType.DecimalType t -> throw cannotConvert(vector, "Date");
            case SqlType.RealType t -> throw cannotConvert(vector, "Date");
            case SqlType.DoubleType t -> throw cannotConvert(vector, "Date");
            case SqlType.BooleanType t -> throw cannotConvert(vector, "Date");
        };
    }

    public static LocalDateTime toLocalDateTime(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.TimestampType t -> localDateTime(vector.getLong(row));
            case SqlType.TimestampTzType t -> localDateTime(vector.getLong(row));
            case SqlType.DateType t -> LocalDate.ofEpochDay(vector.getInt(row)).atStartOfDay();
            case SqlType.TimeType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.IntervalType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.CharType t -> parseTimestamp(vector.getString(row));
            case SqlType.VarcharType t -> parseTimestamp(vector.getString(row));
            case SqlType.SmallIntType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.IntegerType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.BigIntType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.DecimalType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.RealType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.DoubleType t -> throw cannotConvert(vector, "Timestamp");
            case SqlType.BooleanType t -> throw cannotConvert(vector, "Timestamp");
        };
    }

    /** A TIME, or the time of day of a TIMESTAMP[TZ], or text such as {@code 10:30:00}. */
    public static LocalTime toLocalTime(ColumnVector vector, int row) throws SQLException {
        return switch (vector.type()) {
            case SqlType.TimeType t -> localTime(vector.getLong(row));
            case SqlType.IntervalType t -> throw cannotConvert(vector, "Time");
            case SqlType.TimestampType t -> localDateTime(vector.getLong(row)).toLocalTime();
            case SqlType.TimestampTzType t -> localDateTime(vector.getLong(row)).toLocalTime();
            case SqlType.CharType t -> parseTime(vector.getString(row));
            case SqlType.VarcharType t -> parseTime(vector.getString(row));
            case SqlType.DateType t -> throw cannotConvert(vector, "Time");
            case SqlType.SmallIntType t -> throw cannotConvert(vector, "Time");
            case SqlType.IntegerType t -> throw cannotConvert(vector, "Time");
            case SqlType.BigIntType t -> throw cannotConvert(vector, "Time");
            case SqlType.DecimalType t -> throw cannotConvert(vector, "Time");
            case SqlType.RealType t -> throw cannotConvert(vector, "Time");
            case SqlType.DoubleType t -> throw cannotConvert(vector, "Time");
            case SqlType.BooleanType t -> throw cannotConvert(vector, "Time");
        };
    }

    /** Microseconds since midnight as a time of day. */
    public static LocalTime localTime(long micros) {
        return LocalTime.ofNanoOfDay(Math.floorMod(micros, 86_400_000_000L) * 1000);
    }

    private static LocalTime parseTime(String text) throws SQLException {
        try {
            return LocalTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new SQLDataException("cannot convert \"" + text + "\" to Time", "22007");
        }
    }

    /**
     * A CHAR(n) value as PostgreSQL and Redshift return it, blank-padded to n characters; the engine may keep
     * it without its trailing blanks, which do not count in comparisons.
     */
    static String blankPadded(String value, int length) {
        return value.length() >= length ? value : value + " ".repeat(length - value.length());
    }

    /** Microseconds since 1970-01-01 00:00:00 as a wall-clock date-time (TIMESTAMP has no zone). */
    public static LocalDateTime localDateTime(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** The inverse of {@link #localDateTime}: micros since the epoch, fractions below a microsecond dropped. */
    public static long epochMicros(LocalDateTime value) {
        return value.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + value.getNano() / 1000;
    }

    /** PostgreSQL's form: {@code 2024-01-31 10:00:00}, fraction digits only as far as they are non-zero. */
    public static String formatTimestamp(LocalDateTime value) {
        String text = value.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d:%02d",
                value.getHour(), value.getMinute(), value.getSecond());
        int micros = value.getNano() / 1000;
        if (micros == 0) {
            return text;
        }
        String fraction = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    /**
     * Floating point the way PostgreSQL prints it for everyday magnitudes: {@code 1} not {@code 1.0},
     * {@code 0.25}, and Java's exponent form only for very large or small values (1e15 and up, below 1e-4).
     */
    static String formatFloatingPoint(double value, String javaText) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        if (magnitude >= 1e15 || magnitude < 1e-4) {
            return javaText;
        }
        return new BigDecimal(javaText).stripTrailingZeros().toPlainString();
    }

    private static long doubleToLong(double value) throws SQLException {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw new SQLDataException("value " + value + " is out of range for long", OUT_OF_RANGE);
        }
        return (long) value;
    }

    private static BigDecimal finiteDecimal(double value) throws SQLException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new SQLDataException("value " + value + " cannot be converted to BigDecimal", INVALID_CONVERSION);
        }
        return new BigDecimal(Double.toString(value));
    }

    private static long parseLong(String text) throws SQLException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notAnInteger) {
            return parseDecimal(text).setScale(0, RoundingMode.DOWN).longValue();
        }
    }

    private static double parseDouble(String text) throws SQLException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SQLDataException("bad value for a number: \"" + text + "\"", INVALID_CONVERSION, e);
        }
    }

    private static BigDecimal parseDecimal(String text) throws SQLException {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new SQLDataException("bad value for a number: \"" + text + "\"", INVALID_CONVERSION, e);
        }
    }

    static boolean parseBoolean(String text) throws SQLException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw new SQLDataException("bad value for a boolean: \"" + text + "\"", INVALID_CONVERSION);
        };
    }

    private static LocalDate parseDate(String text) throws SQLException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SQLDataException("bad value for a date: \"" + text + "\"", INVALID_CONVERSION, e);
        }
    }

    private static LocalDateTime parseTimestamp(String text) throws SQLException {
        try {
            return Timestamp.valueOf(text.strip()).toLocalDateTime();
        } catch (IllegalArgumentException e) {
            throw new SQLDataException("bad value for a timestamp: \"" + text + "\"", INVALID_CONVERSION, e);
        }
    }

    private static SQLException cannotConvert(ColumnVector vector, String javaType) {
        return new SQLDataException("cannot convert a " + vector.type().displayName() + " value to " + javaType,
                INVALID_CONVERSION);
    }
}
