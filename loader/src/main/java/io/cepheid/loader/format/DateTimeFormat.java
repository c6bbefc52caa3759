package io.cepheid.loader.format;

import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DATEFORMAT or TIMEFORMAT of COPY, compiled once and applied to bytes: {@code 'auto'}, a pattern of
 * Redshift's dateparts (YYYY, YY, MM, MON/MONTH, DD, HH/HH24, HH12, MI, SS with optional fraction, AM/PM,
 * anything else literal), or for timestamps {@code 'epochsecs'} / {@code 'epochmillisecs'}.
 * Dates come out as days since 1970-01-01 and timestamps as microseconds since 1970-01-01 00:00:00.
 *
 * <p>Not thread-safe (it parses into scratch fields, so that parsing allocates nothing): one per worker.
 */
public final class DateTimeFormat {
    /** Redshift's default DATEFORMAT. */
    public static final String DEFAULT_DATE_FORMAT = "YYYY-MM-DD";
    /** Redshift's default TIMEFORMAT; SS also takes a fraction down to microseconds. */
    public static final String DEFAULT_TIME_FORMAT = "YYYY-MM-DD HH:MI:SS";

    private static final String[] AUTO_DATE_PATTERNS = {
        "YYYY-MM-DD", "YYYYMMDD", "MM/DD/YYYY", "YYYY/MM/DD", "YYYY.MM.DD", "MM-DD-YYYY", "MM.DD.YYYY",
        "DD-MON-YYYY", "MON-DD-YYYY", "YYYY-MON-DD", "MON DD, YYYY", "MON DD YYYY", "DD MON YYYY",
    };
    private static final String[] AUTO_TIME_PATTERNS = {
        "YYYY-MM-DD HH:MI:SS", "YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI", "YYYY-MM-DDTHH:MI",
        "YYYY/MM/DD HH:MI:SS", "MM/DD/YYYY HH:MI:SS", "MM/DD/YYYY HH12:MI:SS AM", "YYYYMMDD HH:MI:SS",
        "YYYYMMDDTHHMISS", "DD-MON-YYYY HH:MI:SS", "MON DD, YYYY HH:MI:SS",
    };
    private static final String[] MONTHS = {
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    };
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    // Pattern operations; literals are stored as their byte value + LITERAL.
    private static final int YEAR4 = 1;
    private static final int YEAR2 = 2;
    private static final int MONTH = 3;
    private static final int MONTH_NAME = 4;
    private static final int DAY = 5;
    private static final int HOUR24 = 6;
    private static final int HOUR12 = 7;
    private static final int MINUTE = 8;
    private static final int SECOND = 9;
    private static final int MERIDIEM = 10;
    private static final int LITERAL = 256;

    private enum Mode { PATTERNS, EPOCH_SECONDS, EPOCH_MILLISECONDS }

    private final Mode mode;
    private final String spec;
    /** Date-only patterns tried in order (for timestamps they mean midnight). */
    private final int[][] datePatterns;
    /** Patterns with a time of day, tried in order. */
    private final int[][] timePatterns;

    // Scratch fields of the last successful match.
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int micros;
    private boolean pm;
    private boolean twelveHour;

    private DateTimeFormat(Mode mode, String spec, int[][] datePatterns, int[][] timePatterns) {
        this.mode = mode;
        this.spec = spec;
        this.datePatterns = datePatterns;
        this.timePatterns = timePatterns;
    }

    /** The DATEFORMAT {@code spec}: null for the default, 'auto', or a pattern. */
    public static DateTimeFormat forDates(String spec) {
        String effective = spec == null ? DEFAULT_DATE_FORMAT : spec;
        if (effective.equalsIgnoreCase("auto")) {
            return new DateTimeFormat(Mode.PATTERNS, effective, compileAll(AUTO_DATE_PATTERNS), compileAll(AUTO_TIME_PATTERNS));
        }
        return new DateTimeFormat(Mode.PATTERNS, effective, new int[][] {compile(effective)}, new int[0][]);
    }

