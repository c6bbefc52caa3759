package io.cepheid.storage.catalog;

import java.util.List;

/**
 * A table as declared by CREATE TABLE: columns, distribution and sort key. Column references are indexes
 * into {@link #columns()}. Constraints (PRIMARY KEY, UNIQUE, REFERENCES) are informational, as in Redshift:
 * kept as SQL text for {@code \d} and planners, never enforced.
 */
public record TableDefinition(
        String schema,
        String name,
        List<ColumnDefinition> columns,
        DistStyle distStyle,
        int distKey,
        SortStyle sortStyle,
        List<Integer> sortKey,
        List<String> constraints) {

    public static final int NO_DIST_KEY = -1;

    public TableDefinition {
        columns = List.copyOf(columns);
        sortKey = List.copyOf(sortKey);
        constraints = List.copyOf(constraints);
    }

    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
