package io.cepheid.executor.fragment;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * Reads columns {@code columns} (table column indexes) of one table, in the slice the operator runs on (or
 * all slices when run outside a {@link GatherSpec}). {@code filter}, when not null, is a predicate over the
 * output columns: the scan skips row groups whose zone maps rule it out and applies it to the rest.
 * {@code wholeTable} makes every slice read all of the table: the inner side of a join with a DISTSTYLE ALL
 * table, which each slice joins against in full (Redshift's DS_DIST_ALL_NONE). A column index of
 * {@link #ROW_ID} reads no stored column: it yields each row's {@link io.cepheid.storage.table.RowId}
 * (BIGINT), which DELETE and UPDATE collect to know which rows to mark deleted.
 */
public record ScanSpec(String schema, String table, List<Integer> columns, List<SqlType> outputTypes, ExprSpec filter,
                       boolean wholeTable) implements PlanSpec {
    /** The hidden row-position column's index in {@link #columns}. */
    public static final int ROW_ID = -1;

    public ScanSpec {
        columns = List.copyOf(columns);
        outputTypes = List.copyOf(outputTypes);
    }

    /** A scan of the operator's own slice. */
    public ScanSpec(String schema, String table, List<Integer> columns, List<SqlType> outputTypes, ExprSpec filter) {
        this(schema, table, columns, outputTypes, filter, false);
    }

    /** The same scan reading the whole table on every slice. */
    public ScanSpec wholeTableOnEverySlice() {
        return new ScanSpec(schema, table, columns, outputTypes, filter, true);
    }
}
