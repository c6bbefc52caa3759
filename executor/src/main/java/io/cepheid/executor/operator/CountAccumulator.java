package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * COUNT(*) and COUNT(x): rows, or non-null values, per group. When merging (FINAL), it adds up the partial
 * counts in its input column instead. Never null: a group without values counts 0.
 */
final class CountAccumulator implements Accumulator {
    private final int column;
    private final boolean merge;
    private final OffHeapLongs counts;
    private long[] values = new long[0];

    CountAccumulator(BufferAllocator allocator, int column, boolean merge) {
        this.column = column;
        this.merge = merge;
        this.counts = new OffHeapLongs(allocator, 16, 0);
    }

    @Override
    public void ensureGroups(int groupCount) {
        counts.ensureLength(groupCount, 0);
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        if (column < 0) {
            for (int i = 0; i < n; i++) {
                counts.add(groupIds[i], 1);
            }
            return;
        }
        ColumnVector vector = batch.column(column);
        if (merge) {
            if (values.length < n) {
                values = new long[n];
            }
            Vectors.readLongs(vector, batch.selection(), n, values);
        }
        boolean nulls = vector.hasNulls();
        for (int i = 0; i < n; i++) {
            if (!nulls || !vector.isNull(batch.row(i))) {
                counts.add(groupIds[i], merge ? values[i] : 1);
            }
        }
    }

    @Override
    public void write(int group, ColumnVector[] out, int outColumn, int row) {
        out[outColumn].setLong(row, counts.get(group));
    }

    @Override
    public void close() {
        counts.close();
    }
}
