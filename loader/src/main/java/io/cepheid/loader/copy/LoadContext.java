package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the workers of one COPY share: the request, the resolved column mapping and defaults, the MAXERROR
 * budget with the rejected rows, the loaded-row count, and the first failure, which stops every worker.
 */
final class LoadContext {
    private final CopyRequest request;
    private final CopyFileSystem fileSystem;
    private final int[] targetColumns;
    private final ColumnDefaults defaults;
    private final AtomicInteger rejectedCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<LoadError> rejectedRows = new ConcurrentLinkedQueue<>();
    private final AtomicLong rowsLoaded = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    LoadContext(CopyRequest request, CopyFileSystem fileSystem) {
        this.request = request;
        this.fileSystem = fileSystem;
        TableDefinition table = request.table();
        int columnCount = table.columns().size();
        this.targetColumns = request.targetColumns().stream().mapToInt(Integer::intValue).toArray();
        boolean[] seen = new boolean[columnCount];
        for (int column : targetColumns) {
            if (column < 0 || column >= columnCount || seen[column]) {
                throw new IllegalArgumentException("bad COPY column list " + request.targetColumns()
                        + " for a table of " + columnCount + " columns");
            }
            seen[column] = true;
        }
        this.defaults = new ColumnDefaults(table, targetColumns, request.defaultValues());
    }

    CopyRequest request() {
        return request;
    }

    CopyFileSystem fileSystem() {
        return fileSystem;
    }

    int[] targetColumns() {
        return targetColumns;
    }

    ColumnDefaults defaults() {
        return defaults;
    }

    /** Records a rejected row; false when it is one more than MAXERROR allows (the load must fail). */
    boolean tryReject(LoadError error) {
        if (rejectedCount.incrementAndGet() > request.options().maxError()) {
            return false;
        }
        rejectedRows.add(error);
        return true;
    }

    List<LoadError> rejectedRows() {
        return new ArrayList<>(rejectedRows);
    }

    void addRowsLoaded(long rows) {
        rowsLoaded.addAndGet(rows);
    }

    long rowsLoaded() {
        return rowsLoaded.get();
    }

    /** Keeps the first failure and tells every worker to stop. */
    void fail(Throwable error) {
        failure.compareAndSet(null, error);
        cancelled = true;
    }

    /** Stops every worker without a failure of their own (the caller was interrupted). */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    Throwable failure() {
        return failure.get();
    }

    /** The message prefix every load error shares. */
    String failurePrefix() {
        return "Load into table '" + request.table().name() + "' failed: ";
    }

    CepheidException canceled() {
        return new CepheidException(ErrorCode.QUERY_CANCELED, failurePrefix() + "canceled");
    }

    CepheidException loadError(String message, Throwable cause) {
        return new CepheidException(ErrorCode.LOAD_ERROR, failurePrefix() + message, cause);
    }
}