    /** The TIMEFORMAT {@code spec}: null for the default, 'auto', 'epochsecs', 'epochmillisecs' or a pattern. */
    public static DateTimeFormat forTimestamps(String spec) {
        String effective = spec == null ? DEFAULT_TIME_FORMAT : spec;
        if (effective.equalsIgnoreCase("auto")) {
            return new DateTimeFormat(Mode.PATTERNS, effective, compileAll(AUTO_DATE_PATTERNS), compileAll(AUTO_TIME_PATTERNS));
        }
        if (effective.equalsIgnoreCase("epochsecs")) {
            return new DateTimeFormat(Mode.EPOCH_SECONDS, effective, new int[0][], new int[0][]);
        }
        if (effective.equalsIgnoreCase("epochmillisecs")) {
            return new DateTimeFormat(Mode.EPOCH_MILLISECONDS, effective, new int[0][], new int[0][]);
        }
        // The default format also loads dates without a time ("2024-01-31" is midnight), as Redshift does.
        int[][] dates = spec == null ? new int[][] {compile(DEFAULT_DATE_FORMAT)} : new int[0][];
        return new DateTimeFormat(Mode.PATTERNS, effective, dates, new int[][] {compile(effective)});
    }

    /** Parses a date into days since 1970-01-01; with 'auto' a timestamp is accepted and cut to its day. */
    public int parseDate(byte[] bytes, int start, int end, SqlType type) throws FieldParseException {
        if (matchAny(datePatterns, bytes, start, end)) {
            return (int) validatedDays(bytes, start, end, type);
        }
        if (matchAny(timePatterns, bytes, start, end)) {
            return (int) validatedDays(bytes, start, end, type);
        }
        throw NumberParser.invalid("invalid date format (DATEFORMAT '" + spec + "')", bytes, start, end, type);
    }

    /** Parses a timestamp into microseconds since 1970-01-01 00:00:00. */
    public long parseTimestamp(byte[] bytes, int start, int end, SqlType type) throws FieldParseException {
        return switch (mode) {
            case EPOCH_SECONDS -> NumberParser.parseLong(bytes, start, end, Long.MIN_VALUE / 1_000_000,
                    Long.MAX_VALUE / 1_000_000, type) * 1_000_000;
            case EPOCH_MILLISECONDS -> NumberParser.parseLong(bytes, start, end, Long.MIN_VALUE / 1_000,
                    Long.MAX_VALUE / 1_000, type) * 1_000;
            case PATTERNS -> {
                if (!matchAny(timePatterns, bytes, start, end) && !matchAny(datePatterns, bytes, start, end)) {
                    throw NumberParser.invalid("invalid timestamp format (TIMEFORMAT '" + spec + "')", bytes, start, end, type);
                }
                long days = validatedDays(bytes, start, end, type);
                int hourOfDay = hour;
                if (twelveHour) {
                    if (hourOfDay < 1 || hourOfDay > 12) {
                        throw NumberParser.invalid("hour out of range", bytes, start, end, type);
                    }
                    hourOfDay = hourOfDay % 12 + (pm ? 12 : 0);
                }
                if (hourOfDay > 23 || minute > 59 || second > 59) {
                    throw NumberParser.invalid("time out of range", bytes, start, end, type);
                }
                yield days * MICROS_PER_DAY + ((hourOfDay * 60L + minute) * 60L + second) * 1_000_000L + micros;
            }
        };
    }

