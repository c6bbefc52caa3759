package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FailingFileStore;
import io.cepheid.storage.file.InMemoryFileStore;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.format.CatalogCodec;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.RowGroupRef;
import io.cepheid.storage.table.SortedRegion;
import io.cepheid.storage.table.TableManifest;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.table.TableVacuum;
import io.cepheid.storage.table.VacuumOptions;
import io.cepheid.storage.table.VacuumOptions.Mode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.column;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.readSlice;
import static io.cepheid.storage.catalog.TestTables.rowIdsWhere;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static io.cepheid.storage.catalog.TestTables.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VACUUM at the storage level: merging sorted runs, reclaiming deleted rows, thresholds, atomicity. */
class VacuumTest {
    /** EVEN over the slices, COMPOUND SORTKEY (id). */
    private static final TableDefinition T = table("public", "t", DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
            List.of(0), column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));

    /** Rows with ids {@code ids}, appended and committed one transaction (one row group per slice) per call. */
    private static void load(Warehouse warehouse, long... ids) {
        List<Object[]> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(new Object[] {id, "name" + id});
        }
        try (Transaction transaction = warehouse.begin()) {
            append(transaction, T, rows);
            transaction.commit();
        }
    }

    private static Warehouse withTable(Warehouse warehouse) {
        try (Transaction transaction = warehouse.begin()) {
            transaction.createTable(T);
            transaction.commit();
        }
        return warehouse;
    }

    private static TableSnapshot current(Warehouse warehouse) {
        return warehouse.snapshot().table("public", "t").orElseThrow();
    }

    private static TableVacuum.Result vacuum(Warehouse warehouse, Mode mode, int threshold) {
        try (Transaction transaction = warehouse.begin();
             BufferAllocator allocator = BufferAllocator.unlimited("vacuum test")) {
            TableVacuum.Result result = transaction.vacuum("public", "t", new VacuumOptions(mode, threshold), allocator);
            transaction.commit();
            return result;
        }
    }

    private static void deleteWhere(Warehouse warehouse, LongPredicate test) {
        try (Transaction transaction = warehouse.begin()) {
            long[] ids = rowIdsWhere(transaction.view().table("public", "t").orElseThrow(), test);
            transaction.delete("public", "t", ids, ids.length);
            transaction.commit();
        }
    }

    private static long storedRows(TableSnapshot table) {
        return SortedRegion.storedRows(table);
    }

    private static void assertSlicesSorted(TableSnapshot table) {
        for (int slice = 0; slice < table.sliceCount(); slice++) {
            List<List<Object>> rows = readSlice(table, slice);
            for (int i = 1; i < rows.size(); i++) {
                assertTrue((Long) rows.get(i - 1).getFirst() <= (Long) rows.get(i).getFirst(),
                        "slice " + slice + " row " + i + ": " + rows.get(i - 1) + " before " + rows.get(i));
            }
        }
    }

    @Test
    void fullVacuumMergesTheRunsAndDropsDeletedRowsKeepingEveryLiveRow() {
        try (Warehouse warehouse = withTable(LocalWarehouse.inMemory(2))) {
            // Three loads interleaved in id order: every slice holds three overlapping sorted runs.
            load(warehouse, LongStream.range(0, 300).filter(i -> i % 3 == 2).toArray());
            load(warehouse, LongStream.range(0, 300).filter(i -> i % 3 == 0).toArray());
            load(warehouse, LongStream.range(0, 300).filter(i -> i % 3 == 1).toArray());
            deleteWhere(warehouse, id -> id % 10 == 0);
            TableSnapshot before = current(warehouse);
            assertEquals(300, storedRows(before));
            assertEquals(270, before.rowCount());
            assertTrue(SortedRegion.unsortedRows(before) > 0);

            TableVacuum.Result result = vacuum(warehouse, Mode.FULL, 100);
            assertEquals(30, result.reclaimedRows());
            assertEquals(270, result.sortedRows());
            TableSnapshot after = current(warehouse);
            assertEquals(270, storedRows(after));
            assertEquals(0, SortedRegion.unsortedRows(after));
            assertArrayEquals(LongStream.range(0, 300).filter(i -> i % 10 != 0).toArray(), sortedIds(after));
            assertSlicesSorted(after);
            for (int slice = 0; slice < after.sliceCount(); slice++) {
                List<RowGroup> rowGroups = after.rowGroups(slice);
                assertEquals(1, rowGroups.size(), "one merged row group per slice");
                assertEquals(null, rowGroups.getFirst().deletes());
            }
            // The reader that started before keeps its version's files and rows.
            assertEquals(270, before.rowCount());
            assertArrayEquals(LongStream.range(0, 300).filter(i -> i % 10 != 0).toArray(), sortedIds(before));
        }
    }

    @Test
    void deleteOnlyRewritesRowGroupsInPlaceAndSortOnlyLeavesDeletedRows() {
        try (Warehouse warehouse = withTable(LocalWarehouse.inMemory(1))) {
            load(warehouse, 5, 6, 7, 8);
            load(warehouse, 1, 2, 3, 4);
            deleteWhere(warehouse, id -> id == 2 || id == 6);
            long unsorted = SortedRegion.unsortedRows(current(warehouse));
            assertEquals(4, unsorted);

            TableVacuum.Result deleteOnly = vacuum(warehouse, Mode.DELETE_ONLY, 100);
            assertEquals(2, deleteOnly.reclaimedRows());
            assertEquals(0, deleteOnly.sortedRows());
            TableSnapshot afterDelete = current(warehouse);
            assertEquals(6, storedRows(afterDelete));
            assertEquals(2, afterDelete.rowGroups(0).size());
            assertEquals(3, SortedRegion.unsortedRows(afterDelete), "the appended run stays unsorted");

            deleteWhere(warehouse, id -> id == 7);
            TableVacuum.Result sortOnly = vacuum(warehouse, Mode.SORT_ONLY, 100);
            assertEquals(5, sortOnly.sortedRows());
            TableSnapshot sorted = current(warehouse);
            assertEquals(0, SortedRegion.unsortedRows(sorted));
            assertEquals(List.of(1L, 3L, 4L, 5L, 8L),
                    readSlice(sorted, 0).stream().map(row -> (Long) row.getFirst()).toList());

            // Sorted already: SORT ONLY has nothing to do and leaves a new delete where it is.
            deleteWhere(warehouse, id -> id == 8);
            TableVacuum.Result nothing = vacuum(warehouse, Mode.SORT_ONLY, 100);
            assertFalse(nothing.changed());
            assertEquals(5, storedRows(current(warehouse)));
        }
    }

    @Test
    void thresholdsSkipPhasesForTablesThatAreSortedOrLiveEnough() {
        try (Warehouse warehouse = withTable(LocalWarehouse.inMemory(1))) {
            load(warehouse, range(10, 30));
            load(warehouse, 1); // 1 of 21 rows unsorted: 95.2% sorted
            assertFalse(vacuum(warehouse, Mode.FULL, 95).changed());
            assertEquals(1, SortedRegion.unsortedRows(current(warehouse)));
            assertTrue(vacuum(warehouse, Mode.FULL, 96).changed());
            assertEquals(0, SortedRegion.unsortedRows(current(warehouse)));

            deleteWhere(warehouse, id -> id == 10); // 20 of 21 rows live: 95.2%
            assertFalse(vacuum(warehouse, Mode.DELETE_ONLY, 95).changed());
            TableVacuum.Result reclaimed = vacuum(warehouse, Mode.DELETE_ONLY, 96);
            assertEquals(1, reclaimed.reclaimedRows());
            assertEquals(20, storedRows(current(warehouse)));
        }
    }

    @Test
    void aVacuumThatFailsAtAnyStepLeavesTheOldVersion() {
        FailingFileStore store = new FailingFileStore(new InMemoryFileStore());
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            withTable(warehouse);
            load(warehouse, 40, 41, 42, 43);
            load(warehouse, range(0, 40));
            deleteWhere(warehouse, id -> id % 3 == 0);
            long[] expected = LongStream.range(0, 44).filter(i -> i % 3 != 0).toArray();
            int failures = 0;
            for (int n = 1; n < 100; n++) {
                long version = warehouse.snapshot().version();
                store.failCall(n);
                try {
                    vacuum(warehouse, Mode.FULL, 100);
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
                assertEquals(44, storedRows(current(warehouse)));
                assertArrayEquals(expected, sortedIds(current(warehouse)));
            }
            assertTrue(failures >= 3, "only " + failures + " steps failed");
            assertEquals(expected.length, storedRows(current(warehouse)));
            assertEquals(0, SortedRegion.unsortedRows(current(warehouse)));
            warehouse.collectGarbage();
            assertArrayEquals(expected, sortedIds(current(warehouse)));
        }
    }

    @Test
    void aVacuumLosesToAConcurrentDeleteWithASerializationFailure() {
        try (Warehouse warehouse = withTable(LocalWarehouse.inMemory(1))) {
            load(warehouse, 3, 4);
            load(warehouse, 1, 2);
            try (Transaction vacuum = warehouse.begin();
                 BufferAllocator allocator = BufferAllocator.unlimited("vacuum test")) {
                vacuum.vacuum("public", "t", new VacuumOptions(Mode.FULL, 100), allocator);
                deleteWhere(warehouse, id -> id == 1);
                CepheidException e = assertThrows(CepheidException.class, vacuum::commit);
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
            }
            assertArrayEquals(new long[] {2, 3, 4}, sortedIds(current(warehouse)));
        }
    }

    @Test
    void theManifestKeepsTheSortedRunMark() {
        RowGroupRef first = new RowGroupRef("a.rg", 10);
        RowGroupRef next = new RowGroupRef("b.rg", 10, "b.dv", 2, true);
        TableManifest manifest = new TableManifest(DistStyle.EVEN,
                List.of(List.of(first, next)));
        byte[] json = CatalogCodec.encodeManifest(manifest);
        assertEquals(manifest, CatalogCodec.decodeManifest(json, "m"));
        String text = new String(json, StandardCharsets.UTF_8);
        assertEquals(1, text.split("sortedRun", -1).length - 1, text);
    }

    @Test
    void anInterleavedTableIsUnsortedAfterItsFirstRowGroupUntilVacuum(@TempDir Path directory) {
        TableDefinition interleaved = new TableDefinition("public", "t", T.columns(), DistStyle.EVEN,
                TableDefinition.NO_DIST_KEY, SortStyle.INTERLEAVED, List.of(0), List.of());
        try (LocalWarehouse warehouse = LocalWarehouse.open(directory, 1)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(interleaved);
                transaction.commit();
            }
            load(warehouse, 1, 2);
            load(warehouse, 3, 4);
            // Zone maps do not count for an interleaved key: the second row group is unsorted until VACUUM.
            assertEquals(2, SortedRegion.unsortedRows(current(warehouse)));
            vacuum(warehouse, Mode.FULL, 100);
            assertEquals(0, SortedRegion.unsortedRows(current(warehouse)));
        }
        try (LocalWarehouse reopened = LocalWarehouse.open(directory, 1)) {
            assertEquals(0, SortedRegion.unsortedRows(current(reopened)));
            assertArrayEquals(new long[] {1, 2, 3, 4}, sortedIds(current(reopened)));
        }
    }
}
