package io.cepheid.server;

import io.cepheid.executor.statistics.TableStatisticsCollector;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.parse.SqlAnalyze;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableSnapshot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ANALYZE [table [(column, ...)]] [PREDICATE COLUMNS | ALL COLUMNS]: reads each table's rows as of the
 * statement's transaction and stores their statistics in the catalog in that transaction (the open block's,
 * if any), so they commit or roll back with it. Without a table, every table of the database. PREDICATE
 * COLUMNS analyzes every column: no predicate history is kept, and Redshift too analyzes all columns of a
 * table none of whose columns is marked as a predicate column.
 */
final class AnalyzeCommand {
    private final SessionSettings settings;
    private final LeaderSession session;

    AnalyzeCommand(SessionSettings settings, LeaderSession session) {
        this.settings = settings;
        this.session = session;
    }

    StatementResult execute(SqlAnalyze analyze) {
        session.write(transaction -> {
            CatalogSnapshot view = transaction.view();
            for (TableSnapshot table : tables(analyze, view)) {
                analyzeTable(transaction, table, columns(analyze, table.definition()));
            }
            return null;
        });
        return new StatementResult.Done("ANALYZE");
    }

    /** Analyzes every column of one table inside {@code transaction}: COPY's automatic ANALYZE of an empty table. */
    void analyzeWholeTable(Transaction transaction, String schema, String name) {
        TableSnapshot table = transaction.view().table(schema, name).orElseThrow();
        analyzeTable(transaction, table, allColumns(table.definition()));
    }

    private void analyzeTable(Transaction transaction, TableSnapshot table, List<Integer> columns) {
        try (BufferAllocator allocator = session.newQueryAllocator()) {
            TableDefinition definition = table.definition();
            transaction.setStatistics(definition.schema(), definition.name(),
                    TableStatisticsCollector.collect(table, columns, allocator));
        }
    }

    private List<TableSnapshot> tables(SqlAnalyze analyze, CatalogSnapshot snapshot) {
        if (analyze.table() == null) {
            return snapshot.tables().stream()
                    .map(definition -> snapshot.table(definition.schema(), definition.name()).orElseThrow())
                    .toList();
        }
        QualifiedName name = QualifiedName.of(analyze.table(), settings.searchSchema());
        return List.of(snapshot.table(name.schema(), name.table()).orElseThrow(() ->
                new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name.table() + "\" does not exist")));
    }

    /** The columns an ANALYZE [COMPRESSION] names, each once, in the order named; all columns when none is. */
    static List<Integer> columns(SqlAnalyze analyze, TableDefinition table) {
        if (analyze.columns().size() == 0) {
            return allColumns(table);
        }
        List<Integer> columns = new ArrayList<>();
        for (SqlNode node : analyze.columns()) {
            String name = ((SqlIdentifier) node).getSimple().toLowerCase(Locale.ROOT);
            int index = table.columnIndex(name);
            if (index < 0) {
                throw new CepheidException(ErrorCode.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            }
            if (!columns.contains(index)) {
                columns.add(index);
            }
        }
        return columns;
    }

    private static List<Integer> allColumns(TableDefinition table) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add(i);
        }
        return columns;
    }
}
