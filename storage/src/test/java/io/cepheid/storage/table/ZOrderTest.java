package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.catalog.Warehouse;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.encoding.ZoneMap;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Z-order keys of INTERLEAVED sort keys, the run merge of VACUUM, and the pruning z-order buys. */
class ZOrderTest {
    private static ColumnVector longs(BufferAllocator allocator, Long... values) {
        ColumnVector vector = ColumnVector.allocate(allocator, SqlType.BIGINT, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                vector.setNull(i);
            } else {
                vector.setLongValue(i, values[i]);
            }
        }
        return vector;
    }

    @Test
    void ranksPreserveOrderPutNullsLastAndFillTheColumnsBits() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("z test");
             ColumnVector column = longs(allocator, 500L, null, -7L, 500L, 1_000_000L)) {
            // Distinct ranks: -7 -> 0, 500 -> 1, 1,000,000 -> 2, NULL -> 3; four ranks fill 2 bits, stretched to 4.
            assertArrayEquals(new long[] {4, 12, 0, 4, 8}, ZOrder.scaledRanks(column, 5, 4));
            // Squeezed into 1 bit: order is kept, equal values stay equal.
            assertArrayEquals(new long[] {0, 1, 0, 0, 1}, ZOrder.scaledRanks(column, 5, 1));
        }
    }

    @Test
    void keysInterleaveTheColumnsBitsFirstColumnFirst() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("z test");
             ColumnVector a = longs(allocator, 0L, 1L, 2L, 3L, 0L, 3L);
             ColumnVector b = longs(allocator, 0L, 0L, 0L, 0L, 3L, 3L)) {
            // 2 columns get 31 bits each; a's rank 0..3 and b's rank 0..1 (values 0 and 3) are stretched to the
            // top of those bits. Morton order on the top bits: (a, b) = (0,0) < (1,0) < (0,3) < (2,0) < (3,0) < (3,3).
            long[] keys = ZOrder.keys(new ColumnVector[] {a, b}, 6);
            int[] order = RowGroupSorter.sortedOrder(new ColumnVector[] {a, b}, 6, List.of(0, 1), SortStyle.INTERLEAVED);
            assertArrayEquals(new int[] {0, 1, 4, 2, 3, 5}, order);
            for (long key : keys) {
                assertTrue(key >= 0);
            }
            long aTop = 1L << 61; // 2 x 31 bits: a's top bit is the key's top bit, bit 61
            assertEquals(aTop, keys[2] & aTop);
            assertEquals(0, keys[4] & aTop);
        }
    }

    @Test
    void mergingSortedRunsGivesTheCompoundOrder() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("merge test");
             ColumnVector key = longs(allocator, 1L, 4L, 9L, null, 0L, 4L, 5L, 2L, 3L, 10L, null)) {
            // Runs [0,4), [4,7), [7,8), [8,11), each ascending with NULLs last; equal keys keep run order.
            int[] order = RowGroupSorter.mergeRuns(new ColumnVector[] {key}, 11, List.of(0), new int[] {0, 4, 7, 8});
            assertArrayEquals(new int[] {4, 0, 7, 8, 1, 5, 6, 2, 9, 3, 10}, order);
        }
    }

    /**
     * A 512 x 512 grid of (a, b), loaded in (a, b) order into 4 row groups (each a quarter of a, all of b),
     * then VACUUM REINDEXed: with a COMPOUND key each row group still covers a quarter of a and all of b, so a
     * predicate on b reads every row group; with an INTERLEAVED key the slice is re-sorted by z-order and
     * each row group covers a quadrant, so the same predicate skips half of them.
     */
    @Test
    void interleavedRowGroupsPruneOnTheSecondSortColumnWhereCompoundOnesCannot() {
        assertEquals(4, rowGroupsMatchingSecondColumn(SortStyle.COMPOUND));
        assertEquals(2, rowGroupsMatchingSecondColumn(SortStyle.INTERLEAVED));
    }

    /** RAW, so the test spends its time sorting rather than trying encodings. */
    private static ColumnDefinition raw(String name) {
        return new ColumnDefinition(name, SqlType.BIGINT, true, Encoding.RAW, null);
    }

    private static int rowGroupsMatchingSecondColumn(SortStyle style) {
        TableDefinition definition = new TableDefinition("public", "grid",
                List.of(raw("a"), raw("b")), DistStyle.EVEN,
                TableDefinition.NO_DIST_KEY, style, List.of(0, 1), List.of());
        int side = 512;
        int rowCount = side * side;
        try (Warehouse warehouse = LocalWarehouse.inMemory(1)) {
            try (Transaction transaction = warehouse.begin();
                 BufferAllocator allocator = BufferAllocator.unlimited("grid")) {
                transaction.createTable(definition);
                ColumnVector a = ColumnVector.allocate(allocator, SqlType.BIGINT, rowCount);
                ColumnVector b = ColumnVector.allocate(allocator, SqlType.BIGINT, rowCount);
                for (int i = 0; i < rowCount; i++) {
                    a.setLongValue(i, i / side);
                    b.setLongValue(i, i % side);
                }
                try (Batch batch = new Batch(new ColumnVector[] {a, b}, rowCount)) {
                    transaction.appender("public", "grid").append(batch);
                }
                transaction.commit();
            }
            try (Transaction transaction = warehouse.begin();
                 BufferAllocator allocator = BufferAllocator.unlimited("vacuum")) {
                transaction.vacuum("public", "grid", new VacuumOptions(VacuumOptions.Mode.REINDEX, 100), allocator);
                transaction.commit();
            }
            TableSnapshot table = warehouse.snapshot().table("public", "grid").orElseThrow();
            List<RowGroup> rowGroups = table.rowGroups(0);
            assertEquals(4, rowGroups.size());
            assertEquals(0, SortedRegion.unsortedRows(table));
            long probe = 100;
            int matching = 0;
            for (RowGroup rowGroup : rowGroups) {
                ZoneMap.LongRange range = (ZoneMap.LongRange) rowGroup.header(1).zoneMap();
                if (range.min() <= probe && probe <= range.max()) {
                    matching++;
                }
            }
            return matching;
        }
    }
}
