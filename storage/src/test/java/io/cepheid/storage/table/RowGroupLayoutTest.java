package io.cepheid.storage.table;

import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TestTables;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.catalog.Warehouse;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.cepheid.storage.catalog.TestTables.column;
import static io.cepheid.storage.catalog.TestTables.readSlice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowGroupLayoutTest {
    /** Ascending, NULLs last, compared the way the sorter must: by the key columns in order. */
    private static final Comparator<Object> NULLS_LAST = Comparator.nullsLast((a, b) -> compareValues(a, b));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    @Test
    void rowGroupsAreSortedByTheCompoundSortKeyWithNullsLast() {
        TableDefinition definition = TestTables.table("public", "sorted", DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                List.of(2, 0), column("id", SqlType.BIGINT), column("payload", SqlType.DOUBLE),
                column("region", new SqlType.VarcharType(10)));
        Random random = new Random(42);
        String[] regions = {"north", "south", "east", "west", "é-west", null};
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 3_000; i++) {
            long id = random.nextInt(500) - 250;
            rows.add(new Object[] {i % 11 == 0 ? null : id, (double) i, regions[random.nextInt(regions.length)]});
        }
        try (Warehouse warehouse = LocalWarehouse.inMemory(3)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(definition);
                TestTables.append(transaction, definition, rows.subList(0, 1_500));
                TestTables.append(transaction, definition, rows.subList(1_500, 3_000));
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "sorted").orElseThrow();
            int total = 0;
            for (int slice = 0; slice < 3; slice++) {
                List<List<Object>> sliceRows = readSlice(table, slice);
                total += sliceRows.size();
                for (int i = 1; i < sliceRows.size(); i++) {
                    List<Object> previous = sliceRows.get(i - 1);
                    List<Object> row = sliceRows.get(i);
                    int byRegion = NULLS_LAST.compare(previous.get(2), row.get(2));
                    assertTrue(byRegion < 0 || byRegion == 0 && NULLS_LAST.compare(previous.get(0), row.get(0)) <= 0,
                            "slice " + slice + " row " + i + ": " + previous + " then " + row);
                }
                // Each slice got one row group: its zone map on the sort key spans the values stored.
                RowGroup rowGroup = table.rowGroups(slice).getFirst();
                ZoneMap.BytesRange range = assertInstanceOf(ZoneMap.BytesRange.class, rowGroup.header(2).zoneMap());
                assertEquals("east", new String(range.min(), java.nio.charset.StandardCharsets.UTF_8));
                assertEquals("é-west", new String(range.max(), java.nio.charset.StandardCharsets.UTF_8));
                assertTrue(rowGroup.header(2).nullCount() > 0);
                // AUTO encoding picks a real codec per block, so only a positive size can be asserted here.
                assertTrue(rowGroup.encodedBytes(0) > 0);
                assertTrue(rowGroup.header(0).encoding() != io.cepheid.storage.encoding.Encoding.AUTO);
            }
            assertEquals(3_000, total);
        }
    }

    @Test
    void rowGroupsAreCutAtTheMaximumRowCount() {
        TableDefinition definition = TestTables.table("public", "big", DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                List.of(0), new io.cepheid.storage.catalog.ColumnDefinition("id", SqlType.INTEGER, true, Encoding.RAW, null));
        int rows = SlicingTableAppender.ROW_GROUP_ROWS + 5;
        try (Warehouse warehouse = LocalWarehouse.inMemory(1)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(definition);
                List<Object[]> batch = new ArrayList<>();
                for (int i = rows - 1; i >= 0; i--) {
                    batch.add(new Object[] {i});
                    if (batch.size() == 4_096 || i == 0) {
                        TestTables.append(transaction, definition, batch);
                        batch.clear();
                    }
                }
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "big").orElseThrow();
            int[] counts = table.rowGroups(0).stream().mapToInt(RowGroup::rowCount).toArray();
            assertEquals(List.of(SlicingTableAppender.ROW_GROUP_ROWS, 5),
                    Arrays.stream(counts).boxed().toList());
            // Rows arrived in descending order; the first full row group holds the highest ids, ascending.
            ZoneMap.LongRange first = assertInstanceOf(ZoneMap.LongRange.class, table.rowGroups(0).getFirst().header(0).zoneMap());
            assertEquals(rows - SlicingTableAppender.ROW_GROUP_ROWS, first.min());
            assertEquals(rows - 1, first.max());
            assertEquals(Encoding.RAW, table.rowGroups(0).getFirst().header(0).encoding());
            assertEquals(rows, table.rowCount());
        }
    }

    @Test
    void decodingIntoATooSmallVectorIsRefused() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(1)) {
            TableDefinition definition = TestTables.simple("public", "t");
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(definition);
                TestTables.append(transaction, definition, TestTables.rows(0, 10));
                transaction.commit();
            }
            RowGroup rowGroup = warehouse.snapshot().table("public", "t").orElseThrow().rowGroups(0).getFirst();
            try (var allocator = io.cepheid.storage.memory.BufferAllocator.unlimited("small");
                 var vector = io.cepheid.storage.vector.ColumnVector.allocate(allocator, SqlType.BIGINT, 5)) {
                assertThrows(IllegalArgumentException.class, () -> rowGroup.decode(0, vector));
            }
        }
    }
}
