package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * The exchange that ends a fragment: runs {@code input} once per slice, in parallel, and hands every
 * slice's batches to the single consumer above it (Redshift's "XN Network ... DS_RETURN" step). Scans inside
 * the fragment read only their own slice.
 */
public record GatherSpec(PlanSpec input) implements PlanSpec {
    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
