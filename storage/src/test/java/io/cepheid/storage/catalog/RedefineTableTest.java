package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transaction.redefineTable: renames keep the data, commit atomically and conflict like any other change. */
class RedefineTableTest {
    @TempDir
    Path directory;

    @Test
    void renamedTableKeepsItsRowsAcrossReopening() {
        TableDefinition orders = simple("public", "orders");
        try (Warehouse warehouse = LocalWarehouse.open(directory, 3)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(orders);
                append(transaction, orders, rows(0, 700));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                transaction.redefineTable("public", "orders", renamed(orders, "sales"));
                transaction.commit();
            }
        }
        try (Warehouse warehouse = LocalWarehouse.open(directory, 3)) {
            CatalogSnapshot snapshot = warehouse.snapshot();
            assertTrue(snapshot.table("public", "orders").isEmpty());
            assertArrayEquals(range(0, 700), sortedIds(snapshot.table("public", "sales").orElseThrow()));
        }
    }

    @Test
    void renamedColumnKeepsTypesAndData() {
        TableDefinition orders = simple("public", "orders");
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(orders);
                append(transaction, orders, rows(0, 50));
                transaction.commit();
            }
            List<ColumnDefinition> columns = new ArrayList<>(orders.columns());
            ColumnDefinition first = columns.getFirst();
            columns.set(0, new ColumnDefinition("renamed", first.type(), first.nullable(), first.encoding(), first.defaultSql()));
            try (Transaction transaction = warehouse.begin()) {
                transaction.redefineTable("public", "orders", withColumns(orders, columns));
                transaction.commit();
            }
            var table = warehouse.snapshot().table("public", "orders").orElseThrow();
            assertEquals("renamed", table.definition().columns().getFirst().name());
            assertEquals(50, table.rowCount());
        }
    }

    @Test
    void refusesATakenNameAndChangedColumnTypes() {
        TableDefinition orders = simple("public", "orders");
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(orders);
                transaction.createTable(simple("public", "taken"));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                CepheidException taken = assertThrows(CepheidException.class,
                        () -> transaction.redefineTable("public", "orders", renamed(orders, "taken")));
                assertEquals(ErrorCode.DUPLICATE_TABLE, taken.code());
                List<ColumnDefinition> columns = new ArrayList<>(orders.columns());
                ColumnDefinition first = columns.getFirst();
                columns.set(0, new ColumnDefinition(first.name(), SqlType.VARCHAR, true, first.encoding(), null));
                assertThrows(IllegalArgumentException.class,
                        () -> transaction.redefineTable("public", "orders", withColumns(orders, columns)));
            }
        }
    }

    @Test
    void renameConflictsWithAConcurrentAppend() {
        TableDefinition orders = simple("public", "orders");
        try (Warehouse warehouse = LocalWarehouse.inMemory(2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(orders);
                transaction.commit();
            }
            try (Transaction rename = warehouse.begin(); Transaction load = warehouse.begin()) {
                rename.redefineTable("public", "orders", renamed(orders, "sales"));
                append(load, orders, rows(0, 10));
                load.commit();
                CepheidException conflict = assertThrows(CepheidException.class, rename::commit);
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, conflict.code());
            }
            assertEquals(10, warehouse.snapshot().table("public", "orders").orElseThrow().rowCount());
            assertTrue(warehouse.snapshot().table("public", "sales").isEmpty());
        }
    }

    private static TableDefinition renamed(TableDefinition table, String name) {
        return new TableDefinition(table.schema(), name, table.columns(), table.distStyle(), table.distKey(),
                table.sortStyle(), table.sortKey(), table.constraints());
    }

    private static TableDefinition withColumns(TableDefinition table, List<ColumnDefinition> columns) {
        return new TableDefinition(table.schema(), table.name(), columns, table.distStyle(), table.distKey(),
                table.sortStyle(), table.sortKey(), table.constraints());
    }
}
