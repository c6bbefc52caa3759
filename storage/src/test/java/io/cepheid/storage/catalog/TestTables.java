package io.cepheid.storage.catalog;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.DeleteVector;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.RowId;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/** Builds table definitions and batches and reads tables back as plain rows, for storage tests. */
public final class TestTables {
    private TestTables() {
    }

    public static ColumnDefinition column(String name, SqlType type) {
        return new ColumnDefinition(name, type, true, null, null);
    }

    public static ColumnDefinition notNull(String name, SqlType type) {
        return new ColumnDefinition(name, type, false, null, null);
    }

    public static TableDefinition table(String schema, String name, DistStyle distStyle, int distKey,
            List<Integer> sortKey, ColumnDefinition... columns) {
        return new TableDefinition(schema, name, List.of(columns), distStyle, distKey,
                sortKey.isEmpty() ? SortStyle.NONE : SortStyle.COMPOUND, sortKey, List.of());
    }

    /** An EVEN table {@code (id bigint, name varchar(20))} without a sort key. */
    public static TableDefinition simple(String schema, String name) {
        return table(schema, name, DistStyle.EVEN, TableDefinition.NO_DIST_KEY, List.of(),
                column("id", SqlType.BIGINT), column("name", new SqlType.VarcharType(20)));
    }

    /** A batch holding {@code rows} (Long, Integer, Double, Boolean, String or null per value). */
    public static Batch batch(BufferAllocator allocator, TableDefinition definition, List<Object[]> rows) {
        ColumnVector[] columns = new ColumnVector[definition.columns().size()];
        for (int c = 0; c < columns.length; c++) {
            SqlType type = definition.columns().get(c).type();
            columns[c] = ColumnVector.allocate(allocator, type, Math.max(rows.size(), 1));
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r)[c];
                if (value == null) {
                    columns[c].setNull(r);
                } else {
                    switch (type.physicalType()) {
                        case INT16, INT32, INT64 -> columns[c].setLongValue(r, ((Number) value).longValue());
                        case FLOAT32 -> columns[c].setFloat(r, ((Number) value).floatValue());
                        case FLOAT64 -> columns[c].setDouble(r, ((Number) value).doubleValue());
                        case BOOLEAN -> columns[c].setBoolean(r, (Boolean) value);
                        case VARIABLE -> columns[c].setString(r, (String) value);
                    }
                }
            }
        }
        return new Batch(columns, rows.size());
    }

    /** Appends rows through a batch that is closed afterwards. */
    public static void append(Transaction transaction, TableDefinition definition, List<Object[]> rows) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("test batch")) {
            try (Batch batch = batch(allocator, definition, rows)) {
                transaction.appender(definition.schema(), definition.name()).append(batch);
            }
        }
    }

    public static List<Object[]> rows(long from, long to) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = from; i < to; i++) {
            rows.add(new Object[] {i, "name" + i});
        }
        return rows;
    }

    /** Every live (not deleted) row of one slice's row groups, in storage order, each as a list of Java values. */
    public static List<List<Object>> readSlice(TableSnapshot table, int slice) {
        List<List<Object>> result = new ArrayList<>();
        List<ColumnDefinition> columns = table.definition().columns();
        try (BufferAllocator allocator = BufferAllocator.unlimited("test read")) {
            for (RowGroup rowGroup : table.rowGroups(slice)) {
                List<List<Object>> groupRows = new ArrayList<>();
                for (int r = 0; r < rowGroup.rowCount(); r++) {
                    groupRows.add(new ArrayList<>());
                }
                for (int c = 0; c < columns.size(); c++) {
                    try (ColumnVector vector = ColumnVector.allocate(allocator, columns.get(c).type(), rowGroup.rowCount())) {
                        rowGroup.decode(c, vector);
                        for (int r = 0; r < rowGroup.rowCount(); r++) {
                            groupRows.get(r).add(vector.getObject(r));
                        }
                    }
                }
                DeleteVector deletes = rowGroup.deletes();
                for (int r = 0; r < groupRows.size(); r++) {
                    if (deletes == null || !deletes.isDeleted(r)) {
                        result.add(groupRows.get(r));
                    }
                }
            }
        }
        return result;
    }

    /** The {@link RowId}s of the live rows whose id (first column) passes {@code test}. */
    public static long[] rowIdsWhere(TableSnapshot table, LongPredicate test) {
        List<Long> ids = new ArrayList<>();
        try (BufferAllocator allocator = BufferAllocator.unlimited("test row ids")) {
            for (int slice = 0; slice < table.sliceCount(); slice++) {
                List<RowGroup> rowGroups = table.rowGroups(slice);
                for (int g = 0; g < rowGroups.size(); g++) {
                    RowGroup rowGroup = rowGroups.get(g);
                    DeleteVector deletes = rowGroup.deletes();
                    try (ColumnVector vector = ColumnVector.allocate(allocator, table.definition().columns().getFirst().type(),
                            rowGroup.rowCount())) {
                        rowGroup.decode(0, vector);
                        for (int r = 0; r < rowGroup.rowCount(); r++) {
                            if ((deletes == null || !deletes.isDeleted(r)) && test.test(vector.getLong(r))) {
                                ids.add(RowId.of(slice, g, r));
                            }
                        }
                    }
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every row of the table over all slices. */
    public static List<List<Object>> readAll(TableSnapshot table) {
        List<List<Object>> result = new ArrayList<>();
        for (int slice = 0; slice < table.sliceCount(); slice++) {
            result.addAll(readSlice(table, slice));
        }
        return result;
    }

    /** The ids (first column, as long) of every row, sorted. */
    public static long[] sortedIds(TableSnapshot table) {
        long[] ids = readAll(table).stream().mapToLong(row -> (Long) row.getFirst()).toArray();
        Arrays.sort(ids);
        return ids;
    }

    public static long[] range(long from, long to) {
        long[] values = new long[(int) (to - from)];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}
