package io.cepheid.executor.fragment;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code limit} rows ({@link SortSpec#NO_LIMIT} = all). */
public record LimitSpec(PlanSpec input, long offset, long limit) implements PlanSpec {
    @Override
    public List<SqlType> outputTypes() {
        return input.outputTypes();
    }
}
