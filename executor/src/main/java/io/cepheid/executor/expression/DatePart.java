package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.Locale;

/** The date parts DATEADD, DATEDIFF and DATE_TRUNC take, with Redshift's abbreviations. */
enum DatePart {
    MILLENNIUM, CENTURY, DECADE, YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND;

    /** Parses a part name; unknown names are 22023, as Redshift reports them. */
    static DatePart parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT).trim()) {
            case "millennium", "millennia", "mil", "mils" -> MILLENNIUM;
            case "century", "centuries", "c", "cent", "cents" -> CENTURY;
            case "decade", "decades", "dec", "decs" -> DECADE;
            case "year", "years", "y", "yr", "yrs" -> YEAR;
            case "quarter", "quarters", "qtr", "qtrs" -> QUARTER;
            case "month", "months", "mon", "mons" -> MONTH;
            case "week", "weeks", "w" -> WEEK;
            case "day", "days", "d" -> DAY;
            case "hour", "hours", "h", "hr", "hrs" -> HOUR;
            case "minute", "minutes", "m", "min", "mins" -> MINUTE;
            case "second", "seconds", "s", "sec", "secs" -> SECOND;
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "msecond", "mseconds", "millisecon" -> MILLISECOND;
            case "microsecond", "microseconds", "microsec", "microsecs", "microsecond_", "usecond", "useconds", "us",
                 "usec", "usecs" -> MICROSECOND;
            default -> throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "date part \"" + name + "\" is not recognized");
        };
    }

    /** Months in one unit of a calendar part, 0 for parts measured in fixed time. */
    long months() {
        return switch (this) {
            case MILLENNIUM -> 12_000;
            case CENTURY -> 1_200;
            case DECADE -> 120;
            case YEAR -> 12;
            case QUARTER -> 3;
            case MONTH -> 1;
            case WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND -> 0;
        };
    }

    /** Microseconds in one unit of a fixed-length part, 0 for calendar parts. */
    long micros() {
        return switch (this) {
            case MILLENNIUM, CENTURY, DECADE, YEAR, QUARTER, MONTH -> 0;
            case WEEK -> 7 * CivilCalendar.MICROS_PER_DAY;
            case DAY -> CivilCalendar.MICROS_PER_DAY;
            case HOUR -> 3_600_000_000L;
            case MINUTE -> 60_000_000L;
            case SECOND -> 1_000_000L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1L;
        };
    }
}
