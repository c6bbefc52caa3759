package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses text into a type's physical value, as a string-to-type CAST does; bad text is 22P02 (dates: 22007/22008). */
public final class ValueParser {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Pattern WELL_FORMED_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    /** A trailing UTC marker or numeric offset: group 2 the sign, 3 the hours, 4 the minutes. */
    private static final Pattern TIME_ZONE_SUFFIX =
            Pattern.compile("(?i)(z|utc|gmt|([+-])(\\d{1,2})(?::?(\\d{2}))?)$");
    private static final Pattern WELL_FORMED_DATETIME =
            Pattern.compile("-?\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?");

    private ValueParser() {
    }

    /** Parses integer-like types (SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP, BOOLEAN) to a long. */
    public static long parseLong(String text, SqlType type) {
        String trimmed = text.strip();
        return switch (type) {
            case SqlType.SmallIntType s -> checkRange(parseInteger(trimmed, text, type), Short.MIN_VALUE, Short.MAX_VALUE, text, type);
            case SqlType.IntegerType s -> checkRange(parseInteger(trimmed, text, type), Integer.MIN_VALUE, Integer.MAX_VALUE, text, type);
            case SqlType.BigIntType s -> parseInteger(trimmed, text, type);
            case SqlType.DecimalType d -> parseDecimal(trimmed, text, d);
            case SqlType.DateType d -> parseDate(trimmed, text);
            case SqlType.TimestampType t -> parseTimestamp(trimmed, text);
            case SqlType.TimestampTzType t -> parseTimestampTz(trimmed, text);
            case SqlType.TimeType t -> parseTime(trimmed, text);
            case SqlType.IntervalType i -> throw new IllegalArgumentException("intervals are not read from text here: " + type);
            case SqlType.BooleanType b -> parseBoolean(trimmed, text) ? 1 : 0;
            case SqlType.RealType r -> throw new IllegalArgumentException("not integer-like: " + type);
            case SqlType.DoubleType r -> throw new IllegalArgumentException("not integer-like: " + type);
            case SqlType.CharType r -> throw new IllegalArgumentException("not integer-like: " + type);
            case SqlType.VarcharType r -> throw new IllegalArgumentException("not integer-like: " + type);
        };
    }

