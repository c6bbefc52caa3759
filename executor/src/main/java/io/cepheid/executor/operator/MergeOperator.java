package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.Arrays;
import java.util.List;

/**
 * The leader's side of {@link MergeSpec}: a k-way merge of the slices' sorted streams. A min-heap holds one
 * slice per entry, ordered by the row that slice offers next; each output row costs one heap adjustment
 * (log k comparisons) and one row copy, and only the current batch of each slice is held.
 */
final class MergeOperator implements Operator {
    private final MergeSpec spec;
    private final ExecutionContext context;
    private final List<SqlType> types;
    private final RowComparator comparator;
    private final SliceRun run;
    /** Per slice: the batch being merged (null once the slice is exhausted) and the next position in it. */
    private final Batch[] current;
    private final int[] position;
    /** Slices with rows left, as a min-heap on their next row. */
    private final int[] heap;
    private int heapSize;
    private boolean started;
    private boolean closed;
    /** What arrived through the gather step, counted for EXPLAIN ANALYZE. */
    private long gatheredRows;
    private long gatheredBytes;
    private long gatherNanos;

    MergeOperator(MergeSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        this.types = spec.outputTypes();
        this.comparator = new RowComparator(spec.keys(), types);
        this.run = new SliceRun(spec.input().input(), context, true);
        this.current = new Batch[run.sliceCount()];
        this.position = new int[current.length];
        this.heap = new int[current.length];
        comparator.setBatches(Arrays.asList(current));
    }

    @Override
    public Batch next() {
        if (!started) {
            started = true;
            for (int slice = 0; slice < current.length; slice++) {
                if (advance(slice)) {
                    heap[heapSize++] = slice;
                    siftUp(heapSize - 1);
                }
            }
        }
        if (heapSize == 0) {
            return null;
        }
        int capacity = Batch.DEFAULT_CAPACITY;
        ColumnVector[] columns = new ColumnVector[types.size()];
        Batch out = new Batch(columns, 0);
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ColumnVector.allocate(context.allocator(), types.get(c), capacity);
            }
            int count = 0;
            while (count < capacity && heapSize > 0) {
                int slice = heap[0];
                Batch batch = current[slice];
                int row = batch.row(position[slice]);
                for (int c = 0; c < columns.length; c++) {
                    columns[c].copyRow(batch.column(c), row, count);
                }
                count++;
                if (++position[slice] == batch.size() && !advance(slice)) {
                    heap[0] = heap[--heapSize];
                }
                if (heapSize > 0) {
                    siftDown();
                }
            }
            out.setRowCount(count);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Moves {@code slice} to its next non-empty batch; false (and the slice dropped) when it has none. */
    private boolean advance(int slice) {
        if (current[slice] != null) {
            current[slice].close();
            current[slice] = null;
        }
        while (true) {
            long start = System.nanoTime();
            Batch batch = run.next(slice);
            gatherNanos += System.nanoTime() - start;
            if (batch == null) {
                return false;
            }
            gatheredRows += batch.size();
            gatheredBytes += MeteredOperator.bytes(batch);
            if (batch.size() > 0) {
                current[slice] = batch;
                position[slice] = 0;
                return true;
            }
            batch.close();
        }
    }

    private long nextRow(int slice) {
        return RowComparator.reference(slice, current[slice].row(position[slice]));
    }

    /** Slice a's next row sorts before b's; ties go to the lower slice, so equal rows come out in a fixed order. */
    private boolean before(int a, int b) {
        int c = comparator.compare(nextRow(a), nextRow(b));
        return c < 0 || c == 0 && a < b;
    }

    private void siftUp(int index) {
        int slice = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(slice, heap[parent])) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = slice;
    }

    private void siftDown() {
        int slice = heap[0];
        int index = 0;
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], slice)) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = slice;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new RuntimeException("closing merge");
        Operators.closeQuietly(failure, current);
        Arrays.fill(current, null);
        Operators.closeQuietly(failure, run);
        if (context.metrics() != null) {
            StepMetrics gather = context.metrics().step(spec.input());
            if (gather != null) {
                gather.add(gatheredRows, gatheredBytes, gatherNanos);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
