package io.cepheid.storage.catalog;

import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.file.InMemoryFileStore;
import io.cepheid.storage.table.TableSnapshot;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GarbageCollectionTest {
    private static Set<String> files(FileStore store) {
        return new HashSet<>(store.list());
    }

    @Test
    void filesOfAbortedTransactionsAreCollectedAndCommittedOnesKept() {
        InMemoryFileStore store = new InMemoryFileStore();
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                append(transaction, simple("public", "t"), rows(0, 100));
                transaction.commit();
            }
            Set<String> committed = files(store);
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, simple("public", "t"), rows(100, 200));
                transaction.view(); // writes the row groups without committing them
            }
            assertTrue(files(store).size() > committed.size());
            assertEquals(files(store).size() - committed.size(), warehouse.collectGarbage());
            assertEquals(committed, files(store));
            assertArrayEquals(range(0, 100), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
            assertEquals(0, warehouse.collectGarbage());
        }
    }

    @Test
    void filesAnOpenTransactionWroteSurviveCollectionAndCommit() {
        InMemoryFileStore store = new InMemoryFileStore();
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "t"));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, simple("public", "t"), rows(0, 100));
                transaction.view();
                warehouse.collectGarbage();
                transaction.commit();
            }
            assertArrayEquals(range(0, 100), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void oldVersionsAreCollectedOnceNoReaderHoldsThem() {
        InMemoryFileStore store = new InMemoryFileStore();
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "old"));
                append(transaction, simple("public", "old"), rows(0, 100));
                transaction.commit();
            }
            TableSnapshot held = warehouse.snapshot().table("public", "old").orElseThrow();
            List<String> oldFiles = List.copyOf(files(store));
            try (Transaction transaction = warehouse.begin()) {
                transaction.dropTable("public", "old");
                transaction.commit();
            }
            warehouse.collectGarbage();
            assertTrue(files(store).containsAll(oldFiles), "a held table keeps its version's files");
            assertArrayEquals(range(0, 100), sortedIds(held));
        }
        // A fresh warehouse holds only the current version: the dropped table's files go.
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            int deleted = warehouse.collectGarbage();
            assertTrue(deleted >= 4, "two row groups, a manifest and a catalog file; deleted " + deleted);
            for (String file : files(store)) {
                assertFalse(file.endsWith(".rg"), "row group " + file + " of the dropped table survived");
            }
            assertTrue(warehouse.snapshot().table("public", "old").isEmpty());
        }
    }
}
