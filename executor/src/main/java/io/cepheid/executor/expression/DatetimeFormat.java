package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Redshift (PostgreSQL) datetime format string such as {@code 'YYYY-MM-DD HH24:MI:SS'}, compiled once into
 * fields and literal text. It formats microseconds since the epoch (TO_CHAR) into a reused byte buffer and
 * parses text back (TO_DATE, TO_TIMESTAMP). Text that is no field is copied as is; {@code "quoted"} text is
 * literal; {@code FM} before a field drops its padding. The session time zone is UTC, so {@code TZ} is UTC.
 */
final class DatetimeFormat {
    private static final long DAY = CivilCalendar.MICROS_PER_DAY;
    /** Julian day number of 1970-01-01. */
    private static final long JULIAN_EPOCH = 2_440_588;
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    /** Indexed by ISO day of week - 1 (Monday first). */
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private enum Field {
        // Longer names first: a field is the first name that matches at a position.
        HH24(2), HH12(2), HH(2), YYYY(4), YYY(3), YY(2), MONTH(9), MON(3), MM(2), MI(2), MS(3), DAY(9), DDD(3), DY(3),
        DD(2), D(1), SS(2), US(6), AM(2), PM(2), IW(2), WW(2), CC(2), Q(1), J(7), TZ(3), Y(1);

        /** Digits printed without FM (names: the padded width). */
        final int width;

        Field(int width) {
            this.width = width;
        }

        boolean isText() {
            return this == MONTH || this == MON || this == DAY || this == DY || this == AM || this == PM || this == TZ;
        }
    }

    private enum Case { UPPER, CAPITALIZED, LOWER }

    /** One element: a field (with its fill mode and the case its name was written in) or literal text. */
    private record Token(Field field, boolean fillMode, Case letterCase, String literal) {
    }

    private final String pattern;
    private final Token[] tokens;
    private byte[] buffer = new byte[64];
    private int length;

    DatetimeFormat(String pattern) {
        this.pattern = pattern;
        this.tokens = compile(pattern);
    }

