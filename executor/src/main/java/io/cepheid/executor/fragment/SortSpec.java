package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * Sorts all input rows by {@code keys}; with {@code limit} &gt;= 0 keeps only rows [offset, offset + limit)
 * of the sorted order (top-N, without sorting everything).
 */
public record SortSpec(PlanSpec input, List<SortKey> keys, long offset, long limit) implements PlanSpec {
    public static final long NO_LIMIT = -1;

    public SortSpec {
        keys = List.copyOf(keys);
    }

    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
