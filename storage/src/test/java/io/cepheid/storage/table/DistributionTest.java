package io.cepheid.storage.table;

import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TestTables;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.catalog.Warehouse;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.cepheid.storage.catalog.TestTables.column;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.readSlice;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionTest {
    private static final int SLICES = 4;

    private static TableDefinition keyed(String name) {
        return TestTables.table("public", name, DistStyle.KEY, 1, List.of(),
                column("id", SqlType.BIGINT), column("customer", new SqlType.VarcharType(20)));
    }

    private static TableSnapshot load(Warehouse warehouse, TableDefinition definition, List<Object[]> rows) {
        try (Transaction transaction = warehouse.begin()) {
            transaction.createTable(definition);
            TestTables.append(transaction, definition, rows);
            transaction.commit();
        }
        return warehouse.snapshot().table(definition.schema(), definition.name()).orElseThrow();
    }

    @Test
    void keyDistributionPutsEqualKeysOnOneSliceAndAgreesWithDistributionHash() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 2_000; i++) {
            rows.add(new Object[] {i, i % 7 == 0 ? null : "customer" + (i % 37)});
        }
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot table = load(warehouse, keyed("orders"), rows);
            assertFalse(table.replicated());
            assertEquals(DistStyle.KEY, table.storedDistStyle());
            Map<Object, Integer> sliceOfKey = new HashMap<>();
            int slicesUsed = 0;
            for (int slice = 0; slice < SLICES; slice++) {
                List<List<Object>> sliceRows = readSlice(table, slice);
                slicesUsed += sliceRows.isEmpty() ? 0 : 1;
                for (List<Object> row : sliceRows) {
                    Integer previous = sliceOfKey.put(String.valueOf(row.get(1)), slice);
                    assertTrue(previous == null || previous == slice, "key " + row.get(1) + " on two slices");
                }
            }
            assertEquals(SLICES, slicesUsed, "37 keys should reach all 4 slices");
            assertEquals(38, sliceOfKey.size());
            assertEquals(0, sliceOfKey.get("null"), "NULL keys hash to 0, slice 0");
            assertArrayEquals(range(0, 2_000), sortedIds(table));
        }
    }

    @Test
    void equalKeysCoLocateAcrossTablesAndIntegerWidths() {
        TableDefinition wide = TestTables.table("public", "wide", DistStyle.KEY, 0, List.of(),
                column("k", SqlType.BIGINT));
        TableDefinition narrow = TestTables.table("public", "narrow", DistStyle.KEY, 0, List.of(),
                column("k", SqlType.SMALLINT));
        List<Object[]> keys = new ArrayList<>();
        for (long k = -50; k < 50; k++) {
            keys.add(new Object[] {k});
        }
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot first = load(warehouse, wide, keys);
            TableSnapshot second = load(warehouse, narrow, keys);
            for (int slice = 0; slice < SLICES; slice++) {
                assertEquals(readSlice(first, slice).stream().map(r -> r.getFirst()).sorted().toList(),
                        readSlice(second, slice).stream().map(r -> r.getFirst()).sorted().toList());
            }
        }
    }

    @Test
    void evenDistributionIsBalancedToWithinOneRow() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot table = load(warehouse, TestTables.simple("public", "even"), TestTables.rows(0, 1_003));
            assertEquals(DistStyle.EVEN, table.storedDistStyle());
            for (int slice = 0; slice < SLICES; slice++) {
                int rows = readSlice(table, slice).size();
                assertTrue(rows == 250 || rows == 251, "slice " + slice + " has " + rows + " rows");
            }
            assertArrayEquals(range(0, 1_003), sortedIds(table));
        }
    }

    @Test
    void allStoresOneCopyInSliceZero() {
        TableDefinition definition = TestTables.table("public", "dim", DistStyle.ALL, TableDefinition.NO_DIST_KEY,
                List.of(), column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot table = load(warehouse, definition, TestTables.rows(0, 100));
            assertTrue(table.replicated());
            assertEquals(100, readSlice(table, 0).size());
            for (int slice = 1; slice < SLICES; slice++) {
                assertTrue(table.rowGroups(slice).isEmpty());
            }
        }
    }

    @Test
    void autoIsReplicatedWhileSmallThenDistributedByItsDistKey() {
        TableDefinition definition = TestTables.table("public", "auto", DistStyle.AUTO, 0, List.of(),
                column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot small = load(warehouse, definition, TestTables.rows(0, 6_000));
            assertTrue(small.replicated());
            assertEquals(DistStyle.ALL, small.storedDistStyle());
            // 6,000 committed + 5,000 new crosses 10,000: every row, old and new, is routed by key.
            try (Transaction transaction = warehouse.begin()) {
                TestTables.append(transaction, definition, TestTables.rows(6_000, 11_000));
                transaction.commit();
            }
            TableSnapshot large = warehouse.snapshot().table("public", "auto").orElseThrow();
            assertFalse(large.replicated());
            assertEquals(DistStyle.KEY, large.storedDistStyle());
            for (int slice = 0; slice < SLICES; slice++) {
                for (List<Object> row : readSlice(large, slice)) {
                    assertEquals(slice, DistributionHash.slice(DistributionHash.hashLong((Long) row.getFirst()), SLICES));
                }
            }
            assertArrayEquals(range(0, 11_000), sortedIds(large));
        }
    }

    @Test
    void autoWithoutDistKeyBecomesEven() {
        TableDefinition definition = TestTables.table("public", "auto", DistStyle.AUTO, TableDefinition.NO_DIST_KEY,
                List.of(), column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));
        try (Warehouse warehouse = LocalWarehouse.inMemory(SLICES)) {
            TableSnapshot table = load(warehouse, definition, TestTables.rows(0, 12_000));
            assertEquals(DistStyle.EVEN, table.storedDistStyle());
            for (int slice = 0; slice < SLICES; slice++) {
                assertEquals(3_000, readSlice(table, slice).size());
            }
        }
    }

    @Test
    void distributionHashIsStable() {
        // Golden values: changing the hash would silently break co-location of stored KEY tables.
        assertEquals(0L, DistributionHash.hashLong(0));
        assertEquals(DistributionHash.hashDouble(0.0), DistributionHash.hashDouble(-0.0));
        assertEquals(-5451962507482445012L, DistributionHash.hashLong(1));
        byte[] text = "customer1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long hash = DistributionHash.hashBytes(java.lang.foreign.MemorySegment.ofArray(text), 0, text.length);
        assertEquals(GOLDEN_CUSTOMER1, hash);
        assertEquals(2, DistributionHash.slice(10, 4));
        assertEquals((int) Long.remainderUnsigned(-1L, 3), DistributionHash.slice(-1L, 3));
    }

    private static final long GOLDEN_CUSTOMER1 = 5202104473357276817L;
}
