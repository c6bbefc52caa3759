package io.cepheid.server;

import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.parse.SqlAnalyze;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.encoding.CompressionAnalysis;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * ANALYZE COMPRESSION: for each column of the tables analyzed, the encoding that stores a sample of its rows
 * in the fewest bytes and how much smaller that is than RAW, as Redshift reports it (columns table, column,
 * encoding, est_reduction_pct). The sample is read from each slice's row groups in storage order: COMPROWS
 * rows spread evenly over the slices, and never fewer than 100,000 per slice (Redshift's default and minimum).
 * Advisory only: nothing is changed.
 */
final class CompressionReport {
    static final long ROWS_PER_SLICE = 100_000;
    static final long MIN_COMPROWS = 1_000;
    static final long MAX_COMPROWS = 1_000_000_000;
    private static final SqlType PERCENT = new SqlType.DecimalType(5, 2);

    private CompressionReport() {
    }

    static StatementResult.Rows run(SqlAnalyze analyze, CatalogSnapshot snapshot, String searchSchema, long memoryLimit) {
        long compRows = analyze.compRows();
        if (compRows != SqlAnalyze.DEFAULT_ROWS) {
            if (analyze.table() == null) {
                throw new CepheidException(ErrorCode.SYNTAX_ERROR, "COMPROWS needs a table name");
            }
            if (compRows < MIN_COMPROWS || compRows > MAX_COMPROWS) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "COMPROWS " + compRows + " is out of range: it must be between " + MIN_COMPROWS + " and " + MAX_COMPROWS);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        try (BufferAllocator allocator = new BufferAllocator("analyze compression", memoryLimit)) {
            for (TableSnapshot table : tables(analyze, snapshot, searchSchema)) {
                long perSlice = Math.max(ROWS_PER_SLICE, compRows == SqlAnalyze.DEFAULT_ROWS ? 0
                        : (compRows + table.sliceCount() - 1) / table.sliceCount());
                for (int column : AnalyzeCommand.columns(analyze, table.definition())) {
                    CompressionAnalysis analysis = sample(table, column, perSlice, allocator);
                    rows.add(List.of(table.definition().name(), table.definition().columns().get(column).name(),
                            analysis.best().sqlName(),
                            BigDecimal.valueOf(analysis.reductionPercent()).setScale(2, RoundingMode.HALF_UP)));
                }
            }
        }
        return LeaderRows.of(List.of(
                new ResultColumn("table", SqlType.VARCHAR, false),
                new ResultColumn("column", SqlType.VARCHAR, false),
                new ResultColumn("encoding", SqlType.VARCHAR, false),
                new ResultColumn("est_reduction_pct", PERCENT, false)), rows, "ANALYZE COMPRESSION");
    }

    private static CompressionAnalysis sample(TableSnapshot table, int column, long perSlice, BufferAllocator allocator) {
        SqlType type = table.definition().columns().get(column).type();
        CompressionAnalysis analysis = new CompressionAnalysis(type);
        for (int slice = 0; slice < table.sliceCount(); slice++) {
            long wanted = perSlice;
            for (RowGroup rowGroup : table.rowGroups(slice)) {
                if (wanted <= 0) {
                    break;
                }
                try (ColumnVector values = ColumnVector.allocate(allocator, type, rowGroup.rowCount())) {
                    rowGroup.decode(column, values);
                    int taken = (int) Math.min(wanted, rowGroup.rowCount());
                    analysis.add(values, taken);
                    wanted -= taken;
                }
            }
        }
        return analysis;
    }

    private static List<TableSnapshot> tables(SqlAnalyze analyze, CatalogSnapshot snapshot, String searchSchema) {
        if (analyze.table() == null) {
            return snapshot.tables().stream()
                    .map(definition -> snapshot.table(definition.schema(), definition.name()).orElseThrow())
                    .toList();
        }
        QualifiedName name = QualifiedName.of(analyze.table(), searchSchema);
        return List.of(snapshot.table(name.schema(), name.table()).orElseThrow(() ->
                new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"" + name.table() + "\" does not exist")));
    }

}
