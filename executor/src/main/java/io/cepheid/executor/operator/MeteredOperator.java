package io.cepheid.executor.operator;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * Wraps one running operator to count what its step returns: rows, approximate bytes and inclusive time,
 * a few additions per batch. The totals go to the step's {@link StepMetrics} when the operator closes.
 */
final class MeteredOperator implements Operator {
    private final Operator delegate;
    private final StepMetrics step;
    private long rows;
    private long bytes;
    private long nanos;
    private boolean closed;

    MeteredOperator(Operator delegate, StepMetrics step) {
        this.delegate = delegate;
        this.step = step;
    }

    @Override
    public Batch next() {
        long start = System.nanoTime();
        try {
            Batch batch = delegate.next();
            if (batch != null) {
                rows += batch.size();
                bytes += bytes(batch);
            }
            return batch;
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** Fixed-width bytes of the selected rows plus their share of each string column's data. */
    static long bytes(Batch batch) {
        int selected = batch.size();
        long total = 0;
        for (ColumnVector column : batch.columns()) {
            if (column.physicalType() == PhysicalType.VARIABLE) {
                total += batch.rowCount() == 0 ? 0 : column.dataSize() * selected / batch.rowCount();
            } else {
                total += (long) column.physicalType().byteWidth() * selected;
            }
        }
        return total;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        try {
            delegate.close();
        } finally {
            nanos += System.nanoTime() - start;
            if (delegate instanceof ScanOperator scan) {
                ScanMetrics scanned = scan.metrics();
                step.addScan(scanned.blocksRead(), scanned.blocksSkipped(), scanned.rowsRead());
            }
            step.add(rows, bytes, nanos);
        }
    }
}
