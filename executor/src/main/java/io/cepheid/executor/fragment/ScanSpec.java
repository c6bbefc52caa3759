package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * Reads columns {@code columns} (table column indexes) of one table, in the slice the operator runs on (or
 * all slices when run outside a {@link GatherSpec}). {@code filter}, when not null, is a predicate over the
 * output columns: the scan skips row groups whose zone maps rule it out and applies it to the rest.
 */
public record ScanSpec(String schema, String table, List<Integer> columns, List<SqlType> outputTypes, ExprSpec filter)
        implements PlanSpec {
    public ScanSpec {
        columns = List.copyOf(columns);
        outputTypes = List.copyOf(outputTypes);
    }
}
