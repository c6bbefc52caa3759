package io.cepheid.loader.format;

import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import java.nio.charset.StandardCharsets;

/**
 * Parses integers, decimals, floating point numbers and booleans straight from UTF-8 bytes. Integers and
 * decimals never allocate on the success path: this is the TPC-H load path, where most fields are numbers.
 */
public final class NumberParser {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private NumberParser() {
    }

    /** Parses a whole number in [min, max]; {@code type} only names the type in error messages. */
    public static long parseLong(byte[] bytes, int start, int end, long min, long max, SqlType type)
            throws FieldParseException {
        int p = start;
        boolean negative = false;
        if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
            negative = bytes[p] == '-';
            p++;
        }
        if (p == end) {
            throw invalid("invalid digit", bytes, start, end, type);
        }
        // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
        long value = 0;
        for (; p < end; p++) {
            int digit = bytes[p] - '0';
            if (digit < 0 || digit > 9) {
                throw invalid("invalid digit", bytes, start, end, type);
            }
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw invalid("value out of range", bytes, start, end, type);
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw invalid("value out of range", bytes, start, end, type);
            }
            value = -value;
        }
        if (value < min || value > max) {
            throw invalid("value out of range", bytes, start, end, type);
        }
        return value;
    }

    /**
     * Parses a decimal into its unscaled value at {@code scale}. Extra fraction digits are truncated, as
     * Redshift's COPY does (2.349 at scale 2 is 234), or with {@code round} (ROUNDEC) rounded half away from
     * zero (2.345 is 235, -2.345 is -235). Values with more than {@code precision - scale} integer digits are
     * rejected.
     */
    public static long parseDecimal(byte[] bytes, int start, int end, int precision, int scale, boolean round,
                                    SqlType type) throws FieldParseException {
        int p = start;
        boolean negative = false;
        if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
            negative = bytes[p] == '-';
            p++;
        }
        long unscaled = 0;
        int integerDigits = 0;
        boolean sawDigit = false;
        boolean leadingZeros = true;
        for (; p < end && bytes[p] != '.'; p++) {
            int digit = bytes[p] - '0';
            if (digit < 0 || digit > 9) {
                throw invalid("invalid digit", bytes, start, end, type);
            }
            sawDigit = true;
            if (leadingZeros && digit == 0) {
                continue;
            }
            leadingZeros = false;
            if (++integerDigits > precision - scale) {
                throw invalid("numeric value out of range", bytes, start, end, type);
            }
            unscaled = unscaled * 10 + digit;
        }
        int fractionDigits = 0;
        boolean roundUp = false;
        if (p < end) {
            p++; // the '.'
            for (; p < end; p++) {
                int digit = bytes[p] - '0';
                if (digit < 0 || digit > 9) {
                    throw invalid("invalid digit", bytes, start, end, type);
                }
                sawDigit = true;
                if (fractionDigits < scale) {
                    unscaled = unscaled * 10 + digit;
                    fractionDigits++;
                } else if (fractionDigits == scale) {
                    roundUp = round && digit >= 5;
                    fractionDigits++;
                }
            }
        }
        if (!sawDigit) {
            throw invalid("invalid digit", bytes, start, end, type);
        }
        if (fractionDigits < scale) {
            unscaled *= POWERS_OF_TEN[scale - fractionDigits];
        }
        if (roundUp) {
            unscaled++;
            if (unscaled >= POWERS_OF_TEN[precision]) {
                throw invalid("numeric value out of range", bytes, start, end, type);
            }
        }
        return negative ? -unscaled : unscaled;
    }

    /**
     * {@link #parseDecimal} for DECIMAL with 19..38 digits: the unscaled value as a BigInteger (the caller
     * splits it into the column's two halves). Only digits, one point and a leading sign are accepted.
     */
    public static BigInteger parseWideDecimal(byte[] bytes, int start, int end, int precision, int scale, boolean round,
                                              SqlType type) throws FieldParseException {
        boolean sawDigit = false;
        boolean sawPoint = false;
        for (int p = start; p < end; p++) {
            byte b = bytes[p];
            if (b >= '0' && b <= '9') {
                sawDigit = true;
            } else if (b == '.' && !sawPoint) {
                sawPoint = true;
            } else if (!((b == '-' || b == '+') && p == start)) {
                throw invalid("invalid digit", bytes, start, end, type);
            }
        }
        if (!sawDigit) {
            throw invalid("invalid digit", bytes, start, end, type);
        }
        BigDecimal value = new BigDecimal(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
        BigInteger unscaled = value.setScale(scale, round ? RoundingMode.HALF_UP : RoundingMode.DOWN).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(precision)) >= 0) {
            throw invalid("numeric value out of range", bytes, start, end, type);
        }
        return unscaled;
    }

    /**
     * Parses a floating point number, including NaN and [+-]Infinity/inf in any case. Goes through a String
     * (the JDK's correctly rounded parser); REAL and DOUBLE are rare in warehouse loads compared with DECIMAL.
     */
    public static double parseDouble(byte[] bytes, int start, int end, SqlType type) throws FieldParseException {
        int p = start;
        boolean negative = false;
        if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
            negative = bytes[p] == '-';
            p++;
        }
        if (matchesIgnoreCase(bytes, p, end, "nan")) {
            return Double.NaN;
        }
        if (matchesIgnoreCase(bytes, p, end, "inf") || matchesIgnoreCase(bytes, p, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean sawDigit = false;
        for (int i = p; i < end; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                sawDigit = true;
            } else if (b != '.' && b != 'e' && b != 'E' && b != '-' && b != '+') {
                // Double.parseDouble would also accept "1d", "0x1p3" and surrounding blanks.
                throw invalid("invalid digit", bytes, start, end, type);
            }
        }
        if (!sawDigit) {
            throw invalid("invalid digit", bytes, start, end, type);
        }
        try {
            return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw invalid("invalid number", bytes, start, end, type);
        }
    }

    /** Parses t/f, true/false, 1/0, y/n, yes/no in any case. */
    public static boolean parseBoolean(byte[] bytes, int start, int end, SqlType type) throws FieldParseException {
        if (matchesIgnoreCase(bytes, start, end, "t") || matchesIgnoreCase(bytes, start, end, "true")
                || matchesIgnoreCase(bytes, start, end, "1") || matchesIgnoreCase(bytes, start, end, "y")
                || matchesIgnoreCase(bytes, start, end, "yes")) {
            return true;
        }
        if (matchesIgnoreCase(bytes, start, end, "f") || matchesIgnoreCase(bytes, start, end, "false")
                || matchesIgnoreCase(bytes, start, end, "0") || matchesIgnoreCase(bytes, start, end, "n")
                || matchesIgnoreCase(bytes, start, end, "no")) {
            return false;
        }
        throw invalid("invalid boolean", bytes, start, end, type);
    }

    /** True when bytes[start, end) spell the ASCII word {@code lowerCase} in any case. */
    static boolean matchesIgnoreCase(byte[] bytes, int start, int end, String lowerCase) {
        if (end - start != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((bytes[start + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The exception for a value that does not parse: {@code invalid digit in "12x" for type integer}. */
    static FieldParseException invalid(String reason, byte[] bytes, int start, int end, SqlType type) {
        return new FieldParseException(reason + " in \"" + Utf8Display.of(bytes, start, end)
                + "\" for type " + type.displayName());
    }
}
