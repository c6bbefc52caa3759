package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a CREATE TABLE definition before it enters the catalog and lower-cases its schema and table
 * names: columns exist and are unique, a DISTKEY goes with KEY or AUTO, sort keys name real columns.
 */
final class TableDefinitionRules {
    private TableDefinitionRules() {
    }

    static TableDefinition normalize(TableDefinition definition) {
        String table = definition.schema() + "." + definition.name();
        if (definition.columns().isEmpty()) {
            throw invalid("table " + table + " must have at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ColumnDefinition column : definition.columns()) {
            if (!names.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new CepheidException(ErrorCode.DUPLICATE_COLUMN,
                        "column \"" + column.name() + "\" specified more than once");
            }
        }
        int columns = definition.columns().size();
        int distKey = definition.distKey();
        if (distKey != TableDefinition.NO_DIST_KEY && (distKey < 0 || distKey >= columns)) {
            throw invalid("DISTKEY column index " + distKey + " is not a column of " + table);
        }
        switch (definition.distStyle()) {
            case KEY -> {
                if (distKey == TableDefinition.NO_DIST_KEY) {
                    throw invalid("DISTSTYLE KEY needs a DISTKEY column");
                }
            }
            case EVEN, ALL -> {
                if (distKey != TableDefinition.NO_DIST_KEY) {
                    throw invalid("DISTKEY cannot be combined with DISTSTYLE " + definition.distStyle());
                }
            }
            case AUTO -> {
                // A DISTKEY is allowed: the table becomes KEY when it outgrows ALL.
            }
        }
        Set<Integer> sortColumns = new HashSet<>();
        for (int column : definition.sortKey()) {
            if (column < 0 || column >= columns) {
                throw invalid("SORTKEY column index " + column + " is not a column of " + table);
            }
            if (!sortColumns.add(column)) {
                throw invalid("SORTKEY names column \"" + definition.columns().get(column).name() + "\" twice");
            }
        }
        boolean hasSortKey = !definition.sortKey().isEmpty();
        if (hasSortKey != (definition.sortStyle() != SortStyle.NONE)) {
            throw invalid("sort style " + definition.sortStyle() + " does not match a sort key of "
                    + definition.sortKey().size() + " columns");
        }
        return new TableDefinition(Identifiers.normalize(definition.schema()), Identifiers.normalize(definition.name()),
                definition.columns(), definition.distStyle(), distKey, definition.sortStyle(), definition.sortKey(),
                definition.constraints());
    }

    private static CepheidException invalid(String message) {
        return new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, message);
    }
}
