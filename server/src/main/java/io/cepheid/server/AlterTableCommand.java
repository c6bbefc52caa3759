package io.cepheid.server;

import io.cepheid.planner.PlannedQuery;
import io.cepheid.planner.QueryPlanner;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.ddl.TableDefinitions;
import io.cepheid.planner.parse.SqlAlterTable;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.TableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ALTER TABLE, each action in one transaction (the open transaction block's, if any). Renames change only the catalog. ADD and DROP COLUMN rewrite
 * the table: its rows are read through a query on the version the statement started from and appended to a
 * table of the new shape under the same name, so the change commits atomically with the data, and a crash
 * or error leaves the old table as it was.
 */
final class AlterTableCommand {
    private final SessionSettings settings;
    private final LeaderSession session;

    AlterTableCommand(SessionSettings settings, LeaderSession session) {
        this.settings = settings;
        this.session = session;
    }

    StatementResult execute(SqlAlterTable alter) {
        QualifiedName name = QualifiedName.of(alter.table(), settings.searchSchema());
        session.write(transaction -> {
            CatalogSnapshot before = transaction.view();
            TableDefinition table = before.table(name.schema(), name.table())
                    .map(TableSnapshot::definition)
                    .orElseThrow(() -> new CepheidException(ErrorCode.UNDEFINED_TABLE,
                            "relation \"" + name.table() + "\" does not exist"));
            switch (alter.action()) {
                case RENAME_TABLE -> transaction.redefineTable(table.schema(), table.name(), renamed(table, alter));
                case RENAME_COLUMN -> transaction.redefineTable(table.schema(), table.name(), columnRenamed(table, alter));
                case ADD_COLUMN -> rewrite(transaction, before, table, withAddedColumn(table, alter));
                case DROP_COLUMN -> rewrite(transaction, before, table, withoutColumn(table, alter));
            }
            return null;
        });
        return new StatementResult.Done("ALTER TABLE");
    }

    private static TableDefinition renamed(TableDefinition table, SqlAlterTable alter) {
        if (!alter.newName().isSimple()) {
            throw new CepheidException(ErrorCode.SYNTAX_ERROR,
                    "ALTER TABLE RENAME TO takes a table name without a schema: " + alter.newName());
        }
        String newName = alter.newName().getSimple().toLowerCase(Locale.ROOT);
        return new TableDefinition(table.schema(), newName, table.columns(), table.distStyle(), table.distKey(),
                table.sortStyle(), table.sortKey(), table.constraints());
    }

    private static TableDefinition columnRenamed(TableDefinition table, SqlAlterTable alter) {
        int index = existingColumn(table, alter.column().getSimple());
        String newName = alter.newName().getSimple().toLowerCase(Locale.ROOT);
        if (table.columnIndex(newName) >= 0) {
            throw new CepheidException(ErrorCode.DUPLICATE_COLUMN,
                    "column \"" + newName + "\" of relation \"" + table.name() + "\" already exists");
        }
        List<ColumnDefinition> columns = new ArrayList<>(table.columns());
        ColumnDefinition old = columns.get(index);
        columns.set(index, new ColumnDefinition(newName, old.type(), old.nullable(), old.encoding(), old.defaultSql()));
        return withColumns(table, columns, table.distKey(), table.sortKey());
    }

    private static TableDefinition withAddedColumn(TableDefinition table, SqlAlterTable alter) {
        ColumnDefinition added = TableDefinitions.addedColumn(alter.added());
        if (table.columnIndex(added.name()) >= 0) {
            throw new CepheidException(ErrorCode.DUPLICATE_COLUMN,
                    "column \"" + added.name() + "\" of relation \"" + table.name() + "\" already exists");
        }
        if (!added.nullable() && added.defaultSql() == null) {
            throw new CepheidException(ErrorCode.NOT_NULL_VIOLATION,
                    "ALTER TABLE ADD COLUMN defined as NOT NULL must have a non-null default expression (column \""
                            + added.name() + "\")");
        }
        List<ColumnDefinition> columns = new ArrayList<>(table.columns());
        columns.add(added);
        return withColumns(table, columns, table.distKey(), table.sortKey());
    }

    private static TableDefinition withoutColumn(TableDefinition table, SqlAlterTable alter) {
        int index = existingColumn(table, alter.column().getSimple());
        String column = table.columns().get(index).name();
        if (index == table.distKey()) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot drop column \"" + column + "\": it is the DISTKEY of \"" + table.name() + "\"");
        }
        if (table.sortKey().contains(index)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot drop column \"" + column + "\": it is part of the SORTKEY of \"" + table.name() + "\"");
        }
        if (table.columns().size() == 1) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot drop column \"" + column + "\": it is the only column of \"" + table.name() + "\"");
        }
        List<ColumnDefinition> columns = new ArrayList<>(table.columns());
        columns.remove(index);
        int distKey = table.distKey() > index ? table.distKey() - 1 : table.distKey();
        List<Integer> sortKey = table.sortKey().stream().map(key -> key > index ? key - 1 : key).toList();
        return withColumns(table, columns, distKey, sortKey);
    }

    /**
     * Replaces {@code table} by an empty table of the new definition and fills it with the old rows: each new
     * column is an old column of the same name, or the new column's default (NULL without one). The columns
     * that stay keep their ANALYZE statistics and the table its count of rows changed since; a new column has
     * none until the next ANALYZE.
     */
    private void rewrite(Transaction transaction, CatalogSnapshot before, TableDefinition table, TableDefinition altered) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < altered.columns().size(); i++) {
            ColumnDefinition column = altered.columns().get(i);
            select.append(i == 0 ? "" : ", ");
            if (table.columnIndex(column.name()) >= 0) {
                select.append(quoted(column.name()));
            } else {
                select.append("CAST((").append(column.defaultSql() == null ? "NULL" : column.defaultSql())
                        .append(") AS ").append(LeaderSession.castTypeName(column.type())).append(')');
            }
        }
        select.append(" FROM ").append(quoted(table.schema())).append('.').append(quoted(table.name()));
        PlannedQuery query = new QueryPlanner(before, settings.searchSchema())
                .planQuery(StatementParser.parse(select.toString()), List.of());
        transaction.dropTable(table.schema(), table.name());
        transaction.createTable(altered);
        session.runInto(query.plan(), before, transaction.appender(altered.schema(), altered.name()));
        TableSnapshot old = before.table(table.schema(), table.name()).orElseThrow();
        old.statistics().ifPresent(statistics -> transaction.setStatistics(altered.schema(), altered.name(),
                statistics.forRedefinedTable(table, altered), old.rowsChangedSinceAnalyze()));
    }

    private static int existingColumn(TableDefinition table, String name) {
        int index = table.columnIndex(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new CepheidException(ErrorCode.UNDEFINED_COLUMN,
                    "column \"" + name.toLowerCase(Locale.ROOT) + "\" of relation \"" + table.name() + "\" does not exist");
        }
        return index;
    }

    private static TableDefinition withColumns(TableDefinition table, List<ColumnDefinition> columns, int distKey,
                                               List<Integer> sortKey) {
        return new TableDefinition(table.schema(), table.name(), columns, table.distStyle(), distKey,
                table.sortStyle(), sortKey, table.constraints());
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
