package io.cepheid.executor.operator;

import io.cepheid.executor.expression.DecimalMath;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * STDDEV_SAMP/POP and VAR_SAMP/POP in DOUBLE. Per group it keeps the count, the mean and the sum of squared
 * deviations from the mean (M2), updated with Welford's step, which stays accurate where the textbook
 * sum-of-squares formula cancels catastrophically (large values, small spread). Partial states
 * (count, mean, M2) merge with Chan et al.'s pairwise formula, so slices can be combined in any order.
 */
final class VarianceAccumulator implements Accumulator {
    private final int column;
    private final boolean merge;
    private final boolean partial;
    private final AggregateFunction function;
    private final double argumentDivisor;
    private final OffHeapLongs counts;
    private final OffHeapLongs means;
    private final OffHeapLongs squares;
    private double[] values = new double[0];
    private double[] partialMeans = new double[0];
    private double[] partialSquares = new double[0];
    private long[] partialCounts = new long[0];

    /**
     * {@code column} is the argument (SINGLE, PARTIAL) or the first of the three state columns (FINAL,
     * {@code merge}); {@code partial} writes the state instead of the result.
     */
    VarianceAccumulator(BufferAllocator allocator, int column, SqlType argumentType, AggregateFunction function,
                        boolean merge, boolean partial) {
        this.column = column;
        this.merge = merge;
        this.partial = partial;
        this.function = function;
        this.argumentDivisor = !merge && argumentType instanceof SqlType.DecimalType d ? DecimalMath.powerOfTen(d.scale()) : 1;
        OffHeapLongs countState = new OffHeapLongs(allocator, 16, 0);
        OffHeapLongs meanState = null;
        try {
            meanState = new OffHeapLongs(allocator, 16, 0);
            this.squares = new OffHeapLongs(allocator, 16, 0);
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, countState, meanState);
            throw e;
        }
        this.counts = countState;
        this.means = meanState;
    }

    @Override
    public void ensureGroups(int groupCount) {
        counts.ensureLength(groupCount, 0);
        means.ensureLength(groupCount, 0);
        squares.ensureLength(groupCount, 0);
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        if (merge) {
            mergeStates(batch, groupIds, n);
            return;
        }
        if (values.length < n) {
            values = new double[n];
        }
        ColumnVector vector = batch.column(column);
        Vectors.readDoubles(vector, batch.selection(), n, values);
        boolean nulls = vector.hasNulls();
        for (int i = 0; i < n; i++) {
            if (nulls && vector.isNull(batch.row(i))) {
                continue;
            }
            int group = groupIds[i];
            double value = values[i] / argumentDivisor;
            long count = counts.get(group) + 1;
            double mean = Double.longBitsToDouble(means.get(group));
            double delta = value - mean;
            mean += delta / count;
            double m2 = Double.longBitsToDouble(squares.get(group)) + delta * (value - mean);
            counts.set(group, count);
            means.set(group, Double.doubleToRawLongBits(mean));
            squares.set(group, Double.doubleToRawLongBits(m2));
        }
    }

    private void mergeStates(Batch batch, int[] groupIds, int n) {
        if (partialCounts.length < n) {
            partialCounts = new long[n];
            partialMeans = new double[n];
            partialSquares = new double[n];
        }
        Vectors.readLongs(batch.column(column), batch.selection(), n, partialCounts);
        Vectors.readDoubles(batch.column(column + 1), batch.selection(), n, partialMeans);
        Vectors.readDoubles(batch.column(column + 2), batch.selection(), n, partialSquares);
        for (int i = 0; i < n; i++) {
            long other = partialCounts[i];
            if (other == 0) {
                continue;
            }
            int group = groupIds[i];
            combine(group, other, partialMeans[i], partialSquares[i]);
        }
    }

    /** Chan et al.: folds a state of {@code otherCount} values into group {@code group}. */
    private void combine(int group, long otherCount, double otherMean, double otherSquares) {
        long count = counts.get(group);
        double mean = Double.longBitsToDouble(means.get(group));
        double m2 = Double.longBitsToDouble(squares.get(group));
        long total = count + otherCount;
        double delta = otherMean - mean;
        double mergedMean = mean + delta * otherCount / total;
        double mergedSquares = m2 + otherSquares + delta * delta * ((double) count * otherCount / total);
        counts.set(group, total);
        means.set(group, Double.doubleToRawLongBits(mergedMean));
        squares.set(group, Double.doubleToRawLongBits(mergedSquares));
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        long count = counts.get(group);
        double m2 = Double.longBitsToDouble(squares.get(group));
        if (partial) {
            out[outColumn].setLong(row, count);
            out[outColumn + 1].setDouble(row, Double.longBitsToDouble(means.get(group)));
            out[outColumn + 2].setDouble(row, m2);
            return;
        }
        boolean sample = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.VAR_SAMP;
        long divisor = sample ? count - 1 : count;
        ColumnVector target = out[outColumn];
        if (divisor <= 0) {
            // No values, or one value for a sample statistic: NULL, as in Redshift and PostgreSQL.
            target.setNull(row);
            return;
        }
        double variance = Math.max(0, m2) / divisor;
        boolean deviation = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.STDDEV_POP;
        target.setDouble(row, deviation ? Math.sqrt(variance) : variance);
    }

    @Override
    public void close() {
        counts.close();
        means.close();
        squares.close();
    }
}
