package io.cepheid.executor.operator;

import io.cepheid.executor.expression.FilterPredicate;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.DeleteVector;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.RowId;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table's row groups (of the context's slice, or of all slices), one batch per row group: skips row
 * groups whose zone maps rule the pushed filter out, decodes only the requested columns, selects the rows
 * that are not deleted and applies the filter to that selection. Zone maps cover deleted rows too, which
 * only makes them less selective, never wrong.
 */
public final class ScanOperator implements Operator {
    private final ScanSpec spec;
    private final ExecutionContext context;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    /** Row id of row 0 of each row group in {@link #rowGroups} (its slice and index in that slice). */
    private final List<Long> firstRowIds = new ArrayList<>();
    private final ZoneMapPruner pruner;
    private final FilterPredicate predicate;
    private int nextRowGroup;
    private long rowGroupsRead;
    private long rowGroupsSkipped;
    private long rowsRead;
    private long rowsReturned;

    ScanOperator(ScanSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        TableSnapshot table = context.catalog().table(spec.schema(), spec.table()).orElseThrow(() -> new CepheidException(
                ErrorCode.UNDEFINED_TABLE, "relation \"" + spec.schema() + "." + spec.table() + "\" does not exist"));
        if (context.slice() == ExecutionContext.ALL_SLICES || spec.wholeTable()) {
            for (int slice = 0; slice < table.sliceCount(); slice++) {
                addSlice(table, slice);
            }
        } else if (context.slice() < table.sliceCount()) {
            addSlice(table, context.slice());
        }
        this.pruner = ZoneMapPruner.of(spec.filter(), spec.columns(), context.allocator());
        this.predicate = spec.filter() == null ? null : FilterPredicate.compile(spec.filter(), context.allocator());
    }

    private void addSlice(TableSnapshot table, int slice) {
        List<RowGroup> sliceGroups = table.rowGroups(slice);
        for (int index = 0; index < sliceGroups.size(); index++) {
            rowGroups.add(sliceGroups.get(index));
            firstRowIds.add(RowId.of(slice, index, 0));
        }
    }

    @Override
    public Batch next() {
        while (nextRowGroup < rowGroups.size()) {
            context.checkCancelled();
            RowGroup rowGroup = rowGroups.get(nextRowGroup);
            long firstRowId = firstRowIds.get(nextRowGroup++);
            if (rowGroup.rowCount() == 0 || pruner.canSkip(rowGroup)) {
                rowGroupsSkipped++;
                continue;
            }
            rowGroupsRead++;
            Batch batch = decode(rowGroup, firstRowId);
            try {
                DeleteVector deletes = rowGroup.deletes();
                if (deletes != null) {
                    int[] live = new int[rowGroup.rowCount() - deletes.deletedCount()];
                    batch.setSelection(live, deletes.liveRows(live));
                }
                if (predicate != null) {
                    predicate.apply(batch);
                }
            } catch (RuntimeException e) {
                batch.close();
                throw e;
            }
            if (batch.size() == 0) {
                batch.close();
                continue;
            }
            rowsReturned += batch.size();
            return batch;
        }
        return null;
    }

    private Batch decode(RowGroup rowGroup, long firstRowId) {
        int rows = rowGroup.rowCount();
        List<Integer> columns = spec.columns();
        List<SqlType> types = spec.outputTypes();
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        Batch batch = new Batch(vectors, rows);
        try {
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = ColumnVector.allocate(context.allocator(), types.get(c), rows);
                if (columns.get(c) == ScanSpec.ROW_ID) {
                    for (int row = 0; row < rows; row++) {
                        vectors[c].setLong(row, firstRowId + row); // the row is the id's low bits
                    }
                } else {
                    rowGroup.decode(columns.get(c), vectors[c]);
                }
            }
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        rowsRead += rows;
        return batch;
    }

    /** Counters for EXPLAIN ANALYZE. */
    public ScanMetrics metrics() {
        long columns = spec.columns().size();
        return new ScanMetrics(rowGroupsRead, rowGroupsSkipped, rowsRead, rowsReturned,
                rowGroupsRead * columns, rowGroupsSkipped * columns);
    }

    @Override
    public void close() {
        nextRowGroup = rowGroups.size();
    }
}
