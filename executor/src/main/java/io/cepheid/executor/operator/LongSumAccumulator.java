package io.cepheid.executor.operator;

import io.cepheid.executor.expression.DecimalMath;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * SUM and AVG with an exact 64-bit result (integers, DECIMAL): values are rescaled to the result's scale and
 * added with overflow checks (22003). AVG divides at the end, truncating integers as Redshift does and
 * rounding DECIMAL half away from zero; its partial state is (sum, count).
 */
final class LongSumAccumulator implements Accumulator {
    /** What {@link #write} emits: the sum, the average, or the partial (sum, count) pair of AVG. */
    enum Output { SUM, AVERAGE, SUM_AND_COUNT }

    private final int column;
    private final int countColumn;
    private final int argumentScale;
    private final int resultScale;
    private final boolean decimalResult;
    private final Output output;
    private final OffHeapLongs sums;
    private final OffHeapLongs counts;
    private long[] values = new long[0];
    private long[] partialCounts = new long[0];

    LongSumAccumulator(BufferAllocator allocator, int column, int countColumn, SqlType argumentType, SqlType resultType,
                       Output output) {
        this.column = column;
        this.countColumn = countColumn;
        this.argumentScale = argumentType instanceof SqlType.DecimalType d ? d.scale() : 0;
        this.resultScale = resultType instanceof SqlType.DecimalType d ? d.scale() : 0;
        this.decimalResult = resultType instanceof SqlType.DecimalType;
        this.output = output;
        OffHeapLongs sumState = new OffHeapLongs(allocator, 16, 0);
        try {
            this.counts = new OffHeapLongs(allocator, 16, 0);
        } catch (RuntimeException e) {
            sumState.close();
            throw e;
        }
        this.sums = sumState;
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums.ensureLength(groupCount, 0);
        counts.ensureLength(groupCount, 0);
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        if (values.length < n) {
            values = new long[n];
            partialCounts = new long[n];
        }
        ColumnVector vector = batch.column(column);
        Vectors.readLongs(vector, batch.selection(), n, values);
        if (countColumn >= 0) {
            Vectors.readLongs(batch.column(countColumn), batch.selection(), n, partialCounts);
        }
        boolean nulls = vector.hasNulls();
        boolean rescale = argumentScale != resultScale;
        for (int i = 0; i < n; i++) {
            if (nulls && vector.isNull(batch.row(i))) {
                continue;
            }
            long value = rescale ? DecimalMath.rescale(values[i], argumentScale, resultScale) : values[i];
            int group = groupIds[i];
            long sum = sums.get(group);
            long total = sum + value;
            if (((sum ^ total) & (value ^ total)) < 0) {
                throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range in SUM");
            }
            sums.set(group, total);
            counts.add(group, countColumn >= 0 ? partialCounts[i] : 1);
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long count = counts.get(group);
        long sum = sums.get(group);
        switch (output) {
            case SUM -> {
                if (count == 0) {
                    out[outColumn].setNull(row);
                } else {
                    out[outColumn].setLongValue(row, sum);
                }
            }
            case AVERAGE -> {
                if (count == 0) {
                    out[outColumn].setNull(row);
                } else {
                    out[outColumn].setLongValue(row, decimalResult ? DecimalMath.divideRounded(sum, count) : sum / count);
                }
            }
            case SUM_AND_COUNT -> {
                if (count == 0) {
                    out[outColumn].setNull(row);
                } else {
                    out[outColumn].setLongValue(row, sum);
                }
                out[outColumn + 1].setLong(row, count);
            }
        }
    }

    @Override
    public void close() {
        sums.close();
        counts.close();
    }
}