    private long validatedDays(byte[] bytes, int start, int end, SqlType type) throws FieldParseException {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw NumberParser.invalid("date out of range", bytes, start, end, type);
        }
        return daysFromCivil(year, month, day);
    }

    private boolean matchAny(int[][] patterns, byte[] bytes, int start, int end) {
        for (int[] pattern : patterns) {
            if (match(pattern, bytes, start, end)) {
                return true;
            }
        }
        return false;
    }

    private boolean match(int[] pattern, byte[] bytes, int start, int end) {
        year = 1970;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
        micros = 0;
        pm = false;
        twelveHour = false;
        int p = start;
        for (int op : pattern) {
            if (op >= LITERAL) {
                if (p >= end || (bytes[p] & 0xFF) != op - LITERAL) {
                    return false;
                }
                p++;
                continue;
            }
            switch (op) {
                case YEAR4, YEAR2, MONTH, DAY, HOUR24, HOUR12, MINUTE, SECOND -> {
                    int maxDigits = op == YEAR4 ? 4 : 2;
                    int value = 0;
                    int digits = 0;
                    while (digits < maxDigits && p < end && bytes[p] >= '0' && bytes[p] <= '9') {
                        value = value * 10 + bytes[p++] - '0';
                        digits++;
                    }
                    if (digits == 0 || (op == YEAR2 && digits != 2)) {
                        return false;
                    }
                    switch (op) {
                        case YEAR4 -> year = value;
                        case YEAR2 -> year = value < 70 ? 2000 + value : 1900 + value;
                        case MONTH -> month = value;
                        case DAY -> day = value;
                        case HOUR24 -> hour = value;
                        case HOUR12 -> {
                            hour = value;
                            twelveHour = true;
                        }
                        case MINUTE -> minute = value;
                        default -> {
                            second = value;
                            p = matchFraction(bytes, p, end);
                        }
                    }
                }
                case MONTH_NAME -> {
                    p = matchMonthName(bytes, p, end);
                    if (p < 0) {
                        return false;
                    }
                }
                case MERIDIEM -> {
                    if (p + 2 > end || (bytes[p + 1] | 0x20) != 'm') {
                        return false;
                    }
                    int letter = bytes[p] | 0x20;
                    if (letter != 'a' && letter != 'p') {
                        return false;
                    }
                    pm = letter == 'p';
                    p += 2;
                }
                default -> throw new IllegalStateException("unknown pattern operation " + op);
            }
        }
        return p == end;
    }

    /** Reads an optional ".ffffff" after the seconds into {@link #micros}; digits past the sixth are dropped. */
    private int matchFraction(byte[] bytes, int p, int end) {
        if (p + 1 >= end || bytes[p] != '.' || bytes[p + 1] < '0' || bytes[p + 1] > '9') {
            return p;
        }
        p++;
        int value = 0;
        int digits = 0;
        while (p < end && bytes[p] >= '0' && bytes[p] <= '9') {
            if (digits < 6) {
                value = value * 10 + bytes[p] - '0';
                digits++;
            }
            p++;
        }
        for (; digits < 6; digits++) {
            value *= 10;
        }
        micros = value;
        return p;
    }

    /** Matches a full or three-letter month name; returns the position after it, or -1. */
    private int matchMonthName(byte[] bytes, int p, int end) {
        for (int m = 0; m < MONTHS.length; m++) {
            String name = MONTHS[m];
            if (p + name.length() <= end && NumberParser.matchesIgnoreCase(bytes, p, p + name.length(), name)) {
                month = m + 1;
                return p + name.length();
            }
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (p + 3 <= end && NumberParser.matchesIgnoreCase(bytes, p, p + 3, MONTHS[m].substring(0, 3))) {
                month = m + 1;
                return p + 3;
            }
        }
        return -1;
    }

    private static int[][] compileAll(String[] patterns) {
        int[][] compiled = new int[patterns.length][];
        for (int i = 0; i < patterns.length; i++) {
            compiled[i] = compile(patterns[i]);
        }
        return compiled;
    }

    /** Compiles a pattern into operations; unknown letters and separators are literals. */
    static int[] compile(String pattern) {
        String upper = pattern.toUpperCase(Locale.ROOT);
        List<Integer> ops = new ArrayList<>();
        int i = 0;
        while (i < upper.length()) {
            if (upper.startsWith("YYYY", i)) {
                ops.add(YEAR4);
                i += 4;
            } else if (upper.startsWith("YY", i)) {
                ops.add(YEAR2);
                i += 2;
            } else if (upper.startsWith("MONTH", i)) {
                ops.add(MONTH_NAME);
                i += 5;
            } else if (upper.startsWith("MON", i)) {
                ops.add(MONTH_NAME);
                i += 3;
            } else if (upper.startsWith("MM", i)) {
                ops.add(MONTH);
                i += 2;
            } else if (upper.startsWith("MI", i)) {
                ops.add(MINUTE);
                i += 2;
            } else if (upper.startsWith("DD", i)) {
                ops.add(DAY);
                i += 2;
            } else if (upper.startsWith("HH24", i)) {
                ops.add(HOUR24);
                i += 4;
            } else if (upper.startsWith("HH12", i)) {
                ops.add(HOUR12);
                i += 4;
            } else if (upper.startsWith("HH", i)) {
                // In COPY formats HH is the 24-hour clock (unlike TO_CHAR, where it is HH12).
                ops.add(HOUR24);
                i += 2;
            } else if (upper.startsWith("SS", i)) {
                ops.add(SECOND);
                i += 2;
            } else if (upper.startsWith("AM", i) || upper.startsWith("PM", i)) {
                ops.add(MERIDIEM);
                i += 2;
            } else {
                char c = pattern.charAt(i);
                ops.add(LITERAL + (c < 128 ? c : '?'));
                i++;
            }
        }
        return ops.stream().mapToInt(Integer::intValue).toArray();
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    public static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
