package io.cepheid.storage.catalog;

import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static io.cepheid.storage.catalog.WarehouseCatalogTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseConcurrencyTest {
    private static Warehouse warehouseWithTables(String... names) {
        Warehouse warehouse = LocalWarehouse.inMemory(4);
        try (Transaction transaction = warehouse.begin()) {
            for (String name : names) {
                transaction.createTable(simple("public", name));
            }
            transaction.commit();
        }
        return warehouse;
    }

    @Test
    void twoWritersOfTheSameTableOneFailsWithSerializationFailure() {
        try (Warehouse warehouse = warehouseWithTables("t")) {
            Transaction first = warehouse.begin();
            Transaction second = warehouse.begin();
            append(first, simple("public", "t"), rows(0, 10));
            append(second, simple("public", "t"), rows(100, 110));
            first.commit();
            assertCode(ErrorCode.SERIALIZATION_FAILURE, "40001", second::commit);
            second.close();
            TableSnapshot table = warehouse.snapshot().table("public", "t").orElseThrow();
            assertArrayEquals(range(0, 10), sortedIds(table));
            assertEquals(2, warehouse.snapshot().version());
        }
    }

    @Test
    void writersOfDifferentTablesBothCommitAndKeepEachOthersRows() {
        try (Warehouse warehouse = warehouseWithTables("a", "b")) {
            Transaction first = warehouse.begin();
            Transaction second = warehouse.begin();
            append(first, simple("public", "a"), rows(0, 10));
            append(second, simple("public", "b"), rows(20, 25));
            second.createTable(simple("public", "c"));
            second.commit();
            first.commit();
            CatalogSnapshot latest = warehouse.snapshot();
            assertEquals(3, latest.version());
            assertArrayEquals(range(0, 10), sortedIds(latest.table("public", "a").orElseThrow()));
            assertArrayEquals(range(20, 25), sortedIds(latest.table("public", "b").orElseThrow()));
            assertTrue(latest.table("public", "c").isPresent());
        }
    }

    @Test
    void concurrentCreatesOfOneTableOrSchemaConflict() {
        try (Warehouse warehouse = warehouseWithTables()) {
            Transaction first = warehouse.begin();
            Transaction second = warehouse.begin();
            first.createTable(simple("public", "same"));
            second.createTable(simple("public", "same"));
            first.commit();
            assertCode(ErrorCode.SERIALIZATION_FAILURE, "40001", second::commit);

            Transaction third = warehouse.begin();
            Transaction fourth = warehouse.begin();
            third.createSchema("s");
            fourth.createSchema("s");
            fourth.commit();
            assertCode(ErrorCode.SERIALIZATION_FAILURE, "40001", third::commit);
        }
    }

    @Test
    void droppingATableConflictsWithAppendingToIt() {
        try (Warehouse warehouse = warehouseWithTables("t")) {
            Transaction dropper = warehouse.begin();
            Transaction writer = warehouse.begin();
            dropper.dropTable("public", "t");
            append(writer, simple("public", "t"), rows(0, 5));
            dropper.commit();
            assertCode(ErrorCode.SERIALIZATION_FAILURE, "40001", writer::commit);
            assertTrue(warehouse.snapshot().table("public", "t").isEmpty());
        }
    }

    @Test
    void aReadersSnapshotDoesNotChangeWhenLaterCommitsLand() {
        try (Warehouse warehouse = warehouseWithTables("t")) {
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, simple("public", "t"), rows(0, 50));
                transaction.commit();
            }
            CatalogSnapshot pinned = warehouse.snapshot();
            TableSnapshot pinnedTable = pinned.table("public", "t").orElseThrow();
            try (Transaction transaction = warehouse.begin()) {
                append(transaction, simple("public", "t"), rows(50, 80));
                transaction.dropTable("public", "t");
                transaction.createTable(simple("public", "t"));
                transaction.createTable(simple("public", "u"));
                transaction.commit();
            }
            assertEquals(2, pinned.version());
            assertArrayEquals(range(0, 50), sortedIds(pinnedTable));
            assertArrayEquals(range(0, 50), sortedIds(pinned.table("public", "t").orElseThrow()));
            assertTrue(pinned.table("public", "u").isEmpty());
            assertEquals(0, warehouse.snapshot().table("public", "t").orElseThrow().rowCount());
            // Old versions stay readable after garbage collection while a reader holds them.
            ((LocalWarehouse) warehouse).collectGarbage();
            assertArrayEquals(range(0, 50), sortedIds(pinned.table("public", "t").orElseThrow()));
        }
    }

    @Test
    void oneAppenderTakesBatchesFromManyThreads() throws Exception {
        int threads = 4;
        int batchesPerThread = 20;
        int rowsPerBatch = 500;
        try (Warehouse warehouse = warehouseWithTables("t"); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            try (Transaction transaction = warehouse.begin()) {
                TableAppender appender = transaction.appender("public", "t");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long first = (long) t * batchesPerThread * rowsPerBatch;
                    futures.add(pool.submit(() -> {
                        start.await();
                        try (BufferAllocator allocator = BufferAllocator.unlimited("thread")) {
                            for (int b = 0; b < batchesPerThread; b++) {
                                long from = first + (long) b * rowsPerBatch;
                                try (Batch batch = TestTables.batch(allocator, simple("public", "t"),
                                        rows(from, from + rowsPerBatch))) {
                                    appender.append(batch);
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get();
                }
                transaction.commit();
            }
            long total = (long) threads * batchesPerThread * rowsPerBatch;
            assertArrayEquals(range(0, total), sortedIds(warehouse.snapshot().table("public", "t").orElseThrow()));
        }
    }

    @Test
    void threadsCommittingConcurrentlyLoseNoCommittedRows() throws Exception {
        int threads = 4;
        int commitsPerThread = 8;
        try (Warehouse warehouse = warehouseWithTables("shared", "own0", "own1", "own2", "own3");
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    int sharedCommits = 0;
                    for (int c = 0; c < commitsPerThread; c++) {
                        long first = (thread * commitsPerThread + c) * 10L;
                        try (Transaction transaction = warehouse.begin()) {
                            append(transaction, simple("public", "own" + thread), rows(first, first + 10));
                            transaction.commit();
                        }
                        // The shared table sees conflicts: retry until this commit gets in.
                        while (true) {
                            try (Transaction transaction = warehouse.begin()) {
                                append(transaction, simple("public", "shared"), rows(first, first + 10));
                                transaction.commit();
                                sharedCommits++;
                                break;
                            } catch (io.cepheid.storage.error.CepheidException e) {
                                assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
                            }
                        }
                    }
                    return sharedCommits;
                }));
            }
            for (Future<Integer> future : futures) {
                assertEquals(commitsPerThread, future.get());
            }
            CatalogSnapshot latest = warehouse.snapshot();
            assertEquals(1 + 2L * threads * commitsPerThread, latest.version());
            assertArrayEquals(range(0, threads * commitsPerThread * 10L),
                    sortedIds(latest.table("public", "shared").orElseThrow()));
            for (int t = 0; t < threads; t++) {
                long first = (long) t * commitsPerThread * 10;
                assertArrayEquals(range(first, first + commitsPerThread * 10L),
                        sortedIds(latest.table("public", "own" + t).orElseThrow()));
            }
        }
    }

    @Test
    void fullRowGroupsWrittenByParallelAppendersAllReachTheCommit() throws Exception {
        TableDefinition ids = TestTables.table("public", "ids", DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                List.of(0), TestTables.column("id", io.cepheid.storage.type.SqlType.BIGINT));
        int threads = 4;
        int batchesPerThread = 36;
        int rowsPerBatch = 1_000;
        try (Warehouse warehouse = LocalWarehouse.inMemory(1); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(ids);
                TableAppender appender = transaction.appender("public", "ids");
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        try (BufferAllocator allocator = BufferAllocator.unlimited("thread")) {
                            for (int b = 0; b < batchesPerThread; b++) {
                                List<Object[]> rows = new ArrayList<>();
                                for (int i = 0; i < rowsPerBatch; i++) {
                                    // Interleave threads' ids so every row group mixes them.
                                    rows.add(new Object[] {(long) ((b * rowsPerBatch + i) * threads + thread)});
                                }
                                try (Batch batch = TestTables.batch(allocator, ids, rows)) {
                                    appender.append(batch);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "ids").orElseThrow();
            long total = (long) threads * batchesPerThread * rowsPerBatch;
            assertEquals(List.of(65_536, 65_536, (int) total - 2 * 65_536),
                    table.rowGroups(0).stream().map(io.cepheid.storage.table.RowGroup::rowCount).sorted(
                            java.util.Comparator.reverseOrder()).toList());
            assertArrayEquals(range(0, total), sortedIds(table));
        }
    }

    @Test
    void aFailedRowGroupWriteDuringAppendFailsTheCommit() {
        TableDefinition ids = TestTables.table("public", "ids", DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                List.of(), TestTables.column("id", io.cepheid.storage.type.SqlType.BIGINT));
        io.cepheid.storage.file.FailingFileStore store =
                new io.cepheid.storage.file.FailingFileStore(new io.cepheid.storage.file.InMemoryFileStore());
        try (Warehouse warehouse = LocalWarehouse.open(store, 1)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(ids);
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin()) {
                List<Object[]> rows = new ArrayList<>();
                for (long i = 0; i < 70_000; i++) {
                    rows.add(new Object[] {i});
                }
                store.failCall(1);
                assertCode(ErrorCode.IO_ERROR, "58030", () -> append(transaction, ids, rows));
                store.disarm();
                assertCode(ErrorCode.IO_ERROR, "58030", transaction::commit);
            }
            assertEquals(0, warehouse.snapshot().table("public", "ids").orElseThrow().rowCount());
        }
    }
}