    private static Token[] compile(String pattern) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '"') {
                int end = pattern.indexOf('"', i + 1);
                literal.append(pattern, i + 1, end < 0 ? pattern.length() : end);
                i = end < 0 ? pattern.length() : end + 1;
                continue;
            }
            boolean fillMode = pattern.regionMatches(true, i, "FM", 0, 2) && fieldAt(pattern, i + 2) != null;
            int start = fillMode ? i + 2 : i;
            Field field = fieldAt(pattern, start);
            if (field == null) {
                literal.append(c);
                i++;
                continue;
            }
            if (!literal.isEmpty()) {
                tokens.add(new Token(null, false, Case.UPPER, literal.toString()));
                literal.setLength(0);
            }
            tokens.add(new Token(field, fillMode, caseOf(pattern, start, field), null));
            i = start + field.name().length();
        }
        if (!literal.isEmpty()) {
            tokens.add(new Token(null, false, Case.UPPER, literal.toString()));
        }
        return tokens.toArray(Token[]::new);
    }

    private static Field fieldAt(String pattern, int at) {
        for (Field field : Field.values()) {
            if (pattern.regionMatches(true, at, field.name(), 0, field.name().length())) {
                return field;
            }
        }
        return null;
    }

    /** MONTH is JANUARY, Month is January, month is january (likewise DAY, MON, DY, AM). */
    private static Case caseOf(String pattern, int at, Field field) {
        char first = pattern.charAt(at);
        if (Character.isLowerCase(first)) {
            return Case.LOWER;
        }
        return field.name().length() > 1 && Character.isLowerCase(pattern.charAt(at + 1)) ? Case.CAPITALIZED : Case.UPPER;
    }

    // ---- formatting -------------------------------------------------------------------------------------

    /** Formats an instant (microseconds since the epoch, UTC) into {@link #bytes()}; ASCII only. */
    void format(long micros) {
        length = 0;
        long epochDay = Math.floorDiv(micros, DAY);
        long timeOfDay = Math.floorMod(micros, DAY);
        long packed = CivilCalendar.civilFromDays(epochDay);
        long year = CivilCalendar.year(packed);
        int month = CivilCalendar.month(packed);
        int day = CivilCalendar.day(packed);
        int hour = (int) (timeOfDay / 3_600_000_000L);
        int isoDay = CivilCalendar.isoDayOfWeek(epochDay);
        long dayOfYear = epochDay - CivilCalendar.daysFromCivil(year, 1, 1) + 1;
        for (Token token : tokens) {
            if (token.field() == null) {
                appendText(token.literal());
                continue;
            }
            boolean fill = token.fillMode();
            switch (token.field()) {
                case YYYY -> appendNumber(year, 4, fill);
                case YYY -> appendNumber(Math.floorMod(year, 1000), 3, fill);
                case YY -> appendNumber(Math.floorMod(year, 100), 2, fill);
                case Y -> appendNumber(Math.floorMod(year, 10), 1, fill);
                case CC -> appendNumber(year > 0 ? (year + 99) / 100 : -((99 - year) / 100), 2, fill);
                case Q -> appendNumber((month + 2) / 3, 1, fill);
                case MM -> appendNumber(month, 2, fill);
                case MONTH -> appendName(MONTHS[month - 1], token, 9);
                case MON -> appendName(MONTHS[month - 1].substring(0, 3), token, 3);
                case DD -> appendNumber(day, 2, fill);
                case DDD -> appendNumber(dayOfYear, 3, fill);
                case D -> appendNumber(isoDay % 7 + 1, 1, fill);
                case DAY -> appendName(DAYS[isoDay - 1], token, 9);
                case DY -> appendName(DAYS[isoDay - 1].substring(0, 3), token, 3);
                case WW -> appendNumber((dayOfYear - 1) / 7 + 1, 2, fill);
                case IW -> appendNumber(isoWeek(epochDay), 2, fill);
                case J -> appendNumber(epochDay + JULIAN_EPOCH, 1, fill);
                case HH24 -> appendNumber(hour, 2, fill);
                case HH, HH12 -> appendNumber(hour % 12 == 0 ? 12 : hour % 12, 2, fill);
                case MI -> appendNumber(timeOfDay / 60_000_000L % 60, 2, fill);
                case SS -> appendNumber(timeOfDay / 1_000_000L % 60, 2, fill);
                case MS -> appendNumber(timeOfDay / 1_000L % 1_000, 3, false);
                case US -> appendNumber(timeOfDay % 1_000_000L, 6, false);
                case AM, PM -> appendName(hour < 12 ? "AM" : "PM", token, 2);
                case TZ -> appendName("UTC", token, 3);
            }
        }
    }

    /** The ISO 8601 week of an epoch day: weeks start on Monday, week 1 holds the year's first Thursday. */
    static long isoWeek(long epochDay) {
        long thursday = epochDay - CivilCalendar.isoDayOfWeek(epochDay) + 4;
        long year = CivilCalendar.year(CivilCalendar.civilFromDays(thursday));
        return (thursday - CivilCalendar.daysFromCivil(year, 1, 1)) / 7 + 1;
    }

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** The formatted text, for tests. */
    String formatted() {
        return new String(buffer, 0, length, StandardCharsets.US_ASCII);
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    private void appendText(String text) {
        ensure(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            buffer[length++] = b;
        }
    }

    private void appendNumber(long value, int width, boolean fillMode) {
        ensure(21 + width);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int pad = fillMode ? 0 : width - digits; pad > 0; pad--) {
            buffer[length++] = '0';
        }
        for (int d = digits - 1; d >= 0; d--) {
            buffer[length + d] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void appendName(String name, Token token, int width) {
        ensure(width + name.length());
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            boolean upper = token.letterCase() == Case.UPPER || (token.letterCase() == Case.CAPITALIZED && k == 0);
            buffer[length++] = (byte) (upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        for (int pad = token.fillMode() ? 0 : width - name.length(); pad > 0; pad--) {
            buffer[length++] = ' ';
        }
    }

    // ---- parsing ----------------------------------------------------------------------------------------

    /**
     * Parses {@code text} by this format into microseconds since the epoch. Fields left out default to
     * January 1st, midnight. Not strict (Redshift's default): a day past its month's end rolls into the next
     * month (June 31 is July 1); strict, it is an error. Text that does not fit is 22007, a field out of
     * its range 22008, both naming the value.
     */
    long parse(String text, boolean strict) {
        long year = 1970;
        int month = 1;
        long day = 1;
        long dayOfYear = -1;
        long julian = Long.MIN_VALUE;
        long hour = 0;
        long minute = 0;
        long second = 0;
        long micros = 0;
        boolean pm = false;
        boolean twelveHour = false;
        int at = 0;
        for (Token token : tokens) {
            if (token.field() == null) {
                at = skipLiteral(text, at, token.literal());
                continue;
            }
            while (at < text.length() && text.charAt(at) == ' ' && !token.field().isText()) {
                at++;
            }
            Field field = token.field();
            if (field.isText()) {
                switch (field) {
                    case MONTH, MON -> {
                        int found = matchName(text, at, MONTHS, field == Field.MON);
                        month = found + 1;
                        at += field == Field.MON ? 3 : MONTHS[found].length();
                    }
                    case DAY, DY -> {
                        int found = matchName(text, at, DAYS, field == Field.DY);
                        at += field == Field.DY ? 3 : DAYS[found].length();
                    }
                    case AM, PM -> {
                        if (text.regionMatches(true, at, "PM", 0, 2)) {
                            pm = true;
                        } else if (!text.regionMatches(true, at, "AM", 0, 2)) {
                            throw invalid(text);
                        }
                        at += 2;
                    }
                    case TZ -> {
                        if (!text.regionMatches(true, at, "UTC", 0, 3)) {
                            throw invalid(text);
                        }
                        at += 3;
                    }
                    default -> throw new IllegalStateException(field.name());
                }
                continue;
            }
            int maxDigits = field == Field.J ? 9 : field.width;
            int end = at;
            while (end < text.length() && end - at < maxDigits && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == at) {
                throw invalid(text);
            }
            long value = Long.parseLong(text, at, end, 10);
            int digits = end - at;
            at = end;
            switch (field) {
                case YYYY -> year = value;
                case YYY -> year = digits < 3 ? 2000 + value : value < 100 ? 2000 + value : 1000 + value;
                case YY -> year = digits > 2 ? value : value < 70 ? 2000 + value : 1900 + value;
                case Y -> year = 2000 + value;
                case MM -> month = (int) Math.min(value, 99);
                case DD -> day = value;
                case DDD -> dayOfYear = value;
                case J -> julian = value;
                case HH24 -> hour = value;
                case HH, HH12 -> {
                    hour = value;
                    twelveHour = true;
                }
                case MI -> minute = value;
                case SS -> second = value;
                case MS -> micros = value * pow10(3 - digits) * 1_000;
                case US -> micros = value * pow10(6 - digits);
                case D, WW, IW, CC, Q -> {
                    // Read and checked as numbers; they do not fix a date on their own.
                }
                default -> throw new IllegalStateException(field.name());
            }
        }
        if (at < text.length() && !text.substring(at).isBlank()) {
            throw invalid(text);
        }
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                throw outOfRange(text);
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) {
            throw outOfRange(text);
        }
        long epochDay;
        if (julian != Long.MIN_VALUE) {
            epochDay = julian - JULIAN_EPOCH;
        } else if (dayOfYear > 0) {
            epochDay = CivilCalendar.daysFromCivil(year, 1, 1) + dayOfYear - 1;
        } else {
            if (strict && day > CivilCalendar.daysInMonth(year, month)) {
                throw outOfRange(text);
            }
            epochDay = CivilCalendar.daysFromCivil(year, month, 1) + day - 1;
        }
        try {
            return Math.addExact(Math.multiplyExact(epochDay, DAY),
                    ((hour * 60 + minute) * 60 + second) * 1_000_000L + micros);
        } catch (ArithmeticException e) {
            throw outOfRange(text);
        }
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    /** Literal text in the format matches any one character of the input each (PostgreSQL skips separators). */
    private int skipLiteral(String text, int at, String literal) {
        for (int k = 0; k < literal.length() && at < text.length(); k++) {
            if (literal.charAt(k) == ' ') {
                while (at < text.length() && text.charAt(at) == ' ') {
                    at++;
                }
            } else if (Character.isLetterOrDigit(text.charAt(at)) && text.charAt(at) != literal.charAt(k)) {
                throw invalid(text);
            } else {
                at++;
            }
        }
        return at;
    }

    private int matchName(String text, int at, String[] names, boolean abbreviated) {
        for (int k = 0; k < names.length; k++) {
            String name = abbreviated ? names[k].substring(0, 3) : names[k];
            if (text.regionMatches(true, at, name, 0, name.length())) {
                return k;
            }
        }
        throw invalid(text);
    }

    private CepheidException invalid(String text) {
        return new CepheidException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid value \"" + text + "\" for format \"" + pattern + "\"");
    }

    private static CepheidException outOfRange(String text) {
        return new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                "date/time field value out of range: \"" + text + "\"");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
