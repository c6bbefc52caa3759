package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * ORDER BY over distributed rows, Redshift's {@code XN Merge}: each slice sorts its own rows (the
 * {@link SortSpec} under {@code input}'s gather, a top-N one when a LIMIT follows) and the leader merges the
 * sorted slice streams by {@code keys}, k-way, without sorting again.
 */
public record MergeSpec(GatherSpec input, List<SortKey> keys) implements PlanSpec {
    public MergeSpec {
        keys = List.copyOf(keys);
    }

    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
