package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.cepheid.storage.catalog.TestTables.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views share the tables' name space, commit with their transaction and survive a reopen. */
class WarehouseViewTest {
    @TempDir
    Path directory;

    private static ViewDefinition view(String name, String sql) {
        return new ViewDefinition("public", name, sql, List.of(new ColumnDefinition("x", SqlType.INTEGER, true, null, null)));
    }

    @Test
    void viewsSurviveReopenAndDropsStick() {
        try (Warehouse warehouse = LocalWarehouse.open(directory, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createView(view("V1", "SELECT 1 AS x"), false);
                transaction.createView(view("v2", "SELECT 2 AS x"), false);
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                transaction.dropView("public", "v2");
                transaction.createView(view("v1", "SELECT 3 AS x"), true);
                transaction.commit();
            }
        }
        try (Warehouse warehouse = LocalWarehouse.open(directory, 2)) {
            CatalogSnapshot snapshot = warehouse.snapshot();
            assertEquals(List.of(view("v1", "SELECT 3 AS x")), snapshot.views());
            assertEquals("SELECT 3 AS x", snapshot.view("PUBLIC", "V1").orElseThrow().sql());
            assertTrue(snapshot.view("public", "v2").isEmpty());
        }
    }

    @Test
    void tablesAndViewsCannotShareAName() {
        try (Warehouse warehouse = LocalWarehouse.inMemory(1)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                transaction.createView(view("v", "SELECT 1 AS x"), false);
                assertEquals(ErrorCode.DUPLICATE_TABLE, assertThrows(CepheidException.class,
                        () -> transaction.createView(view("t", "SELECT 1 AS x"), true)).code());
                assertEquals(ErrorCode.DUPLICATE_TABLE, assertThrows(CepheidException.class,
                        () -> transaction.createView(view("v", "SELECT 1 AS x"), false)).code());
                assertEquals(ErrorCode.DUPLICATE_TABLE, assertThrows(CepheidException.class,
                        () -> transaction.createTable(simple("public", "v"))).code());
                assertEquals(ErrorCode.UNDEFINED_TABLE, assertThrows(CepheidException.class,
                        () -> transaction.dropView("public", "t")).code());
            }
        }
    }
}
