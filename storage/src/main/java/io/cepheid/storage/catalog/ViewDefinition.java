package io.cepheid.storage.catalog;

import java.util.List;

/**
 * A view as created: its query as SQL text, which the planner parses and expands wherever the view is
 * read, and its columns (names and types fixed when it was created, as in Redshift). Storage only keeps it.
 */
public record ViewDefinition(String schema, String name, String sql, List<ColumnDefinition> columns) {
    public ViewDefinition {
        columns = List.copyOf(columns);
    }
}
