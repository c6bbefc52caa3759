package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation in SINGLE, PARTIAL or FINAL mode: consumes all input, assigning each row a dense group id
 * through a {@link GroupHashTable} (or group 0 when there are no keys), folds every aggregate per group, then
 * emits the groups in batches of at most {@link Batch#DEFAULT_CAPACITY} rows.
 */
final class HashAggregateOperator implements Operator {
    private final AggregateSpec spec;
    private final ExecutionContext context;
    private final Operator input;
    private final int[] keyColumns;
    private final List<Accumulator> accumulators = new ArrayList<>();
    private final GroupHashTable table;
    private final List<SqlType> outputTypes;
    private int groupCount;
    private boolean consumed;
    private int nextGroup;
    private boolean closed;
    private long[] hashes = new long[0];
    private long[] hashScratch = new long[0];
    private int[] groupIds = new int[0];

    HashAggregateOperator(AggregateSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        this.outputTypes = spec.outputTypes();
        this.keyColumns = spec.groupKeys().stream().mapToInt(Integer::intValue).toArray();
        this.input = Operators.create(spec.input(), context);
        GroupHashTable groups = null;
        try {
            List<SqlType> inputTypes = spec.input().outputTypes();
            int stateColumn = keyColumns.length;
            for (AggregateCall call : spec.aggregates()) {
                int column = spec.mode() == AggregateMode.FINAL ? stateColumn : call.argument();
                accumulators.add(Accumulator.create(call, spec.mode(), column, inputTypes, context.allocator()));
                stateColumn += AggregateSpec.stateTypes(call).size();
            }
            if (keyColumns.length > 0) {
                groups = new GroupHashTable(context.allocator(), outputTypes.subList(0, keyColumns.length));
            }
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, accumulators.toArray(new AutoCloseable[0]));
            Operators.closeQuietly(e, input);
            throw e;
        }
        this.table = groups;
    }

    @Override
    public Batch next() {
        if (!consumed) {
            consumeInput();
            consumed = true;
        }
        if (nextGroup >= groupCount) {
            return null;
        }
        int count = Math.min(Batch.DEFAULT_CAPACITY, groupCount - nextGroup);
        Batch out = emit(nextGroup, count);
        nextGroup += count;
        return out;
    }

    private void consumeInput() {
        if (keyColumns.length == 0 && spec.mode() != AggregateMode.PARTIAL) {
            // A global aggregate has its one group even over empty input.
            addGroups(1);
        }
        for (Batch next = input.next(); next != null; next = input.next()) {
            try (Batch batch = next) {
                context.checkCancelled();
                int n = batch.size();
                if (n == 0) {
                    continue;
                }
                if (groupIds.length < n) {
                    groupIds = new int[n];
                }
                if (table == null) {
                    addGroups(1);
                    java.util.Arrays.fill(groupIds, 0, n, 0);
                } else {
                    int rows = batch.rowCount();
                    if (hashes.length < rows) {
                        hashes = new long[rows];
                        hashScratch = new long[rows];
                    }
                    KeyHashing.hash(batch, keyColumns, hashes, hashScratch);
                    table.findOrInsert(batch, keyColumns, hashes, groupIds);
                    addGroups(table.groupCount());
                }
                for (Accumulator accumulator : accumulators) {
                    accumulator.accumulate(batch, groupIds);
                }
            }
        }
    }

    private void addGroups(int count) {
        if (count > groupCount) {
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureGroups(count);
            }
            groupCount = count;
        }
    }

    private Batch emit(int firstGroup, int count) {
        ColumnVector[] columns = new ColumnVector[outputTypes.size()];
        Batch out = new Batch(columns, count);
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ColumnVector.allocate(context.allocator(), outputTypes.get(c), count);
            }
            if (table != null) {
                // Group ids are row ids of the key store, and both chunk by DEFAULT_CAPACITY rows.
                ColumnVector[] chunk = table.keys().chunk(firstGroup >>> RowStore.CHUNK_SHIFT);
                for (int k = 0; k < keyColumns.length; k++) {
                    Vectors.gather(chunk[k], null, count, columns[k], 0);
                }
            }
            for (int i = 0; i < count; i++) {
                int column = keyColumns.length;
                for (int a = 0; a < accumulators.size(); a++) {
                    accumulators.get(a).write(firstGroup + i, columns, column, i);
                    column += spec.mode() == AggregateMode.PARTIAL ? AggregateSpec.stateTypes(spec.aggregates().get(a)).size() : 1;
                }
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new RuntimeException("closing aggregate");
        Operators.closeQuietly(failure, accumulators.toArray(new AutoCloseable[0]));
        Operators.closeQuietly(failure, table, input);
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
