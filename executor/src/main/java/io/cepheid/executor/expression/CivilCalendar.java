package io.cepheid.executor.expression;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days without allocating: the date/time evaluators call
 * it once per row, where {@link java.time.LocalDate} would create an object per value.
 */
final class CivilCalendar {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private CivilCalendar() {
    }

    /** Days since 1970-01-01 of year/month/day (month 1..12); H. Hinnant's days_from_civil. */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** Year, month and day of an epoch day packed as year * 10000 + month * 100 + day (year may be negative). */
    static long civilFromDays(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + (year < 0 ? -1 : 1) * (month * 100 + day);
    }

    static long year(long packed) {
        return packed / 10_000;
    }

    static int month(long packed) {
        return (int) (Math.abs(packed) / 100 % 100);
    }

    static int day(long packed) {
        return (int) (Math.abs(packed) % 100);
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Adds months to an epoch day, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
     * With {@code keepMonthEnd}, a last day of a month stays a last day (ADD_MONTHS: Feb 29 + 1 = Mar 31).
     */
    static long plusMonths(long epochDay, long months, boolean keepMonthEnd) {
        long packed = civilFromDays(epochDay);
        long year = year(packed);
        int month = month(packed);
        int day = day(packed);
        long monthIndex = year * 12 + (month - 1) + months;
        long newYear = Math.floorDiv(monthIndex, 12);
        int newMonth = (int) Math.floorMod(monthIndex, 12) + 1;
        int length = daysInMonth(newYear, newMonth);
        boolean monthEnd = keepMonthEnd && day == daysInMonth(year, month);
        return daysFromCivil(newYear, newMonth, monthEnd ? length : Math.min(day, length));
    }

    /** ISO day of week of an epoch day: 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday). */
    static int isoDayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7) + 1;
    }
}
