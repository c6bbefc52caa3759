package io.cepheid.executor.spill;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpillFileTest {
    private static final List<SqlType> TYPES = List.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT,
            new SqlType.DecimalType(38, 2), SqlType.DOUBLE, SqlType.BOOLEAN, SqlType.VARCHAR, new SqlType.CharType(3));

    @Test
    void rowsComeBackAsWrittenWithNullsSelectionsAndOddLengths() {
        Random random = new Random(42);
        try (BufferAllocator allocator = new BufferAllocator("spill-test", 64L << 20)) {
            List<List<Object>> expected = new ArrayList<>();
            try (SpillFile file = new SpillFile(allocator, TYPES, 100)) {
                for (int size : new int[] {0, 1, 99, 100, 101, 517, 4096}) {
                    try (Batch batch = randomBatch(allocator, size, random)) {
                        if (size > 3 && random.nextBoolean()) {
                            int[] selection = java.util.stream.IntStream.range(0, size).filter(i -> i % 3 != 1).toArray();
                            batch.setSelection(selection, selection.length);
                        }
                        for (int i = 0; i < batch.size(); i++) {
                            expected.add(row(batch, batch.row(i)));
                        }
                        file.append(batch);
                    }
                }
                assertEquals(expected.size(), file.rowCount());
                // Read twice: a file can be re-read, e.g. by a join probing it again.
                for (int pass = 0; pass < 2; pass++) {
                    List<List<Object>> actual = readAll(file.read());
                    assertEquals(expected, actual);
                }
                assertTrue(file.bytesWritten() > 0);
            }
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void partitionsKeepEqualHashesTogetherAndLoseNothing() {
        Random random = new Random(7);
        try (BufferAllocator allocator = new BufferAllocator("spill-test", 64L << 20)) {
            List<List<Object>> all = new ArrayList<>();
            List<List<Object>> readBack = new ArrayList<>();
            try (SpillPartitions partitions = new SpillPartitions(allocator, TYPES, 1);
                 Batch batch = randomBatch(allocator, 3000, random)) {
                long[] hashes = new long[batch.size()];
                boolean[] include = new boolean[batch.size()];
                for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = batch.column(2).isNull(i) ? 0 : batch.column(2).getLong(i) * 0x9E3779B97F4A7C15L;
                    include[i] = i % 5 != 0;
                    if (include[i]) {
                        all.add(row(batch, i));
                    }
                }
                partitions.add(batch, hashes, include);
                for (int p = 0; p < SpillPolicy.PARTITIONS; p++) {
                    SpillFile file = partitions.file(p);
                    if (file == null) {
                        continue;
                    }
                    for (List<Object> row : readAll(file.read())) {
                        long hash = row.get(2) == null ? 0 : (Long) row.get(2) * 0x9E3779B97F4A7C15L;
                        assertEquals(p, SpillPolicy.partition(hash, 1));
                        readBack.add(row);
                    }
                    partitions.closePartition(p);
                }
            }
            assertEquals(sorted(all), sorted(readBack));
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void emptyFileReadsNothing() {
        try (BufferAllocator allocator = new BufferAllocator("spill-test", 1 << 20);
             SpillFile file = new SpillFile(allocator, TYPES)) {
            assertNull(file.read().next());
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> a.toString().compareTo(b.toString()));
        return copy;
    }

    private static List<List<Object>> readAll(SpillFile.Reader reader) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
            try (Batch owned = batch) {
                for (int i = 0; i < owned.size(); i++) {
                    rows.add(row(owned, owned.row(i)));
                }
            }
        }
        return rows;
    }

    private static List<Object> row(Batch batch, int row) {
        List<Object> values = new ArrayList<>();
        for (ColumnVector column : batch.columns()) {
            values.add(column.getObject(row));
        }
        return values;
    }

    private static Batch randomBatch(BufferAllocator allocator, int size, Random random) {
        ColumnVector[] columns = new ColumnVector[TYPES.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ColumnVector.allocate(allocator, TYPES.get(c), Math.max(size, 1));
        }
        for (int r = 0; r < size; r++) {
            int i = r;
            boolean nulls = i % 7 == 3;
            set(columns[0], i, nulls, () -> columns[0].setShort(i, (short) random.nextInt()));
            set(columns[1], i, false, () -> columns[1].setInt(i, random.nextInt()));
            set(columns[2], i, nulls, () -> columns[2].setLong(i, random.nextInt(50)));
            set(columns[3], i, nulls, () -> columns[3].setInt128(i, random.nextLong(), random.nextLong()));
            set(columns[4], i, nulls, () -> columns[4].setDouble(i, random.nextGaussian()));
            set(columns[5], i, nulls, () -> columns[5].setBoolean(i, random.nextBoolean()));
            char[] text = new char[random.nextInt(40)];
            Arrays.fill(text, (char) ('a' + random.nextInt(26)));
            set(columns[6], i, nulls, () -> columns[6].setString(i, new String(text) + "é"));
            set(columns[7], i, i % 2 == 0, () -> columns[7].setString(i, "ab" + (i % 10)));
        }
        return new Batch(columns, size);
    }

    private static void set(ColumnVector column, int row, boolean isNull, Runnable setter) {
        if (isNull) {
            column.setNull(row);
        } else {
            setter.run();
        }
    }
}
