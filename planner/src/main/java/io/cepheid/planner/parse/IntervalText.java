package io.cepheid.planner.parse;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Reads a PostgreSQL/Redshift interval written with its units inside the quotes ({@code '1 day 3 hours'},
 * {@code '-1.5 hrs'}, {@code '2 weeks ago'}, {@code '1 day 03:00:00'}) into months and microseconds, the two
 * parts PostgreSQL applies separately: months by the calendar, the rest as elapsed time (a day is 24 hours,
 * as in UTC). Fractions carry down as PostgreSQL carries them: a fraction of a year becomes whole months
 * (truncated), a fraction of a month becomes 30-day days. Text that is not an interval is 22007, naming it.
 */
public final class IntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    /** The parsed interval: calendar months plus elapsed microseconds, each with its own sign. */
    public record Value(long months, long micros) {
        public Value negate() {
            return new Value(Math.negateExact(months), Math.negateExact(micros));
        }

        /** Whether the value has both a month part and a time part (applied months first). */
        public boolean isMixed() {
            return months != 0 && micros != 0;
        }
    }

    private IntervalText() {
    }

    public static Value parse(String text) {
        String[] tokens = tokenize(text);
        if (tokens.length == 0) {
            throw invalid(text);
        }
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal micros = BigDecimal.ZERO;
        int end = tokens.length;
        boolean ago = "ago".equals(tokens[end - 1]);
        if (ago) {
            end--;
        }
        if (end == 0) {
            throw invalid(text);
        }
        try {
            for (int i = 0; i < end; i++) {
                String token = tokens[i];
                if (token.indexOf(':') >= 0) {
                    micros = micros.add(clockMicros(token, text));
                    continue;
                }
                BigDecimal amount = number(token, text);
                if (i + 1 >= end || isNumberStart(tokens[i + 1])) {
                    // A bare number is seconds, as in PostgreSQL (INTERVAL '90' = 90 seconds), but only alone.
                    if (end != 1) {
                        throw invalid(text);
                    }
                    micros = micros.add(amount.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
                    continue;
                }
                String unit = tokens[++i];
                switch (unit) {
                    case "year", "years", "y", "yr", "yrs" -> months = months.add(amount.multiply(BigDecimal.valueOf(12))
                            .setScale(0, RoundingMode.DOWN));
                    case "month", "months", "mon", "mons" -> {
                        BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
                        months = months.add(whole);
                        micros = micros.add(amount.subtract(whole).multiply(BigDecimal.valueOf(30 * MICROS_PER_DAY)));
                    }
                    case "week", "weeks", "w" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(7 * MICROS_PER_DAY)));
                    case "day", "days", "d" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(MICROS_PER_DAY)));
                    case "hour", "hours", "h", "hr", "hrs" ->
                            micros = micros.add(amount.multiply(BigDecimal.valueOf(3600 * MICROS_PER_SECOND)));
                    case "minute", "minutes", "m", "min", "mins" ->
                            micros = micros.add(amount.multiply(BigDecimal.valueOf(60 * MICROS_PER_SECOND)));
                    case "second", "seconds", "s", "sec", "secs" ->
                            micros = micros.add(amount.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
                    case "millisecond", "milliseconds", "ms", "msec", "msecs" ->
                            micros = micros.add(amount.multiply(BigDecimal.valueOf(1000)));
                    case "microsecond", "microseconds", "us", "usec", "usecs" -> micros = micros.add(amount);
                    default -> throw invalid(text);
                }
            }
            Value value = new Value(months.longValueExact(), micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            return ago ? value.negate() : value;
        } catch (ArithmeticException e) {
            throw new CepheidException(ErrorCode.INVALID_DATETIME_FORMAT, "interval out of range: \"" + text + "\"");
        }
    }

    /** Splits "1day 3 hours,2h" into numbers, words and clock times; letters and digits glued together part. */
    private static String[] tokenize(String text) {
        String spaced = text.trim().toLowerCase(Locale.ROOT)
                .replaceAll("(?<=[0-9.])(?=[a-z])", " ")
                .replace(',', ' ');
        return spaced.isEmpty() ? new String[0] : spaced.split("\\s+");
    }

    private static boolean isNumberStart(String token) {
        char first = token.charAt(0);
        return first == '+' || first == '-' || first == '.' || Character.isDigit(first);
    }

    private static BigDecimal number(String token, String text) {
        if (!isNumberStart(token) || token.length() > 40) {
            throw invalid(text);
        }
        try {
            return new BigDecimal(token.startsWith("+") ? token.substring(1) : token);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    /** [-]h:m[:s[.f]], PostgreSQL's time part and the way it prints intervals. */
    private static BigDecimal clockMicros(String token, String text) {
        boolean negative = token.startsWith("-");
        String body = negative || token.startsWith("+") ? token.substring(1) : token;
        String[] fields = body.split(":", -1);
        if (fields.length < 2 || fields.length > 3) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        long[] scales = {3600 * MICROS_PER_SECOND, 60 * MICROS_PER_SECOND, MICROS_PER_SECOND};
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            boolean digits = !field.isEmpty() && field.chars().allMatch(c -> Character.isDigit(c) || c == '.');
            if (!digits || (i < 2 && field.indexOf('.') >= 0)) {
                throw invalid(text);
            }
            total = total.add(number(field, text).multiply(BigDecimal.valueOf(scales[i])));
        }
        return negative ? total.negate() : total;
    }

    private static CepheidException invalid(String text) {
        return new CepheidException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type interval: \"" + text + "\"");
    }
}
