package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY: buffers the input and sorts row references. With a limit (top-N) it keeps only the best
 * {@code offset + limit} rows in a bounded max-heap and compacts the rows it still references, so memory
 * stays proportional to N rather than to the input.
 */
final class SortOperator implements Operator {
    /** Above this many rows top-N is no cheaper than sorting everything. */
    private static final long MAX_HEAP_ROWS = 1 << 16;

    private final SortSpec spec;
    private final ExecutionContext context;
    private final Operator input;
    private final List<SqlType> types;
    private final RowComparator comparator;
    private List<Batch> batches = new ArrayList<>();
    /** Top-N heap (at most {@link #MAX_HEAP_ROWS} entries, so a heap array is fine). */
    private long[] heap = new long[0];
    /** All row references, off-heap and accounted: for a big sort they are a large part of its memory. */
    private OffHeapLongs refs;
    private int refCount;
    private int nextRef;
    private int endRef;
    private boolean sorted;
    private boolean closed;

    SortOperator(SortSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        this.types = spec.outputTypes();
        this.comparator = new RowComparator(spec.keys(), types);
        this.input = Operators.create(spec.input(), context);
    }

    @Override
    public Batch next() {
        if (!sorted) {
            sorted = true;
            long wanted = spec.limit() < 0 ? -1 : Math.max(0, spec.offset()) + spec.limit();
            refs = new OffHeapLongs(context.allocator(), 1024, 0);
            if (wanted >= 0 && wanted <= MAX_HEAP_ROWS) {
                consumeTopN((int) wanted);
                refs.ensureLength(refCount, 0);
                for (int i = 0; i < refCount; i++) {
                    refs.set(i, heap[i]);
                }
            } else {
                consumeAll();
            }
            try (OffHeapLongs scratch = new OffHeapLongs(context.allocator(), refCount, 0)) {
                comparator.sort(refs, refCount, scratch);
            }
            nextRef = (int) Math.min(refCount, Math.max(0, spec.offset()));
            endRef = spec.limit() < 0 ? refCount : (int) Math.min(refCount, nextRef + spec.limit());
        }
        if (nextRef >= endRef) {
            return null;
        }
        int count = Math.min(Batch.DEFAULT_CAPACITY, endRef - nextRef);
        long[] window = new long[count];
        for (int i = 0; i < count; i++) {
            window[i] = refs.get(nextRef + i);
        }
        Batch out = gather(window, 0, count);
        nextRef += count;
        return out;
    }

    private void consumeAll() {
        comparator.setBatches(batches);
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            int n = batch.size();
            if (n == 0) {
                batch.close();
                continue;
            }
            batches.add(batch);
            context.checkCancelled();
            int index = batches.size() - 1;
            refs.ensureLength(refCount + (long) n, 0);
            for (int i = 0; i < n; i++) {
                refs.set(refCount++, RowComparator.reference(index, batch.row(i)));
            }
        }
    }

    private void consumeTopN(int wanted) {
        comparator.setBatches(batches);
        heap = new long[Math.max(wanted, 1)];
        long retainedRows = 0;
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            int n = batch.size();
            if (n == 0 || wanted == 0) {
                batch.close();
                continue;
            }
            batches.add(batch);
            context.checkCancelled();
            retainedRows += batch.rowCount();
            int index = batches.size() - 1;
            for (int i = 0; i < n; i++) {
                long ref = RowComparator.reference(index, batch.row(i));
                if (refCount < wanted) {
                    heap[refCount++] = ref;
                    siftUp(refCount - 1);
                } else if (comparator.compare(ref, heap[0]) < 0) {
                    heap[0] = ref;
                    siftDown();
                }
            }
            if (retainedRows > 2L * wanted + Batch.DEFAULT_CAPACITY) {
                compact();
                retainedRows = refCount;
            }
        }
    }

    /** Max-heap on the comparator: the root is the worst row kept. */
    private void siftUp(int index) {
        long value = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (comparator.compare(heap[parent], value) >= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = value;
    }

    private void siftDown() {
        long value = heap[0];
        int index = 0;
        while (true) {
            int child = 2 * index + 1;
            if (child >= refCount) {
                break;
            }
            if (child + 1 < refCount && comparator.compare(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (comparator.compare(heap[child], value) <= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = value;
    }

    /** Copies the rows the heap references into one batch and frees the rest; heap order is kept. */
    private void compact() {
        Batch compacted = gather(heap, 0, refCount);
        for (Batch batch : batches) {
            batch.close();
        }
        batches = new ArrayList<>();
        batches.add(compacted);
        comparator.setBatches(batches);
        for (int i = 0; i < refCount; i++) {
            heap[i] = RowComparator.reference(0, i);
        }
    }

    private Batch gather(long[] references, int from, int count) {
        ColumnVector[] columns = new ColumnVector[types.size()];
        Batch out = new Batch(columns, count);
        try {
            for (int c = 0; c < columns.length; c++) {
                ColumnVector vector = ColumnVector.allocate(context.allocator(), types.get(c), count);
                columns[c] = vector;
                for (int j = 0; j < count; j++) {
                    long ref = references[from + j];
                    vector.copyRow(batches.get((int) (ref >>> 32)).column(c), (int) ref, j);
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
        RuntimeException failure = new RuntimeException("closing sort");
        Operators.closeQuietly(failure, batches.toArray(new AutoCloseable[0]));
        batches.clear();
        Operators.closeQuietly(failure, refs, input);
        refs = null;
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
