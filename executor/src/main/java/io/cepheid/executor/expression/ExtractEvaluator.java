package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** EXTRACT(unit FROM date, timestamp[tz] or time); the unit is a literal checked when the evaluator is built. */
final class ExtractEvaluator implements Evaluator {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private enum Unit { MILLENNIUM, CENTURY, DECADE, YEAR, QUARTER, MONTH, WEEK, DAY, DOW, DOY, HOUR, MINUTE, SECOND,
        MILLISECOND, MICROSECOND, EPOCH }

    private final Unit unit;
    private final Evaluator value;
    private final SqlType type;
    private final boolean timestamp;
    private final boolean interval;
    private final BufferAllocator allocator;

    ExtractEvaluator(String unitName, Evaluator value, SqlType type, BufferAllocator allocator) {
        this.unit = parseUnit(unitName);
        this.value = value;
        this.type = type;
        this.timestamp = !(value.type() instanceof SqlType.DateType);
        this.interval = value.type() instanceof SqlType.IntervalType;
        this.allocator = allocator;
    }

    private static Unit parseUnit(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "millennium", "millennia" -> Unit.MILLENNIUM;
            case "century", "centuries" -> Unit.CENTURY;
            case "decade", "decades" -> Unit.DECADE;
            case "year", "years", "y", "yr", "yrs" -> Unit.YEAR;
            case "quarter", "quarters", "qtr" -> Unit.QUARTER;
            case "month", "months", "mon", "mons" -> Unit.MONTH;
            case "week", "weeks", "w" -> Unit.WEEK;
            case "day", "days", "d" -> Unit.DAY;
            case "dow", "dayofweek" -> Unit.DOW;
            case "doy", "dayofyear" -> Unit.DOY;
            case "hour", "hours", "h", "hr", "hrs" -> Unit.HOUR;
            case "minute", "minutes", "m", "min", "mins" -> Unit.MINUTE;
            case "second", "seconds", "s", "sec", "secs" -> Unit.SECOND;
            case "millisecond", "milliseconds", "ms", "msec" -> Unit.MILLISECOND;
            case "microsecond", "microseconds", "us", "usec" -> Unit.MICROSECOND;
            case "epoch" -> Unit.EPOCH;
            default -> throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + name + "\" not recognized");
        };
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        try (ColumnVector values = value.evaluate(input)) {
            ColumnVector out = ColumnVector.allocate(allocator, type, n);
            boolean floating = type instanceof SqlType.DoubleType || type instanceof SqlType.RealType;
            for (int i = 0; i < n; i++) {
                if (values.isNull(i)) {
                    out.setNull(i);
                    continue;
                }
                long raw = values.getLongValue(i);
                long micros = timestamp ? raw : raw * MICROS_PER_DAY;
                double field = interval ? intervalField(raw) : field(micros);
                if (floating) {
                    if (type instanceof SqlType.RealType) {
                        out.setFloat(i, (float) field);
                    } else {
                        out.setDouble(i, field);
                    }
                } else {
                    out.setLongValue(i, (long) Math.floor(field));
                }
            }
            return out;
        }
    }

    /**
     * A field of a day-time interval, as PostgreSQL gives it: the days, then hours, minutes and seconds of the rest,
     * each with the interval's sign; EPOCH is the whole interval in seconds; calendar fields are 0.
     */
    private double intervalField(long micros) {
        long days = micros / MICROS_PER_DAY;
        long time = micros % MICROS_PER_DAY;
        return switch (unit) {
            case DAY -> days;
            case HOUR -> time / 3_600_000_000L;
            case MINUTE -> time / 60_000_000L % 60;
            case SECOND -> (time % 60_000_000L) / 1e6;
            case MILLISECOND -> (time % 60_000_000L) / 1e3;
            case MICROSECOND -> time % 60_000_000L;
            case EPOCH -> micros / 1e6;
            case MILLENNIUM, CENTURY, DECADE, YEAR, QUARTER, MONTH -> 0;
            case WEEK, DOW, DOY -> throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported for type interval");
        };
    }

    private double field(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        return switch (unit) {
            case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - year) / 1000);
            case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - year) / 100);
            case DECADE -> Math.floorDiv(year, 10);
            case YEAR -> year;
            case QUARTER -> (date.getMonthValue() + 2) / 3;
            case MONTH -> date.getMonthValue();
            case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case DAY -> date.getDayOfMonth();
            case DOW -> date.getDayOfWeek().getValue() % 7;
            case DOY -> date.getDayOfYear();
            case HOUR -> timeOfDay / 3_600_000_000L;
            case MINUTE -> timeOfDay / 60_000_000L % 60;
            case SECOND -> (timeOfDay % 60_000_000L) / 1e6;
            case MILLISECOND -> (timeOfDay % 60_000_000L) / 1e3;
            case MICROSECOND -> timeOfDay % 60_000_000L;
            case EPOCH -> micros / 1e6;
        };
    }
}
