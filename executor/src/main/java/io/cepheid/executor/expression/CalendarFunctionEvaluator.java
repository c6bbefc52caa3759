package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.Locale;

/**
 * MONTHS_BETWEEN(a, b) (DOUBLE) and NEXT_DAY(value, weekday literal) (DATE), on the dates of their
 * date or timestamp arguments.
 */
final class CalendarFunctionEvaluator implements Evaluator {
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private final Function function;
    private final Evaluator first;
    private final Evaluator second;
    /** NEXT_DAY's ISO weekday (1 = Monday), 0 for MONTHS_BETWEEN. */
    private final int weekday;
    private final SqlType type;
    private final BufferAllocator allocator;

    /** {@code second} is null and {@code weekdayName} given for NEXT_DAY; the reverse for MONTHS_BETWEEN. */
    CalendarFunctionEvaluator(Function function, Evaluator first, Evaluator second, String weekdayName, SqlType type,
                              BufferAllocator allocator) {
        this.function = function;
        this.first = first;
        this.second = second;
        this.weekday = weekdayName == null ? 0 : parseWeekday(weekdayName);
        this.type = type;
        this.allocator = allocator;
    }

    /** A day name or an abbreviation of at least two letters (Redshift: 'Su', 'Sun', 'Sunday'), any case. */
    static int parseWeekday(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (int k = 0; k < WEEKDAYS.length && lower.length() >= 2; k++) {
            if (WEEKDAYS[k].startsWith(lower)) {
                return k + 1;
            }
        }
        throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid day of week \"" + name + "\"");
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector a = first.evaluate(input);
        ColumnVector b = null;
        ColumnVector out = null;
        try {
            b = second == null ? null : second.evaluate(input);
            out = ColumnVector.allocate(allocator, type, n);
            for (int i = 0; i < n; i++) {
                if (a.isNull(i) || (b != null && b.isNull(i))) {
                    out.setNull(i);
                } else if (function == Function.NEXT_DAY) {
                    long day = epochDay(a, i);
                    int ahead = Math.floorMod(weekday - CivilCalendar.isoDayOfWeek(day), 7);
                    out.setLongValue(i, day + (ahead == 0 ? 7 : ahead));
                } else {
                    out.setDouble(i, monthsBetween(epochDay(a, i), epochDay(b, i)));
                }
            }
            ColumnVector done = out;
            out = null;
            return done;
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    private static long epochDay(ColumnVector vector, int row) {
        long raw = vector.getLongValue(row);
        return vector.type() instanceof SqlType.DateType ? raw : Math.floorDiv(raw, CivilCalendar.MICROS_PER_DAY);
    }

    /**
     * Redshift's MONTHS_BETWEEN: whole months when both days are the same day of the month or both month
     * ends, otherwise the day difference counts as a fraction of a 31-day month.
     */
    static double monthsBetween(long dayA, long dayB) {
        long a = CivilCalendar.civilFromDays(dayA);
        long b = CivilCalendar.civilFromDays(dayB);
        long months = (CivilCalendar.year(a) * 12 + CivilCalendar.month(a)) - (CivilCalendar.year(b) * 12 + CivilCalendar.month(b));
        int da = CivilCalendar.day(a);
        int db = CivilCalendar.day(b);
        boolean bothMonthEnds = da == CivilCalendar.daysInMonth(CivilCalendar.year(a), CivilCalendar.month(a))
                && db == CivilCalendar.daysInMonth(CivilCalendar.year(b), CivilCalendar.month(b));
        if (da == db || bothMonthEnds) {
            return months;
        }
        return months + (da - db) / 31.0;
    }
}
