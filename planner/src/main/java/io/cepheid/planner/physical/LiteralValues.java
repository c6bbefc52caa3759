package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ValueParser;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Converts Java values (bound parameters, DEFAULT constants) into the physical literal representation of
 * {@link io.cepheid.executor.expression.ExprSpec.Literal}: Long, Double, Boolean, String or null, and BigInteger
 * for the unscaled value of a DECIMAL with more than 18 digits.
 */
public final class LiteralValues {
    private LiteralValues() {
    }

    /** The unscaled value of a DECIMAL(p,s) literal: Long up to 18 digits, BigInteger beyond; 22003 past p digits. */
    public static Object unscaledValue(BigDecimal value, SqlType.DecimalType type) {
        if (!type.isWide()) {
            return unscaled(value, type.scale());
        }
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(type.precision())) >= 0) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: a field with precision "
                    + type.precision() + ", scale " + type.scale() + " must round to an absolute value less than 10^"
                    + (type.precision() - type.scale()));
        }
        return unscaled;
    }

    public static long unscaled(BigDecimal value, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.precision() > SqlType.DecimalType.MAX_LONG_PRECISION) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "numeric value " + value.toPlainString() + " is out of range for DECIMAL with scale " + scale);
        }
        return rounded.unscaledValue().longValueExact();
    }

    public static Object fromJava(Object value, SqlType type) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type) {
                case SqlType.SmallIntType t -> integral(value);
                case SqlType.IntegerType t -> integral(value);
                case SqlType.BigIntType t -> integral(value);
                case SqlType.DecimalType d -> unscaledValue(new BigDecimal(value.toString().trim()), d);
                case SqlType.RealType t -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
                case SqlType.DoubleType t -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
                case SqlType.BooleanType t -> value instanceof Boolean b ? b : parseBoolean(value.toString());
                case SqlType.CharType t -> value.toString();
                case SqlType.VarcharType t -> value.toString();
                case SqlType.DateType t -> switch (value) {
                    case LocalDate d -> d.toEpochDay();
                    case java.sql.Date d -> d.toLocalDate().toEpochDay();
                    default -> LocalDate.parse(value.toString().trim()).toEpochDay();
                };
                case SqlType.TimestampType t -> {
                    LocalDateTime dateTime = switch (value) {
                        case LocalDateTime d -> d;
                        case java.sql.Timestamp ts -> ts.toLocalDateTime();
                        case LocalDate d -> d.atStartOfDay();
                        default -> LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
                    };
                    yield dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + dateTime.getNano() / 1000;
                }
                case SqlType.TimestampTzType t -> switch (value) {
                    case OffsetDateTime d -> d.toEpochSecond() * 1_000_000L + d.getNano() / 1000;
                    case Instant d -> d.getEpochSecond() * 1_000_000L + d.getNano() / 1000;
                    case java.sql.Timestamp ts -> Math.floorDiv(ts.getTime(), 1000L) * 1_000_000L + ts.getNanos() / 1000;
                    default -> ValueParser.parseLong(value.toString(), type);
                };
                case SqlType.IntervalType t -> value instanceof java.time.Duration d
                        ? Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000) : integral(value);
                case SqlType.TimeType t -> switch (value) {
                    case LocalTime d -> d.toNanoOfDay() / 1000;
                    case java.sql.Time d -> d.toLocalTime().toNanoOfDay() / 1000;
                    default -> ValueParser.parseLong(value.toString(), type);
                };
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new CepheidException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + type.displayName() + ": \"" + value + "\"");
        }
    }

    private static long integral(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof Double) && !(value instanceof Float)) {
            return n.longValue();
        }
        return new BigDecimal(value.toString().trim()).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true", "y", "yes", "1", "on" -> true;
            case "f", "false", "n", "no", "0", "off" -> false;
            default -> throw new NumberFormatException(text);
        };
    }
}
