package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.memory.BufferAllocator;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * What a running query gives its operators: the query's accounted memory, the catalog version it reads,
 * the slice this operator instance works on ({@link #ALL_SLICES} outside a fragment), the thread pool
 * that runs slices in parallel, inside a fragment the exchanges its slices share (null outside one), and
 * the counters its steps add to ({@code metrics}, null when nobody reads them), and the token that says
 * when to stop ({@code cancellation}: every loop over batches calls {@link #checkCancelled()} once per batch).
 */
public record ExecutionContext(BufferAllocator allocator, CatalogSnapshot catalog, int slice, int sliceCount,
                               ExecutorService sliceExecutor, SliceExchanges exchanges, QueryMetrics metrics,
                               QueryCancellation cancellation) {
    public static final int ALL_SLICES = -1;

    public ExecutionContext {
        Objects.requireNonNull(allocator, "allocator is null");
        Objects.requireNonNull(catalog, "catalog is null");
        Objects.requireNonNull(sliceExecutor, "sliceExecutor is null");
        Objects.requireNonNull(cancellation, "cancellation is null");
    }

    /** A query context outside any fragment, whose steps count nothing and which nobody cancels. */
    public ExecutionContext(BufferAllocator allocator, CatalogSnapshot catalog, int slice, int sliceCount,
                            ExecutorService sliceExecutor) {
        this(allocator, catalog, slice, sliceCount, sliceExecutor, null, null, new QueryCancellation());
    }

    /** The same query, its steps counting into {@code metrics} (null: counting nothing). */
    public ExecutionContext withMetrics(QueryMetrics metrics) {
        return new ExecutionContext(allocator, catalog, slice, sliceCount, sliceExecutor, exchanges, metrics, cancellation);
    }

    /** The same query, stopped when {@code cancellation} is set. */
    public ExecutionContext withCancellation(QueryCancellation cancellation) {
        return new ExecutionContext(allocator, catalog, slice, sliceCount, sliceExecutor, exchanges, metrics, cancellation);
    }

    /** The same query, running on one slice of the fragment whose slices share {@code exchanges}. */
    public ExecutionContext forSlice(int slice, SliceExchanges exchanges) {
        return new ExecutionContext(allocator, catalog, slice, sliceCount, sliceExecutor, exchanges, metrics, cancellation);
    }

    /** Counts {@code bytes} spilled to disk by the step of {@code spec}, when the query counts its steps. */
    public void recordSpill(PlanSpec spec, long bytes) {
        StepMetrics step = metrics == null ? null : metrics.step(spec);
        if (step != null) {
            step.addSpill(bytes);
        }
    }

    /** The same query, running on one slice of the same fragment. */
    public ExecutionContext forSlice(int slice) {
        return forSlice(slice, exchanges);
    }

    /** Throws QUERY_CANCELED (57014) once the query was asked to stop; one volatile read, so call it per batch. */
    public void checkCancelled() {
        cancellation.check();
    }
}
