package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Decimal128Math;
import io.cepheid.executor.expression.DecimalMath;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;

/**
 * SUM and AVG with an exact 64-bit result (integers, DECIMAL): values are rescaled to the result's scale and
 * added with overflow checks (22003). AVG divides at the end, truncating integers as Redshift does and
 * rounding DECIMAL half away from zero; its partial state is (sum, count). A 128-bit result (SUM of DECIMAL is
 * DECIMAL(38,s), as in Redshift) keeps a second array of high halves and adds with carry, so summing 64-bit
 * DECIMAL(15,2) values costs one extra add per row; past 38 digits it is 22003.
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
    /** High halves of 128-bit sums; null when the result is 64-bit. */
    private final OffHeapLongs sumHighs;
    private final SqlType.DecimalType wideResult;
    private long[] highs = new long[0];
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
        // 128-bit state when the result is wide, or when merging 128-bit partial sums into a narrower result.
        boolean wideArgument = argumentType.physicalType() == PhysicalType.INT128;
        this.wideResult = resultType instanceof SqlType.DecimalType d && (d.isWide() || wideArgument)
                ? new SqlType.DecimalType(SqlType.DecimalType.MAX_PRECISION, d.scale()) : null;
        try {
            this.sumHighs = wideResult == null ? null : new OffHeapLongs(allocator, 16, 0);
        } catch (RuntimeException e) {
            sumState.close();
            counts.close();
            throw e;
        }
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums.ensureLength(groupCount, 0);
        counts.ensureLength(groupCount, 0);
        if (sumHighs != null) {
            sumHighs.ensureLength(groupCount, 0);
        }
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        if (values.length < n) {
            values = new long[n];
            partialCounts = new long[n];
        }
        ColumnVector vector = batch.column(column);
        if (countColumn >= 0) {
            Vectors.readLongs(batch.column(countColumn), batch.selection(), n, partialCounts);
        }
        if (sumHighs != null) {
            accumulateWide(batch, groupIds, vector, n);
            return;
        }
        Vectors.readLongs(vector, batch.selection(), n, values);
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

    private void accumulateWide(Batch batch, int[] groupIds, ColumnVector vector, int n) {
        if (highs.length < n) {
            highs = new long[n];
        }
        if (vector.physicalType() == PhysicalType.INT128) {
            for (int i = 0; i < n; i++) {
                int row = batch.row(i);
                values[i] = vector.getLow(row);
                highs[i] = vector.getHigh(row);
            }
        } else {
            Vectors.readLongs(vector, batch.selection(), n, values);
            for (int i = 0; i < n; i++) {
                highs[i] = values[i] >> 63;
            }
        }
        boolean nulls = vector.hasNulls();
        for (int i = 0; i < n; i++) {
            if (nulls && vector.isNull(batch.row(i))) {
                continue;
            }
            if (resultScale > argumentScale) {
                Decimal128Math.scaleUp(highs, values, i, resultScale - argumentScale);
            } else if (resultScale < argumentScale) {
                Decimal128Math.scaleDown(highs, values, i, argumentScale - resultScale);
            }
            int group = groupIds[i];
            long low = sums.get(group);
            long high = sumHighs.get(group);
            long totalLow = low + values[i];
            long totalHigh = high + highs[i] + (Long.compareUnsigned(totalLow, low) < 0 ? 1 : 0);
            if (((high ^ totalHigh) & (highs[i] ^ totalHigh)) < 0) {
                throw DecimalMath.fieldOverflow(wideResult.precision(), wideResult.scale());
            }
            sums.set(group, totalLow);
            sumHighs.set(group, totalHigh);
            counts.add(group, countColumn >= 0 ? partialCounts[i] : 1);
        }
    }

    /** Writes a 128-bit sum (or its average) after checking it still has at most 38 digits. */
    private void writeWide(int group, ColumnVector target, int row, boolean average) {
        long high = sumHighs.get(group);
        long low = sums.get(group);
        Decimal128Math.checkPrecision(high, low, wideResult.precision(), wideResult.scale());
        if (average) {
            BigInteger mean = Decimal128Math.divide(Int128.toBigInteger(high, low), 0,
                    BigInteger.valueOf(counts.get(group)), 0, 0);
            high = Int128.high(mean);
            low = Int128.low(mean);
        }
        if (target.physicalType() == PhysicalType.INT128) {
            target.setInt128(row, high, low);
        } else if (Int128.fitsInLong(high, low) && target.type() instanceof SqlType.DecimalType d) {
            target.setLongValue(row, DecimalMath.checkPrecision(low, d.precision(), d.scale()));
        } else {
            throw DecimalMath.fieldOverflow(wideResult.precision(), wideResult.scale());
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long count = counts.get(group);
        if (sumHighs != null) {
            if (count == 0) {
                out[outColumn].setNull(row);
            } else {
                writeWide(group, out[outColumn], row, output == Output.AVERAGE);
            }
            if (output == Output.SUM_AND_COUNT) {
                out[outColumn + 1].setLong(row, count);
            }
            return;
        }
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
        if (sumHighs != null) {
            sumHighs.close();
        }
    }
}
