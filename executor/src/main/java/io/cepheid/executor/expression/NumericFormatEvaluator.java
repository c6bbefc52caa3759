package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;

/** TO_CHAR(number, format) with a literal {@link NumericFormat}; exact types are formatted exactly. */
final class NumericFormatEvaluator implements Evaluator {
    private final Evaluator value;
    private final NumericFormat format;
    private final SqlType type;
    private final BufferAllocator allocator;

    NumericFormatEvaluator(Evaluator value, String format, SqlType type, BufferAllocator allocator) {
        this.value = value;
        this.format = new NumericFormat(format);
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
                SqlType from = values.type();
                for (int i = 0; i < n; i++) {
                    if (values.isNull(i)) {
                        out.setNull(i);
                        continue;
                    }
                    BigDecimal number = switch (from) {
                        case SqlType.RealType t -> BigDecimal.valueOf(values.getFloat(i));
                        case SqlType.DoubleType t -> BigDecimal.valueOf(values.getDouble(i));
                        default -> BigDecimal.valueOf(values.getLongValue(i), ArithmeticEvaluator.scale(from));
                    };
                    out.setString(i, format.format(number));
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
