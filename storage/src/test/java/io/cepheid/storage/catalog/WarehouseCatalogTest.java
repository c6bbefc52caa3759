package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseCatalogTest {
    @TempDir
    Path directory;

    @Test
    void newWarehouseHasOnlyThePublicSchema() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(4)) {
            CatalogSnapshot snapshot = warehouse.snapshot();
            assertEquals(0, snapshot.version());
            assertEquals(List.of("public"), snapshot.schemas());
            assertTrue(snapshot.tables().isEmpty());
            assertEquals(4, warehouse.sliceCount());
        }
    }

    @Test
    void reopenFindsCommittedSchemasTablesAndRows() {
        TableDefinition definition = simple("Sales", "Orders");
        try (Warehouse warehouse = LocalWarehouse.open(directory, 3)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createSchema("SALES");
                transaction.createTable(definition);
                append(transaction, simple("sales", "orders"), rows(0, 500));
                transaction.commit();
            }
        }
        // Reopened with another slice count: the directory keeps the 3 slices it was created with.
        try (Warehouse warehouse = LocalWarehouse.open(directory, 8)) {
            assertEquals(3, warehouse.sliceCount());
            CatalogSnapshot snapshot = warehouse.snapshot();
            assertEquals(1, snapshot.version());
            assertEquals(List.of("public", "sales"), snapshot.schemas());
            TableSnapshot table = snapshot.table("SALES", "orders").orElseThrow();
            assertEquals("sales", table.definition().schema());
            assertEquals("orders", table.definition().name());
            assertEquals(definition.columns(), table.definition().columns());
            assertEquals(500, table.rowCount());
            assertArrayEquals(range(0, 500), sortedIds(table));
        }
    }

    @Test
    void closingWithoutCommitDiscardsEverything() {
        try (Warehouse warehouse = LocalWarehouse.open(directory, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "kept"));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "discarded"));
                append(transaction, simple("public", "kept"), rows(0, 100));
                append(transaction, simple("public", "discarded"), rows(0, 100));
            }
            CatalogSnapshot snapshot = warehouse.snapshot();
            assertEquals(1, snapshot.version());
            assertTrue(snapshot.table("public", "discarded").isEmpty());
            assertEquals(0, snapshot.table("public", "kept").orElseThrow().rowCount());
        }
        try (Warehouse warehouse = LocalWarehouse.open(directory, 2)) {
            assertEquals(0, warehouse.snapshot().table("public", "kept").orElseThrow().rowCount());
            assertTrue(warehouse.snapshot().table("public", "discarded").isEmpty());
        }
    }

    @Test
    void viewShowsTheTransactionsOwnChangesOnly() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                append(transaction, simple("public", "t"), rows(0, 10));
                CatalogSnapshot view = transaction.view();
                assertEquals(10, view.table("public", "T").orElseThrow().rowCount());
                assertArrayEquals(range(0, 10), sortedIds(view.table("public", "t").orElseThrow()));
                assertTrue(warehouse.snapshot().table("public", "t").isEmpty());
                assertTrue(transaction.base().table("public", "t").isEmpty());
                append(transaction, simple("public", "t"), rows(10, 15));
                assertEquals(15, transaction.view().table("public", "t").orElseThrow().rowCount());
                transaction.commit();
            }
            assertArrayEquals(range(0, 15), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void dropTableRemovesItAndItsName() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                transaction.dropTable("PUBLIC", "T");
                assertTrue(transaction.view().table("public", "t").isEmpty());
                transaction.createTable(simple("public", "t"));
                append(transaction, simple("public", "t"), rows(0, 3));
                transaction.commit();
            }
            assertEquals(3, warehouse.snapshot().table("public", "t").orElseThrow().rowCount());
        }
    }

    @Test
    void catalogErrorsCarryTheirSqlStates() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                assertCode(ErrorCode.DUPLICATE_TABLE, "42P07", () -> transaction.createTable(simple("PUBLIC", "T")));
                assertCode(ErrorCode.UNDEFINED_TABLE, "42P01", () -> transaction.appender("public", "missing"));
                assertCode(ErrorCode.UNDEFINED_TABLE, "42P01", () -> transaction.dropTable("public", "missing"));
                assertCode(ErrorCode.UNDEFINED_SCHEMA, "3F000", () -> transaction.createTable(simple("nowhere", "t")));
                assertCode(ErrorCode.UNDEFINED_SCHEMA, "3F000", () -> transaction.appender("nowhere", "t"));
                assertCode(ErrorCode.DUPLICATE_SCHEMA, "42P06", () -> transaction.createSchema("Public"));
                transaction.commit();
            }
        }
    }

    @Test
    void invalidDefinitionsAreRejected() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(2); Transaction transaction = warehouse.begin()) {
            ColumnDefinition id = TestTables.column("id", SqlType.INTEGER);
            assertCode(ErrorCode.INVALID_TABLE_DEFINITION, "42P16", () -> transaction.createTable(
                    TestTables.table("public", "k", DistStyle.KEY, TableDefinition.NO_DIST_KEY, List.of(), id)));
            assertCode(ErrorCode.INVALID_TABLE_DEFINITION, "42P16", () -> transaction.createTable(
                    TestTables.table("public", "s", DistStyle.EVEN, TableDefinition.NO_DIST_KEY, List.of(3), id)));
            assertCode(ErrorCode.DUPLICATE_COLUMN, "42701", () -> transaction.createTable(
                    TestTables.table("public", "d", DistStyle.EVEN, TableDefinition.NO_DIST_KEY, List.of(), id,
                            TestTables.column("ID", SqlType.BIGINT))));
        }
    }

    @Test
    void notNullAndLengthAreCheckedOnAppendAndRejectTheWholeBatch() {
        TableDefinition definition = TestTables.table("public", "checked", DistStyle.EVEN,
                TableDefinition.NO_DIST_KEY, List.of(), TestTables.notNull("id", SqlType.BIGINT),
                TestTables.column("code", new SqlType.VarcharType(3)),
                TestTables.column("flag", new SqlType.CharType(1)));
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(definition);
                CepheidException nullId = assertCode(ErrorCode.NOT_NULL_VIOLATION, "23502", () -> append(transaction,
                        definition, List.of(new Object[] {1L, "a", "y"}, new Object[] {null, "b", "n"})));
                assertTrue(nullId.getMessage().contains("\"id\""), nullId.getMessage());
                // "é" is two UTF-8 bytes: "abé" is 4 bytes, over VARCHAR(3) although it is 3 characters.
                CepheidException tooLong = assertCode(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "22001",
                        () -> append(transaction, definition, List.<Object[]>of(new Object[] {2L, "abé", "y"})));
                assertTrue(tooLong.getMessage().contains("\"code\"") && tooLong.getMessage().contains("limit 3"),
                        tooLong.getMessage());
                assertCode(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "22001",
                        () -> append(transaction, definition, List.<Object[]>of(new Object[] {3L, "abc", "yy"})));
                append(transaction, definition, List.of(new Object[] {4L, "abc", "y"}, new Object[] {5L, null, null}));
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "checked").orElseThrow();
            assertArrayEquals(new long[] {4, 5}, sortedIds(table));
        }
    }

    @Test
    void committingTwiceOrUsingAClosedTransactionFails() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(1)) {
            Transaction transaction = warehouse.begin();
            transaction.createTable(simple("public", "t"));
            transaction.commit();
            assertThrows(IllegalStateException.class, transaction::commit);
            assertThrows(IllegalStateException.class, () -> transaction.createTable(simple("public", "u")));
            transaction.close();
            assertFalse(warehouse.snapshot().table("public", "t").isEmpty());
        }
    }

    static CepheidException assertCode(ErrorCode code, String sqlState, Runnable action) {
        CepheidException e = assertThrows(CepheidException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(sqlState, e.sqlState());
        return e;
    }
}
