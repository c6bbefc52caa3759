package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FailingFileStore;
import io.cepheid.storage.file.InMemoryFileStore;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.column;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rowIdsWhere;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static io.cepheid.storage.catalog.TestTables.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE and TRUNCATE at the storage level: delete vectors in manifests, isolation, conflicts, failures. */
class TransactionDeleteTest {
    @TempDir
    Path directory;

    private static final TableDefinition T = simple("public", "t");

    private static void createWithRows(Warehouse warehouse, long rows) {
        try (Transaction transaction = warehouse.begin()) {
            transaction.createTable(T);
            append(transaction, T, rows(0, rows));
            transaction.commit();
        }
    }

    private static long deleteWhere(Transaction transaction, java.util.function.LongPredicate test) {
        long[] ids = rowIdsWhere(transaction.view().table("public", "t").orElseThrow(), test);
        return transaction.delete("public", "t", ids, ids.length);
    }

    private static long[] oddIds(long to) {
        return LongStream.range(0, to).filter(i -> i % 2 == 1).toArray();
    }

    @Test
    void deletedRowsSurviveARestartAndLeaveTheRowCount() {
        try (LocalWarehouse warehouse = LocalWarehouse.open(directory, 3)) {
            createWithRows(warehouse, 1000);
            try (Transaction transaction = warehouse.begin()) {
                assertEquals(500, deleteWhere(transaction, id -> id % 2 == 0));
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "t").orElseThrow();
            assertEquals(500, table.rowCount());
            assertArrayEquals(oddIds(1000), sortedIds(table));
        }
        try (LocalWarehouse reopened = LocalWarehouse.open(directory, 3)) {
            TableSnapshot table = reopened.snapshot().table("public", "t").orElseThrow();
            assertEquals(500, table.rowCount());
            assertArrayEquals(oddIds(1000), sortedIds(table));
            // Deleting again merges into the existing vectors; rows already gone do not count.
            try (Transaction transaction = reopened.begin()) {
                assertEquals(0, deleteWhere(transaction, id -> id % 2 == 0));
                assertEquals(250, deleteWhere(transaction, id -> id % 4 == 1));
                transaction.commit();
            }
            assertEquals(250, reopened.snapshot().table("public", "t").orElseThrow().rowCount());
        }
    }

    @Test
    void aReaderPinnedToAnOlderVersionNeverSeesLaterDeletes() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 100);
            CatalogSnapshot before = warehouse.snapshot();
            try (Transaction transaction = warehouse.begin()) {
                deleteWhere(transaction, id -> id < 60);
                // Uncommitted: the transaction's view has the delete, everyone else does not.
                assertEquals(40, transaction.view().table("public", "t").orElseThrow().rowCount());
                assertEquals(100, warehouse.snapshot().table("public", "t").orElseThrow().rowCount());
                transaction.commit();
            }
            warehouse.collectGarbage();
            assertArrayEquals(range(0, 100), sortedIds(before.table("public", "t").orElseThrow()));
            assertArrayEquals(range(60, 100), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void closingWithoutCommitDiscardsDeletes() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 10);
            try (Transaction transaction = warehouse.begin()) {
                deleteWhere(transaction, id -> true);
            }
            assertArrayEquals(range(0, 10), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
            warehouse.collectGarbage();
            assertArrayEquals(range(0, 10), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void aRowGroupWithEveryRowDeletedLeavesTheManifest() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 10);
            try (Transaction transaction = warehouse.begin()) {
                assertEquals(10, deleteWhere(transaction, id -> true));
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "t").orElseThrow();
            assertEquals(0, table.rowCount());
            assertTrue(table.rowGroups(0).isEmpty() && table.rowGroups(1).isEmpty());
        }
    }

    @Test
    void anUpdateAppendsNewVersionsAndDeletesOldOnesInOneCommit() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 10);
            try (Transaction transaction = warehouse.begin()) {
                long[] ids = rowIdsWhere(transaction.view().table("public", "t").orElseThrow(), id -> id < 5);
                append(transaction, T, rows(100, 105));
                assertEquals(5, transaction.delete("public", "t", ids, ids.length));
                transaction.commit();
            }
            assertArrayEquals(new long[] {5, 6, 7, 8, 9, 100, 101, 102, 103, 104},
                    sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void anAutoTableThatGrowsRedistributesOnlyItsLiveRows() {
        TableDefinition auto = table("public", "t", DistStyle.AUTO, TableDefinition.NO_DIST_KEY, List.of(),
                column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(4)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(auto);
                append(transaction, auto, rows(0, 6000));
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                deleteWhere(transaction, id -> id < 1000);
                append(transaction, auto, rows(6000, 12_000));
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "t").orElseThrow();
            assertEquals(DistStyle.EVEN, table.storedDistStyle());
            assertArrayEquals(range(1000, 12_000), sortedIds(table));
        }
    }

    @Test
    void truncateEmptiesTheTableForNewReadersOnly() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 50);
            CatalogSnapshot before = warehouse.snapshot();
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, T, rows(50, 60));
                transaction.truncate("public", "t");
                append(transaction, T, rows(7, 8));
                transaction.commit();
            }
            assertArrayEquals(new long[] {7}, sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
            assertArrayEquals(range(0, 50), sortedIds(before.table("public", "t").orElseThrow()));
        }
    }

    @Test
    void aSecondWriterDeletingFromTheSameTableGetsASerializationFailure() {
        try (LocalWarehouse warehouse = LocalWarehouse.inMemory(2)) {
            createWithRows(warehouse, 20);
            try (Transaction first = warehouse.begin(); Transaction second = warehouse.begin()) {
                deleteWhere(first, id -> id < 5);
                deleteWhere(second, id -> id >= 15);
                first.commit();
                CepheidException e = assertThrows(CepheidException.class, second::commit);
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
                assertEquals("40001", e.code().sqlState());
            }
            // The first writer's delete stands and nothing of the second one is lost or half-applied.
            assertArrayEquals(range(5, 20), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void aFailureAtAnyStepOfADeleteCommitKeepsThePreviousVersion() {
        FailingFileStore store = new FailingFileStore(new InMemoryFileStore());
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            createWithRows(warehouse, 40);
            int failures = 0;
            for (int n = 1; n < 100; n++) {
                long version = warehouse.snapshot().version();
                store.failCall(n);
                try (Transaction transaction = warehouse.begin()) {
                    deleteWhere(transaction, id -> id % 3 == 0);
                    transaction.commit();
                } catch (CepheidException e) {
                    assertEquals(ErrorCode.IO_ERROR, e.code(), e.getMessage());
                }
                store.disarm();
                if (!store.failed()) {
                    assertEquals(version + 1, warehouse.snapshot().version());
                    break;
                }
                failures++;
                assertEquals(version, warehouse.snapshot().version(), "failed call " + n);
                assertArrayEquals(range(0, 40), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
            }
            assertTrue(failures >= 3, "only " + failures + " steps failed");
            assertArrayEquals(LongStream.range(0, 40).filter(i -> i % 3 != 0).toArray(),
                    sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
            warehouse.collectGarbage();
            assertArrayEquals(LongStream.range(0, 40).filter(i -> i % 3 != 0).toArray(),
                    sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }
}