    public static double parseDouble(String text, SqlType type) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        double value = switch (trimmed) {
            case "nan" -> Double.NaN;
            case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(trimmed.length() - 1)) && trimmed.charAt(trimmed.length() - 1) != '.') {
                    throw invalid(text, type);
                }
                try {
                    yield Double.parseDouble(trimmed);
                } catch (NumberFormatException e) {
                    throw invalid(text, type);
                }
            }
        };
        if (Double.isInfinite(value) && !trimmed.contains("inf")
                || type instanceof SqlType.RealType && Float.isInfinite((float) value) && !Double.isInfinite(value)) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + typeName(type));
        }
        return value;
    }

    public static boolean parseBoolean(String trimmed, String text) {
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw invalid(text, SqlType.BOOLEAN);
        };
    }

    private static long parseInteger(String trimmed, String text, SqlType type) {
        try {
            return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException e) {
            if (trimmed.matches("[+-]?[0-9]+")) {
                throw outOfRange(text, type);
            }
            throw invalid(text, type);
        }
    }

    private static long checkRange(long value, long min, long max, String text, SqlType type) {
        if (value < min || value > max) {
            throw outOfRange(text, type);
        }
        return value;
    }

    /** Parses DECIMAL text of any width as a BigDecimal; 22P02 when it is not a number. */
    public static BigDecimal parseNumber(String text, SqlType type) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(text, type);
        }
    }

    /** {@code value} rounded half away from zero to the type's scale, unscaled; 22003 past its precision. */
    public static BigInteger unscaled(BigDecimal value, SqlType.DecimalType type) {
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(Decimal128Math.powerOfTen(type.precision())) >= 0) {
            throw DecimalMath.fieldOverflow(type.precision(), type.scale());
        }
        return unscaled;
    }

    private static long parseDecimal(String trimmed, String text, SqlType.DecimalType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw invalid(text, type);
        }
        long unscaled = DecimalMath.toLong(value.setScale(type.scale(), RoundingMode.HALF_UP));
        return DecimalMath.checkPrecision(unscaled, type.precision(), type.scale());
    }

    private static long parseDate(String trimmed, String text) {
        int space = indexOfTimeSeparator(trimmed);
        try {
            return LocalDate.parse(space < 0 ? trimmed : trimmed.substring(0, space)).toEpochDay();
        } catch (DateTimeParseException e) {
            throw invalidDatetime(trimmed, text, SqlType.DATE);
        }
    }

    private static long parseTimestamp(String trimmed, String text) {
        int separator = indexOfTimeSeparator(trimmed);
        try {
            long days = LocalDate.parse(separator < 0 ? trimmed : trimmed.substring(0, separator)).toEpochDay();
            long micros = 0;
            if (separator >= 0) {
                micros = LocalTime.parse(trimmed.substring(separator + 1).strip()).toNanoOfDay() / 1000;
            }
            return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), micros);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalidDatetime(trimmed, text, SqlType.TIMESTAMP);
        }
    }

    /**
     * A TIMESTAMPTZ: a timestamp with an optional offset ({@code +00}, {@code -05:30}, {@code Z}, {@code UTC});
     * without one it is in the session time zone, UTC. Stored as the UTC instant.
     */
    private static long parseTimestampTz(String trimmed, String text) {
        int separator = indexOfTimeSeparator(trimmed);
        Matcher zone = TIME_ZONE_SUFFIX.matcher(trimmed);
        if (separator < 0 || !zone.find(separator + 1)) {
            return parseTimestamp(trimmed, text);
        }
        long local = parseTimestamp(trimmed.substring(0, zone.start()).strip(), text);
        if (zone.group(2) == null) {
            return local;
        }
        int hours = Integer.parseInt(zone.group(3));
        int minutes = zone.group(4) == null ? 0 : Integer.parseInt(zone.group(4));
        if (hours > 15 || minutes > 59) {
            throw new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW, "time zone displacement out of range: \"" + text + "\"");
        }
        long offset = (hours * 60L + minutes) * 60_000_000L;
        return zone.group(2).equals("+") ? local - offset : local + offset;
    }

    /** A TIME: {@code HH:MM[:SS[.ffffff]]}. */
    private static long parseTime(String trimmed, String text) {
        try {
            return LocalTime.parse(trimmed).toNanoOfDay() / 1000;
        } catch (DateTimeParseException e) {
            if (WELL_FORMED_TIME.matcher(trimmed).matches()) {
                throw new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                        "date/time field value out of range: \"" + text + "\"");
            }
            throw new CepheidException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type time: \"" + text + "\"");
        }
    }

    /**
     * Bad date/time text, as PostgreSQL reports it: well-formed digits with a field out of range
     * ('2024-13-01', '2023-02-29', '24:00:00') are 22008, anything else 22007; both name the value.
     */
    private static CepheidException invalidDatetime(String trimmed, String text, SqlType type) {
        if (WELL_FORMED_DATETIME.matcher(trimmed).matches()) {
            return new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
        }
        return new CepheidException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + typeName(type) + ": \"" + text + "\"");
    }

    private static int indexOfTimeSeparator(String text) {
        int space = text.indexOf(' ');
        return space >= 0 ? space : text.indexOf('T');
    }

    static String typeName(SqlType type) {
        return switch (type) {
            case SqlType.DecimalType d -> "numeric";
            case SqlType.CharType c -> "character";
            case SqlType.VarcharType v -> "character varying";
            default -> type.displayName();
        };
    }

    static CepheidException invalid(String text, SqlType type) {
        return new CepheidException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName(type) + ": \"" + text + "\"");
    }

    static CepheidException outOfRange(String text, SqlType type) {
        return new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + text + "\" is out of range for type " + typeName(type));
    }
}
