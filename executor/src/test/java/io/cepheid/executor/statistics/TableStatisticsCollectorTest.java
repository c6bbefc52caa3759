package io.cepheid.executor.statistics;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableStatisticsCollectorTest {
    private static final TableDefinition TABLE = new TableDefinition("public", "t", List.of(
            new ColumnDefinition("id", SqlType.BIGINT, false, null, null),
            new ColumnDefinition("v", SqlType.INTEGER, true, null, null),
            new ColumnDefinition("s", new SqlType.VarcharType(20), true, null, null),
            new ColumnDefinition("d", SqlType.DOUBLE, true, null, null)),
            DistStyle.EVEN, TableDefinition.NO_DIST_KEY, SortStyle.NONE, List.of(), List.of());

    /** Rows id in [from, to): v null on every 4th row, else id % 50; s 'k' + id % 100 (a few null); d id / 2. */
    private static void append(Transaction transaction, int from, int to) {
        int n = to - from;
        try (BufferAllocator allocator = BufferAllocator.unlimited("test rows")) {
            ColumnVector id = ColumnVector.allocate(allocator, SqlType.BIGINT, n);
            ColumnVector v = ColumnVector.allocate(allocator, SqlType.INTEGER, n);
            ColumnVector s = ColumnVector.allocate(allocator, new SqlType.VarcharType(20), n);
            ColumnVector d = ColumnVector.allocate(allocator, SqlType.DOUBLE, n);
            try (Batch batch = new Batch(new ColumnVector[] {id, v, s, d}, n)) {
                for (int r = 0; r < n; r++) {
                    int value = from + r;
                    id.setLong(r, value);
                    if (value % 4 == 0) {
                        v.setNull(r);
                    } else {
                        v.setInt(r, value % 50);
                    }
                    if (value % 100 == 7) {
                        s.setNull(r);
                    } else {
                        s.setString(r, "k" + value % 100);
                    }
                    d.setDouble(r, value / 2.0);
                }
                transaction.appender("public", "t").append(batch);
            }
        }
    }

    private static TableStatistics analyze(TableSnapshot table) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("analyze")) {
            return TableStatisticsCollector.collect(table, List.of(0, 1, 2, 3), allocator);
        }
    }

    @Test
    void countsNullsDistinctValuesWidthsAndRanges() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2); Transaction transaction = warehouse.begin()) {
            transaction.createTable(TABLE);
            append(transaction, 0, 1000);
            TableStatistics statistics = analyze(transaction.view().table("public", "t").orElseThrow());
            assertEquals(1000, statistics.rowCount());

            ColumnStatistics id = statistics.column("id").orElseThrow();
            assertEquals(0, id.nullFraction());
            assertEquals(1000, id.distinctValues(), 30, "HyperLogLog is within a few percent at 1000 values");
            assertEquals(8, id.averageWidth());
            assertEquals(new ZoneMap.LongRange(0, 999), id.range());

            ColumnStatistics v = statistics.column("v").orElseThrow();
            assertEquals(0.25, v.nullFraction());
            assertEquals(50, v.distinctValues(), 2, "every residue mod 50 also occurs on a row that is not a multiple of 4");
            assertEquals(4, v.averageWidth());
            assertEquals(new ZoneMap.LongRange(0, 49), v.range());

            ColumnStatistics s = statistics.column("s").orElseThrow();
            assertEquals(0.01, s.nullFraction(), 1e-9);
            assertEquals(99, s.distinctValues(), 3, "linear counting, within a few percent");
            // k0..k9: 2 bytes, k10..k99: 3 bytes; k7 is the null one, so 9 two-byte and 90 three-byte values
            assertEquals((9 * 2 + 90 * 3) / 99.0, s.averageWidth(), 1e-9);
            ZoneMap.BytesRange strings = (ZoneMap.BytesRange) s.range();
            assertArrayEquals("k0".getBytes(StandardCharsets.UTF_8), strings.min());
            assertArrayEquals("k99".getBytes(StandardCharsets.UTF_8), strings.max());

            assertEquals(new ZoneMap.DoubleRange(0, 499.5), statistics.column("d").orElseThrow().range());
        }
    }

    @Test
    void emptyTableHasNoRangeAndNoValues() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2); Transaction transaction = warehouse.begin()) {
            transaction.createTable(TABLE);
            TableStatistics statistics = analyze(transaction.view().table("public", "t").orElseThrow());
            assertEquals(0, statistics.rowCount());
            for (ColumnStatistics column : statistics.columns()) {
                assertEquals(0, column.nullFraction());
                assertEquals(0, column.distinctValues());
                assertEquals(0, column.averageWidth());
                assertEquals(ZoneMap.EMPTY, column.range());
            }
        }
    }

    @Test
    void statisticsPersistAndChangedRowsCountFromTheAnalyze(@TempDir Path directory) {
        TableStatistics stored;
        try (LocalWarehouse warehouse = LocalWarehouse.open(directory, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(TABLE);
                append(transaction, 0, 100);
                transaction.commit();
            }
            assertTrue(warehouse.snapshot().table("public", "t").orElseThrow().statistics().isEmpty());
            assertEquals(100, warehouse.snapshot().table("public", "t").orElseThrow().rowsChangedSinceAnalyze());
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, 100, 200);
                stored = analyze(transaction.view().table("public", "t").orElseThrow());
                transaction.setStatistics("public", "t", stored);
                append(transaction, 200, 210);
                transaction.commit();
            }
        }
        try (LocalWarehouse warehouse = LocalWarehouse.open(directory, 2)) {
            TableSnapshot table = warehouse.snapshot().table("public", "t").orElseThrow();
            TableStatistics reread = table.statistics().orElseThrow();
            assertEquals(200, reread.rowCount());
            assertEquals(stored.column("v"), reread.column("v"));
            assertEquals(stored.column("d"), reread.column("d"));
            assertEquals(stored.column("s").orElseThrow().distinctValues(), reread.column("s").orElseThrow().distinctValues());
            assertArrayEquals(((ZoneMap.BytesRange) stored.column("s").orElseThrow().range()).max(),
                    ((ZoneMap.BytesRange) reread.column("s").orElseThrow().range()).max());
            assertEquals(10, table.rowsChangedSinceAnalyze(), "rows appended after ANALYZE in the same transaction");
            try (Transaction transaction = warehouse.begin()) {
                transaction.truncate("public", "t");
                transaction.commit();
            }
            assertEquals(220, warehouse.snapshot().table("public", "t").orElseThrow().rowsChangedSinceAnalyze());
        }
    }
}
