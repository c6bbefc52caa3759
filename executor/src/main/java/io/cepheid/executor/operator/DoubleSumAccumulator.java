package io.cepheid.executor.operator;

import io.cepheid.executor.expression.DecimalMath;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/** SUM and AVG with a floating-point result; DECIMAL arguments are unscaled first. Partial AVG state is (sum, count). */
final class DoubleSumAccumulator implements Accumulator {
    private final int column;
    private final int countColumn;
    private final double argumentDivisor;
    private final LongSumAccumulator.Output output;
    private final OffHeapLongs sums;
    private final OffHeapLongs counts;
    private double[] values = new double[0];
    private long[] partialCounts = new long[0];

    DoubleSumAccumulator(BufferAllocator allocator, int column, int countColumn, SqlType argumentType,
                         LongSumAccumulator.Output output) {
        this.column = column;
        this.countColumn = countColumn;
        this.argumentDivisor = argumentType instanceof SqlType.DecimalType d ? DecimalMath.powerOfTen(d.scale()) : 1;
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
            values = new double[n];
            partialCounts = new long[n];
        }
        ColumnVector vector = batch.column(column);
        Vectors.readDoubles(vector, batch.selection(), n, values);
        if (countColumn >= 0) {
            Vectors.readLongs(batch.column(countColumn), batch.selection(), n, partialCounts);
        }
        boolean nulls = vector.hasNulls();
        for (int i = 0; i < n; i++) {
            if (nulls && vector.isNull(batch.row(i))) {
                continue;
            }
            int group = groupIds[i];
            // Sums are kept as raw double bits in the long array.
            sums.set(group, Double.doubleToRawLongBits(Double.longBitsToDouble(sums.get(group)) + values[i] / argumentDivisor));
            counts.add(group, countColumn >= 0 ? partialCounts[i] : 1);
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long count = counts.get(group);
        double sum = Double.longBitsToDouble(sums.get(group));
        ColumnVector target = out[outColumn];
        if (count == 0) {
            target.setNull(row);
        } else {
            double value = output == LongSumAccumulator.Output.AVERAGE ? sum / count : sum;
            if (target.physicalType() == PhysicalType.FLOAT32) {
                target.setFloat(row, (float) value);
            } else {
                target.setDouble(row, value);
            }
        }
        if (output == LongSumAccumulator.Output.SUM_AND_COUNT) {
            out[outColumn + 1].setLong(row, count);
        }
    }

    @Override
    public void close() {
        sums.close();
        counts.close();
    }
}
