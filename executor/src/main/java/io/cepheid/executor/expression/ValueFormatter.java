package io.cepheid.executor.expression;

import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Text forms of values, as PostgreSQL prints them (what CAST to a string type produces). */
public final class ValueFormatter {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private ValueFormatter() {
    }

    /** Formats an integer-like physical value of {@code type}. */
    public static String formatLong(SqlType type, long value) {
        return switch (type) {
            case SqlType.DecimalType d -> DecimalMath.format(value, d.scale());
            case SqlType.DateType d -> formatDate(value);
            case SqlType.TimestampType t -> formatTimestamp(value);
            case SqlType.TimestampTzType t -> formatTimestamp(value) + "+00";
            case SqlType.TimeType t -> formatTime(value);
            case SqlType.IntervalType i -> formatInterval(value);
            case SqlType.BooleanType b -> value != 0 ? "true" : "false";
            default -> Long.toString(value);
        };
    }

    /** {@code 2024-01-31}. */
    public static String formatDate(long days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** {@code 2024-01-31 12:34:56}, with a fraction (trailing zeros removed) only when nonzero. */
    public static String formatTimestamp(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        long seconds = timeOfDay / 1_000_000;
        long fraction = timeOfDay % 1_000_000;
        StringBuilder text = new StringBuilder(26).append(formatDate(days)).append(' ');
        appendTwoDigits(text, seconds / 3600).append(':');
        appendTwoDigits(text, seconds / 60 % 60).append(':');
        appendTwoDigits(text, seconds % 60);
        if (fraction != 0) {
            String digits = Long.toString(1_000_000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.toString();
    }

    /** {@code 13:45:30}, with a fraction only when nonzero: TIMESTAMP's time part. */
    public static String formatTime(long micros) {
        String timestamp = formatTimestamp(Math.floorMod(micros, MICROS_PER_DAY));
        return timestamp.substring(timestamp.indexOf(' ') + 1);
    }

    /**
     * A day-time interval as PostgreSQL prints it: {@code 3 days}, {@code 1 day 03:00:00}, {@code -00:30:00},
     * {@code -1 days -02:00:00.5}; the time part is left out when zero unless there are no days either.
     */
    public static String formatInterval(long micros) {
        long days = micros / MICROS_PER_DAY;
        long time = micros % MICROS_PER_DAY;
        StringBuilder text = new StringBuilder(24);
        if (days != 0) {
            text.append(days).append(days == 1 ? " day" : " days");
            if (time == 0) {
                return text.toString();
            }
            text.append(' ');
        }
        if (time < 0) {
            text.append('-');
        }
        text.append(formatTime(Math.abs(time)));
        return text.toString();
    }

    private static StringBuilder appendTwoDigits(StringBuilder text, long value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }

    /**
     * Shortest text that reads back as the same value, in PostgreSQL's layout: plain digits for decimal
     * exponents in [-4, 15) (REAL: [-4, 6)), else {@code 1.5e+20}; {@code NaN}, {@code Infinity}.
     */
    public static String formatDouble(double value, boolean real) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(real ? Float.toString((float) value) : Double.toString(value)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= (real ? 6 : 15)) {
            String digits = shortest.unscaledValue().abs().toString();
            StringBuilder text = new StringBuilder();
            if (shortest.signum() < 0) {
                text.append('-');
            }
            text.append(digits.charAt(0));
            if (digits.length() > 1) {
                text.append('.').append(digits, 1, digits.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                text.append('0');
            }
            return text.append(magnitude).toString();
        }
        return shortest.toPlainString();
    }
}
