package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.WindowCall;
import io.cepheid.executor.fragment.WindowSpec;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: materializes the input in a {@link RowStore}, sorts row references by partition and
 * order keys, computes every call partition by partition into result vectors (one per call and 4096 sorted
 * rows), then emits the sorted rows with their results appended.
 */
final class WindowOperator implements Operator {
    private final WindowSpec spec;
    private final ExecutionContext context;
    private final Operator input;
    private final List<SqlType> inputTypes;
    private RowStore store;
    /** Sorted row references ({@code chunk << 32 | row}), by sorted position. */
    private OffHeapLongs sorted;
    /** Per sorted position: first and one-past-last position of its peer group (same partition and order keys). */
    private OffHeapLongs peerStarts;
    private OffHeapLongs peerEnds;
    private RowComparator partitions;
    /** results[output chunk][call], handed over to the emitted batch. */
    private ColumnVector[][] results;
    private int rowCount;
    private int nextChunk;
    private boolean computed;
    private boolean closed;

    WindowOperator(WindowSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        this.inputTypes = spec.input().outputTypes();
        this.input = Operators.create(spec.input(), context);
    }

    @Override
    public Batch next() {
        if (!computed) {
            computed = true;
            materialize();
            sort();
            compute();
        }
        int from = nextChunk << RowStore.CHUNK_SHIFT;
        if (from >= rowCount) {
            return null;
        }
        int count = Math.min(RowStore.CHUNK_ROWS, rowCount - from);
        int width = inputTypes.size();
        ColumnVector[] columns = new ColumnVector[width + spec.calls().size()];
        Batch out = new Batch(columns, count);
        try {
            for (int c = 0; c < width; c++) {
                ColumnVector vector = ColumnVector.allocate(context.allocator(), inputTypes.get(c), count);
                columns[c] = vector;
                for (int j = 0; j < count; j++) {
                    long ref = sorted.get(from + j);
                    vector.copyRow(store.chunk((int) (ref >>> 32))[c], (int) ref, j);
                }
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        ColumnVector[] chunkResults = results[nextChunk];
        for (int k = 0; k < chunkResults.length; k++) {
            columns[width + k] = chunkResults[k];
            chunkResults[k] = null;
        }
        nextChunk++;
        return out;
    }

    private void materialize() {
        store = new RowStore(context.allocator(), inputTypes);
        Batch next;
        while ((next = input.next()) != null) {
            try (Batch batch = next) {
                context.checkCancelled();
                if (batch.size() > 0) {
                    store.append(batch);
                }
            }
        }
        rowCount = store.rowCount();
    }

    private void sort() {
        List<SortKey> partitionKeys = new ArrayList<>();
        for (int column : spec.partitionKeys()) {
            partitionKeys.add(new SortKey(column, false, false));
        }
        List<SortKey> allKeys = new ArrayList<>(partitionKeys);
        allKeys.addAll(spec.orderKeys());
        List<Batch> views = new ArrayList<>();
        for (int i = 0; i < store.chunkCount(); i++) {
            // Views over the store's vectors for the comparator; never closed (the store owns the vectors).
            views.add(new Batch(store.chunk(i), RowStore.CHUNK_ROWS));
        }
        RowComparator peers = new RowComparator(allKeys, inputTypes);
        peers.setBatches(views);
        sorted = new OffHeapLongs(context.allocator(), Math.max(1, rowCount), 0);
        for (int r = 0; r < rowCount; r++) {
            sorted.set(r, RowComparator.reference(r >>> RowStore.CHUNK_SHIFT, r & RowStore.CHUNK_MASK));
        }
        try (OffHeapLongs scratch = new OffHeapLongs(context.allocator(), Math.max(1, rowCount), 0)) {
            peers.sort(sorted, rowCount, scratch);
        }
        peerStarts = new OffHeapLongs(context.allocator(), Math.max(1, rowCount), 0);
        peerEnds = new OffHeapLongs(context.allocator(), Math.max(1, rowCount), 0);
        int groupStart = 0;
        for (int p = 1; p <= rowCount; p++) {
            if (p == rowCount || peers.compare(sorted.get(p - 1), sorted.get(p)) != 0) {
                for (int q = groupStart; q < p; q++) {
                    peerStarts.set(q, groupStart);
                    peerEnds.set(q, p);
                }
                groupStart = p;
            }
        }
        partitions = new RowComparator(partitionKeys, inputTypes);
        partitions.setBatches(views);
    }

    private void compute() {
        int chunkCount = (rowCount + RowStore.CHUNK_MASK) >>> RowStore.CHUNK_SHIFT;
        List<WindowCall> calls = spec.calls();
        results = new ColumnVector[chunkCount][calls.size()];
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            for (int k = 0; k < calls.size(); k++) {
                results[chunk][k] = ColumnVector.allocate(context.allocator(), calls.get(k).resultType(), RowStore.CHUNK_ROWS);
            }
        }
        WindowEvaluator evaluator = new WindowEvaluator(context.allocator(), store, sorted, peerStarts, peerEnds, results);
        int start = 0;
        while (start < rowCount) {
            // Peer groups never cross partitions, so only group boundaries need the partition comparison.
            int end = (int) peerEnds.get(start);
            while (end < rowCount && partitions.compare(sorted.get(start), sorted.get(end)) == 0) {
                end = (int) peerEnds.get(end);
            }
            for (int k = 0; k < calls.size(); k++) {
                evaluator.evaluate(calls.get(k), k, start, end);
            }
            start = end;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new RuntimeException("closing window");
        if (results != null) {
            for (ColumnVector[] chunk : results) {
                Operators.closeQuietly(failure, chunk);
            }
            results = null;
        }
        Operators.closeQuietly(failure, store, sorted, peerStarts, peerEnds, input);
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
