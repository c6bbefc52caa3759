package io.cepheid.executor.operator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one plan step did, summed over every instance of it (one per slice inside a fragment, one on the
 * leader otherwise). Each running instance counts in plain fields and adds its totals here once, when it
 * closes, so slices never contend per batch. Time is inclusive: it covers the step's inputs, as
 * PostgreSQL's "actual time" does.
 */
public final class StepMetrics {
    private final AtomicLong instances = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong blocksRead = new AtomicLong();
    private final AtomicLong blocksSkipped = new AtomicLong();
    private final AtomicLong rowsPreFilter = new AtomicLong();
    private final AtomicLong spilledBytes = new AtomicLong();

    void add(long instanceRows, long instanceBytes, long instanceNanos) {
        instances.incrementAndGet();
        rows.addAndGet(instanceRows);
        bytes.addAndGet(instanceBytes);
        nanos.addAndGet(instanceNanos);
        maxNanos.accumulateAndGet(instanceNanos, Math::max);
    }

    void addScan(long read, long skipped, long decodedRows) {
        blocksRead.addAndGet(read);
        blocksSkipped.addAndGet(skipped);
        rowsPreFilter.addAndGet(decodedRows);
    }

    /** Counts bytes an instance of the step wrote to spill files. */
    public void addSpill(long bytes) {
        spilledBytes.addAndGet(bytes);
    }

    /** Bytes the step wrote to local disk because its state outgrew the query's memory budget. */
    public long spilledBytes() {
        return spilledBytes.get();
    }

    /** Running instances that finished (slices for a step inside a fragment). */
    public long instances() {
        return instances.get();
    }

    /** Rows the step returned. */
    public long rows() {
        return rows.get();
    }

    /** Approximate bytes of the rows it returned: fixed widths plus the string bytes of selected rows. */
    public long bytes() {
        return bytes.get();
    }

    /** Inclusive time over all instances. */
    public long totalNanos() {
        return nanos.get();
    }

    /** Inclusive time of the slowest instance. */
    public long maxNanos() {
        return maxNanos.get();
    }

    /** Blocks decoded by a scan (one block per column per row group). */
    public long blocksRead() {
        return blocksRead.get();
    }

    /** Blocks a scan skipped because the row group's zone maps ruled its filter out. */
    public long blocksSkipped() {
        return blocksSkipped.get();
    }

    /** Rows a scan decoded before its pushed filter. */
    public long rowsPreFilter() {
        return rowsPreFilter.get();
    }
}
