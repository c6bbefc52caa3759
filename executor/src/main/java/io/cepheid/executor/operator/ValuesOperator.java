package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Literals;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;
import java.util.List;

/** Emits the literal rows of a {@link ValuesSpec} in batches of at most {@link Batch#DEFAULT_CAPACITY} rows. */
final class ValuesOperator implements Operator {
    private final ValuesSpec spec;
    private final ExecutionContext context;
    private int nextRow;

    ValuesOperator(ValuesSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
    }

    @Override
    public Batch next() {
        List<List<Object>> rows = spec.rows();
        if (nextRow >= rows.size()) {
            return null;
        }
        int count = Math.min(Batch.DEFAULT_CAPACITY, rows.size() - nextRow);
        List<SqlType> types = spec.outputTypes();
        ColumnVector[] columns = new ColumnVector[types.size()];
        Batch batch = new Batch(columns, count);
        try {
            for (int c = 0; c < columns.length; c++) {
                SqlType type = types.get(c);
                columns[c] = ColumnVector.allocate(context.allocator(), type, count);
                for (int i = 0; i < count; i++) {
                    set(columns[c], type, i, rows.get(nextRow + i).get(c));
                }
            }
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        nextRow += count;
        return batch;
    }

    /** Writes one literal (ExprSpec.Literal representation) into a vector. */
    static void set(ColumnVector vector, SqlType type, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        PhysicalType physical = type.physicalType();
        switch (physical) {
            case INT16, INT32, INT64, BOOLEAN -> vector.setLongValue(row, Literals.asLong(value, type));
            case INT128 -> {
                BigInteger unscaled = Literals.asUnscaled(value, type);
                vector.setInt128(row, Int128.high(unscaled), Int128.low(unscaled));
            }
            case FLOAT32 -> vector.setFloat(row, (float) Literals.asDouble(value, type));
            case FLOAT64 -> vector.setDouble(row, Literals.asDouble(value, type));
            case VARIABLE -> vector.setString(row, value.toString());
        }
    }

    @Override
    public void close() {
        nextRow = Integer.MAX_VALUE;
    }
}
