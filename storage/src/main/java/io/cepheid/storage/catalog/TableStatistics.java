package io.cepheid.storage.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's statistics as of its last ANALYZE: the live row count then, and per analyzed column its
 * {@link ColumnStatistics} (columns never analyzed have none). Kept in the catalog with the table's version,
 * so it commits, rolls back and survives reopening like any other catalog change.
 */
public record TableStatistics(long rowCount, List<ColumnStatistics> columns) {
    public TableStatistics {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnStatistics> column(String name) {
        for (ColumnStatistics column : columns) {
            if (column.column().equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /**
     * These statistics updated by a newer ANALYZE of some columns: its row count and its columns, plus the
     * columns it did not analyze as they were, in the table's column order.
     */
    public TableStatistics updatedBy(TableStatistics newer, TableDefinition table) {
        Map<String, ColumnStatistics> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.column(), c));
        newer.columns.forEach(c -> byName.put(c.column(), c));
        List<ColumnStatistics> merged = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            ColumnStatistics statistics = byName.get(column.name());
            if (statistics != null) {
                merged.add(statistics);
            }
        }
        return new TableStatistics(newer.rowCount, merged);
    }

    /**
     * These statistics for the table redefined from {@code before} to {@code after}: a column keeps its
     * statistics under its new name where one of the same name and type survives at its position or
     * elsewhere (renames keep positions; ADD and DROP COLUMN keep names). Columns that disappeared lose theirs.
     */
    public TableStatistics forRedefinedTable(TableDefinition before, TableDefinition after) {
        List<ColumnStatistics> kept = new ArrayList<>();
        for (int i = 0; i < after.columns().size(); i++) {
            ColumnDefinition column = after.columns().get(i);
            ColumnDefinition samePosition = i < before.columns().size() ? before.columns().get(i) : null;
            Optional<ColumnStatistics> found = Optional.empty();
            if (before.columns().size() == after.columns().size() && samePosition != null
                    && samePosition.type().equals(column.type())) {
                found = column(samePosition.name());
            } else {
                int old = before.columnIndex(column.name());
                if (old >= 0 && before.columns().get(old).type().equals(column.type())) {
                    found = column(column.name());
                }
            }
            found.ifPresent(statistics -> kept.add(statistics.renamed(column.name())));
        }
        return new TableStatistics(rowCount, kept);
    }
}
