package io.cepheid.executor.operator;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * SINGLE_VALUE, the aggregate a scalar subquery becomes: the group's only value, or a cardinality error when
 * a group sees a second row (NULL rows count too). In FINAL mode each input row is one slice's partial value,
 * so a group fed by two slices fails the same way.
 */
final class SingleValueAccumulator implements Accumulator {
    private final MinMaxAccumulator value;
    private final OffHeapLongs rows;

    SingleValueAccumulator(BufferAllocator allocator, int column, SqlType type) {
        OffHeapLongs counts = new OffHeapLongs(allocator, 16, 0);
        try {
            this.value = new MinMaxAccumulator(allocator, column, type, true);
        } catch (RuntimeException e) {
            counts.close();
            throw e;
        }
        this.rows = counts;
    }

    @Override
    public void ensureGroups(int groupCount) {
        value.ensureGroups(groupCount);
        rows.ensureLength(groupCount, 0);
    }

    @Override
    public void accumulate(Batch batch, int[] groupIds) {
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            int group = groupIds[i];
            if (rows.get(group) != 0) {
                throw new CepheidException(ErrorCode.CARDINALITY_VIOLATION,
                        "more than one row returned by a subquery used as an expression");
            }
            rows.set(group, 1);
        }
        value.accumulate(batch, groupIds);
    }

    @Override
    public void write(int group, ColumnVector[] out, int column, int row) {
        value.write(group, out, column, row);
    }

    @Override
    public void close() {
        try {
            value.close();
        } finally {
            rows.close();
        }
    }
}
