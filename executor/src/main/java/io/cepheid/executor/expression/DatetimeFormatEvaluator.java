package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * TO_CHAR(date or timestamp, format), TO_DATE(text, format[, strict]) and TO_TIMESTAMP(text, format): the
 * format is a literal compiled once into a {@link DatetimeFormat}.
 */
final class DatetimeFormatEvaluator implements Evaluator {
    private final Function function;
    private final Evaluator value;
    private final DatetimeFormat format;
    private final boolean strict;
    private final SqlType type;
    private final BufferAllocator allocator;

    DatetimeFormatEvaluator(Function function, Evaluator value, String format, boolean strict, SqlType type,
                            BufferAllocator allocator) {
        this.function = function;
        this.value = value;
        this.format = new DatetimeFormat(format);
        this.strict = strict;
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
        try (ColumnVector values = value.evaluate(input)) {
            ColumnVector out = ColumnVector.allocate(allocator, type, n);
            try {
                boolean fromDate = values.type() instanceof SqlType.DateType;
                for (int i = 0; i < n; i++) {
                    if (values.isNull(i)) {
                        out.setNull(i);
                    } else if (function == Function.TO_CHAR) {
                        long raw = values.getLongValue(i);
                        format.format(fromDate ? raw * CivilCalendar.MICROS_PER_DAY : raw);
                        out.setBytes(i, format.bytes(), 0, format.length());
                    } else {
                        long micros = format.parse(values.getString(i), strict);
                        out.setLongValue(i, type instanceof SqlType.DateType
                                ? Math.floorDiv(micros, CivilCalendar.MICROS_PER_DAY) : micros);
                    }
                }
                ColumnVector done = out;
                out = null;
                return done;
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        }
    }
}
