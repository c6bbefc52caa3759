package io.cepheid.executor.statistics;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.DeleteVector;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * ANALYZE's pass over one table version: every slice's row groups, each analyzed column's block decoded
 * once and fed to that column's {@link ColumnStatisticsBuilder} as one batch, with deleted rows left out
 * through the batch's selection. Reads every live row, not a sample, so row counts, null fractions, widths
 * and min/max are exact; only the distinct count is an estimate.
 */
public final class TableStatisticsCollector {
    private TableStatisticsCollector() {
    }

    /** Statistics of {@code columns} (indexes into the table's columns) of {@code table}. */
    public static TableStatistics collect(TableSnapshot table, List<Integer> columns, BufferAllocator allocator) {
        List<ColumnStatisticsBuilder> builders = new ArrayList<>(columns.size());
        try {
            for (int column : columns) {
                ColumnDefinition definition = table.definition().columns().get(column);
                builders.add(new ColumnStatisticsBuilder(definition.name(), definition.type().physicalType(), allocator));
            }
            long rows = 0;
            int[] live = new int[0];
            for (int slice = 0; slice < table.sliceCount(); slice++) {
                for (RowGroup rowGroup : table.rowGroups(slice)) {
                    int rowCount = rowGroup.rowCount();
                    DeleteVector deletes = rowGroup.deletes();
                    int liveCount = rowCount;
                    if (deletes != null) {
                        if (live.length < rowCount) {
                            live = new int[rowCount];
                        }
                        liveCount = deletes.liveRows(live);
                    }
                    rows += liveCount;
                    for (int i = 0; i < columns.size(); i++) {
                        int column = columns.get(i);
                        ColumnVector values = ColumnVector.allocate(allocator,
                                table.definition().columns().get(column).type(), Math.max(1, rowCount));
                        try (Batch batch = new Batch(new ColumnVector[] {values}, rowCount)) {
                            rowGroup.decode(column, values);
                            if (deletes != null) {
                                batch.setSelection(live, liveCount);
                            }
                            builders.get(i).add(batch);
                        }
                    }
                }
            }
            List<ColumnStatistics> statistics = new ArrayList<>(builders.size());
            for (ColumnStatisticsBuilder builder : builders) {
                statistics.add(builder.build());
            }
            return new TableStatistics(rows, statistics);
        } finally {
            builders.forEach(ColumnStatisticsBuilder::close);
        }
    }
}
