package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code statement_timeout} values as PostgreSQL and Redshift accept them: milliseconds ({@code 5000}),
 * or a number with a unit ({@code '250ms'}, {@code '5s'}, {@code '2min'}, {@code '1h'}, {@code '1d'}); 0 turns
 * the limit off.
 */
final class StatementTimeout {
    private static final Pattern VALUE = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");

    private StatementTimeout() {
    }

    /** The limit in milliseconds, 0 for none. */
    static long parseMillis(String text) {
        Matcher matcher = VALUE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            try {
                long number = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
                long millisPerUnit = switch (unit) {
                    case "s" -> 1_000L;
                    case "min" -> 60_000L;
                    case "h" -> 3_600_000L;
                    case "d" -> 86_400_000L;
                    default -> 1L;
                };
                return Math.multiplyExact(number, millisPerUnit);
            } catch (NumberFormatException | ArithmeticException e) {
                // fall through to the error below
            }
        }
        throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"statement_timeout\": \""
                + text + "\" (use milliseconds, or a number with ms, s, min, h or d; 0 turns it off)");
    }
}
