package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TableAppender} of one table in one transaction. Routes each appended row to a slice by the
 * table's distribution (KEY: {@link DistributionHash} of the DISTKEY; EVEN: round robin; ALL: one shared
 * copy in slice 0), buffers rows per slice off-heap, and writes a row-group file each time a slice
 * buffer reaches {@link #ROW_GROUP_ROWS}. {@link #manifest()} writes what is left and returns the table's
 * new manifest; nothing is visible to others until the transaction commits it.
 *
 * <p>AUTO tables start as ALL. When the table (committed rows plus rows appended here) reaches
 * {@link #AUTO_REPLICATED_MAX_ROWS}, every row stored so far is read back and routed again as KEY (when a
 * DISTKEY is declared) or EVEN, and the table stays distributed from then on.
 *
 * <p>Thread-safe: routing rows into the slice buffers is serialized on this object, but a buffer that
 * fills up is taken out and sorted, encoded and written by the appending thread after it lets go of the
 * lock, so parallel loaders sharing one appender encode row groups in parallel.
 */
public final class SlicingTableAppender implements TableAppender, AutoCloseable {
    /** Maximum rows per row group: a power of two, so a row group is 16 batches of 4,096 rows. */
    public static final int ROW_GROUP_ROWS = 65_536;
    /** An AUTO table stays replicated (ALL) while it holds fewer rows than this. */
    public static final long AUTO_REPLICATED_MAX_ROWS = 10_000;

    private final TableDefinition definition;
    private final int sliceCount;
    private final RowGroupWriter writer;
    private final FileStore store;
    private final List<SqlType> types;
    private final BufferAllocator allocator;
    private TableManifest base;
    private SliceBuffer[] buffers;
    private List<List<RowGroupRef>> written;
    private long nextEvenRow;
    private long rowCount;
    /** Full buffers being written outside the lock; {@link #manifest()} and {@link #close()} wait for them. */
    private int writesInFlight;
    /** Set when a write outside the lock failed: its rows are lost, so this appender can never commit. */
    private RuntimeException writeFailure;
    private boolean closed;

    /** A full slice buffer taken out of the appender, to be written without holding the lock. */
    private record FullBuffer(int slice, SliceBuffer buffer) {
    }

    /** Appends to {@code base}, the table's manifest as the transaction sees it before this appender. */
    public SlicingTableAppender(TableDefinition definition, TableManifest base, RowGroupWriter writer, FileStore store) {
        this.definition = definition;
        this.sliceCount = base.sliceCount();
        this.writer = writer;
        this.store = store;
        this.types = definition.columns().stream().map(ColumnDefinition::type).toList();
        this.allocator = BufferAllocator.unlimited("appender " + definition.qualifiedName());
        this.base = base;
        this.rowCount = base.rowCount();
        // Start the round robin where the table left off, so small loads do not all begin at slice 0.
        this.nextEvenRow = base.rowCount();
        this.buffers = newBuffers();
        this.written = emptySlices();
    }

    /** The layout a new, empty table starts with. */
    public static DistStyle initialLayout(TableDefinition definition) {
        return definition.distStyle() == DistStyle.AUTO ? DistStyle.ALL : definition.distStyle();
    }

    @Override
    public void append(Batch batch) {
        AppendValidator.validate(definition, batch);
        int count = batch.size();
        if (count == 0) {
            return;
        }
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = batch.row(i);
        }
        List<FullBuffer> full = new ArrayList<>();
        try {
            synchronized (this) {
                checkOpen();
                try {
                    if (outgrowsReplication(count)) {
                        // Waiting lets other appends in, so check again once every stored row group is known.
                        awaitWrites();
                        checkOpen();
                        if (outgrowsReplication(count)) {
                            redistribute(full);
                        }
                    }
                    route(batch.columns(), rows, count, full);
                } catch (RuntimeException e) {
                    // Part of the batch may be routed already: this appender can no longer commit.
                    writeFailure = writeFailure == null ? e : writeFailure;
                    throw e;
                } finally {
                    writesInFlight += full.size();
                }
            }
        } finally {
            writeOutsideLock(full);
        }
    }

    /** Writes every buffered row and returns the table's manifest with this appender's rows added. */
    public synchronized TableManifest manifest() {
        checkOpen();
        awaitWrites();
        checkOpen();
        if (writeFailure != null) {
            throw writeFailure;
        }
        for (int slice = 0; slice < buffers.length; slice++) {
            flush(slice);
        }
        return base.plus(written);
    }

    /** Frees the buffers; rows not yet in a returned manifest are discarded. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitWrites();
        for (SliceBuffer buffer : buffers) {
            buffer.close();
        }
        allocator.close();
    }

    private void route(ColumnVector[] columns, int[] rows, int count, List<FullBuffer> full) {
        if (base.layout() == DistStyle.ALL) {
            appendToSlice(0, columns, rows, 0, count, full);
            rowCount += count;
            return;
        }
        // Counting sort of the rows by target slice, so each slice buffer gets one contiguous run.
        int[] sliceOfRow = new int[count];
        int[] starts = new int[sliceCount + 1];
        if (base.layout() == DistStyle.KEY) {
            ColumnVector key = columns[definition.distKey()];
            for (int i = 0; i < count; i++) {
                sliceOfRow[i] = DistributionHash.slice(DistributionHash.hashRow(key, rows[i]), sliceCount);
                starts[sliceOfRow[i] + 1]++;
            }
        } else {
            for (int i = 0; i < count; i++) {
                sliceOfRow[i] = (int) (nextEvenRow++ % sliceCount);
                starts[sliceOfRow[i] + 1]++;
            }
        }
        for (int slice = 0; slice < sliceCount; slice++) {
            starts[slice + 1] += starts[slice];
        }
        int[] grouped = new int[count];
        int[] next = starts.clone();
        for (int i = 0; i < count; i++) {
            grouped[next[sliceOfRow[i]]++] = rows[i];
        }
        for (int slice = 0; slice < sliceCount; slice++) {
            appendToSlice(slice, columns, grouped, starts[slice], starts[slice + 1] - starts[slice], full);
        }
        rowCount += count;
    }

    private void appendToSlice(int slice, ColumnVector[] columns, int[] rows, int from, int count,
            List<FullBuffer> full) {
        while (count > 0) {
            int accepted = buffers[slice].append(columns, rows, from, count);
            from += accepted;
            count -= accepted;
            if (buffers[slice].isFull()) {
                full.add(new FullBuffer(slice, buffers[slice]));
                buffers[slice] = new SliceBuffer(allocator, types, ROW_GROUP_ROWS);
            }
        }
    }

    /** Writes buffers taken out under the lock; runs in the appending thread without holding the lock. */
    private void writeOutsideLock(List<FullBuffer> full) {
        RuntimeException failure = null;
        for (FullBuffer item : full) {
            RowGroupRef ref = null;
            try {
                if (failure == null) {
                    ref = writer.write(definition, item.buffer().columns(), item.buffer().rowCount(), allocator);
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                item.buffer().close();
                synchronized (this) {
                    if (ref != null) {
                        written.get(item.slice()).add(ref);
                    } else if (writeFailure == null) {
                        writeFailure = failure;
                    }
                    writesInFlight--;
                    notifyAll();
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Must hold the lock. */
    private void awaitWrites() {
        boolean interrupted = false;
        while (writesInFlight > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the writes finish on their own; keep waiting, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(int slice) {
        SliceBuffer buffer = buffers[slice];
        if (buffer.rowCount() > 0) {
            written.get(slice).add(writer.write(definition, buffer.columns(), buffer.rowCount(), allocator));
            buffer.clear();
        }
    }

    private boolean outgrowsReplication(int newRows) {
        return definition.distStyle() == DistStyle.AUTO && base.layout() == DistStyle.ALL
                && rowCount + newRows >= AUTO_REPLICATED_MAX_ROWS;
    }

    /**
     * Turns a replicated AUTO table into a distributed one by routing every row stored so far again.
     * Must hold the lock with no write in flight.
     */
    private void redistribute(List<FullBuffer> full) {
        DistStyle layout = definition.distKey() == TableDefinition.NO_DIST_KEY ? DistStyle.EVEN : DistStyle.KEY;
        List<RowGroupRef> stored = new ArrayList<>(base.slices().getFirst());
        stored.addAll(written.getFirst());
        SliceBuffer[] replicatedBuffers = buffers;
        base = TableManifest.empty(layout, sliceCount);
        buffers = newBuffers();
        written = emptySlices();
        rowCount = 0;
        nextEvenRow = 0;
        try {
            for (RowGroupRef ref : stored) {
                routeStoredRowGroup(new StoredRowGroup(store, ref, types, this), full);
            }
            SliceBuffer pending = replicatedBuffers[0];
            if (pending.rowCount() > 0) {
                route(pending.columns(), identity(pending.rowCount()), pending.rowCount(), full);
            }
        } finally {
            for (SliceBuffer buffer : replicatedBuffers) {
                buffer.close();
            }
        }
    }

    /** Routes the row group's rows that are not deleted. */
    private void routeStoredRowGroup(StoredRowGroup rowGroup, List<FullBuffer> full) {
        int rows = rowGroup.rowCount();
        DeleteVector deletes = rowGroup.deletes();
        int[] live = identity(rows);
        int liveCount = deletes == null ? rows : deletes.liveRows(live);
        ColumnVector[] columns = new ColumnVector[types.size()];
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ColumnVector.allocate(allocator, types.get(c), rows);
                rowGroup.decode(c, columns[c]);
            }
            route(columns, live, liveCount, full);
        } finally {
            for (ColumnVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
        }
    }

    private SliceBuffer[] newBuffers() {
        SliceBuffer[] created = new SliceBuffer[sliceCount];
        for (int slice = 0; slice < sliceCount; slice++) {
            created[slice] = new SliceBuffer(allocator, types, ROW_GROUP_ROWS);
        }
        return created;
    }

    private List<List<RowGroupRef>> emptySlices() {
        List<List<RowGroupRef>> slices = new ArrayList<>(sliceCount);
        for (int slice = 0; slice < sliceCount; slice++) {
            slices.add(new ArrayList<>());
        }
        return slices;
    }

    private static int[] identity(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("appender of " + definition.qualifiedName() + " is closed");
        }
    }
}
