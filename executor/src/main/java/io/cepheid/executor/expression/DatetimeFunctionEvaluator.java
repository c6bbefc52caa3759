package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Date/time arithmetic: ADD_DAYS, DAYS_BETWEEN, ADD_MONTHS, ADD_MICROS, DATEADD, DATEDIFF, DATE_TRUNC and
 * LAST_DAY. Values are worked on as microseconds since the epoch (a DATE is its day times a day's
 * microseconds) and written back in the result type; a date part argument is a literal parsed once.
 */
final class DatetimeFunctionEvaluator implements Evaluator {
    private static final long DAY = CivilCalendar.MICROS_PER_DAY;

    private final Function function;
    private final DatePart part;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;

    /** {@code part} is null for the functions without a date part argument; {@code arguments} exclude it. */
    DatetimeFunctionEvaluator(Function function, DatePart part, List<Evaluator> arguments, SqlType type,
                              BufferAllocator allocator) {
        this.function = function;
        this.part = part;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector first = arguments.get(0).evaluate(input);
        ColumnVector second = null;
        ColumnVector out = null;
        try {
            second = arguments.size() > 1 ? arguments.get(1).evaluate(input) : null;
            out = ColumnVector.allocate(allocator, type, n);
            boolean firstIsDate = first.type() instanceof SqlType.DateType;
            boolean secondIsDate = second != null && second.type() instanceof SqlType.DateType;
            boolean resultIsDate = type instanceof SqlType.DateType;
            for (int i = 0; i < n; i++) {
                if (first.isNull(i) || (second != null && second.isNull(i))) {
                    out.setNull(i);
                    continue;
                }
                long a = first.getLongValue(i);
                long b = second == null ? 0 : second.getLongValue(i);
                try {
                    out.setLongValue(i, compute(firstIsDate ? a * DAY : a, b, secondIsDate ? b * DAY : b, resultIsDate));
                } catch (ArithmeticException e) {
                    throw new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW, function + ": date/time value out of range");
                }
            }
            ColumnVector result = out;
            out = null;
            return result;
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    /**
     * One row: {@code micros} is the first argument as microseconds, {@code raw} the second argument's stored
     * value and {@code rawMicros} the same as microseconds when it is a date/time.
     */
    private long compute(long micros, long raw, long rawMicros, boolean resultIsDate) {
        if (function == Function.DAYS_BETWEEN) {
            return Math.floorDiv(micros, DAY) - Math.floorDiv(rawMicros, DAY);
        }
        if (function == Function.DATEDIFF) {
            return boundariesBetween(micros, rawMicros);
        }
        long result = switch (function) {
            case ADD_DAYS -> Math.addExact(micros, Math.multiplyExact(raw, DAY));
            case ADD_MICROS -> Math.addExact(micros, raw);
            case ADD_MONTHS -> addMonths(micros, raw, true);
            case DATEADD -> part.months() != 0
                    ? addMonths(micros, Math.multiplyExact(raw, part.months()), false)
                    : Math.addExact(micros, Math.multiplyExact(raw, part.micros()));
            case DATE_TRUNC -> truncate(micros);
            case LAST_DAY -> {
                long packed = CivilCalendar.civilFromDays(Math.floorDiv(micros, DAY));
                long year = CivilCalendar.year(packed);
                int month = CivilCalendar.month(packed);
                yield CivilCalendar.daysFromCivil(year, month, CivilCalendar.daysInMonth(year, month)) * DAY;
            }
            default -> throw new IllegalStateException(function + " is not a date/time function");
        };
        return resultIsDate ? Math.floorDiv(result, DAY) : result;
    }

    private static long addMonths(long micros, long months, boolean keepMonthEnd) {
        long day = Math.floorDiv(micros, DAY);
        return Math.addExact(Math.multiplyExact(CivilCalendar.plusMonths(day, months, keepMonthEnd), DAY), Math.floorMod(micros, DAY));
    }

    /** Redshift's DATEDIFF: how many {@code part} boundaries lie between start and end (negative if end is earlier). */
    private long boundariesBetween(long start, long end) {
        if (part.months() != 0) {
            return Math.floorDiv(monthIndex(end), part.months()) - Math.floorDiv(monthIndex(start), part.months());
        }
        if (part == DatePart.WEEK) {
            // Weeks start on Monday; 1970-01-05 was the first Monday after the epoch.
            return Math.floorDiv(Math.floorDiv(end, DAY) - 4, 7) - Math.floorDiv(Math.floorDiv(start, DAY) - 4, 7);
        }
        return Math.floorDiv(end, part.micros()) - Math.floorDiv(start, part.micros());
    }

    /** Months since year 0 of the instant's date, so calendar parts divide it evenly. */
    private static long monthIndex(long micros) {
        long packed = CivilCalendar.civilFromDays(Math.floorDiv(micros, DAY));
        return CivilCalendar.year(packed) * 12 + CivilCalendar.month(packed) - 1;
    }

    private long truncate(long micros) {
        if (part.months() != 0) {
            long index = monthIndex(micros);
            long truncated = index - Math.floorMod(index, part.months());
            if (part == DatePart.CENTURY || part == DatePart.MILLENNIUM) {
                // Centuries and millennia start in years ending in 01 (2001-01-01 begins the 21st century).
                truncated = Math.floorDiv(index - 12, part.months()) * part.months() + 12;
            }
            return CivilCalendar.daysFromCivil(Math.floorDiv(truncated, 12), (int) Math.floorMod(truncated, 12) + 1, 1) * DAY;
        }
        if (part == DatePart.WEEK) {
            long day = Math.floorDiv(micros, DAY);
            return (day - (CivilCalendar.isoDayOfWeek(day) - 1)) * DAY;
        }
        return micros - Math.floorMod(micros, part.micros());
    }
}
