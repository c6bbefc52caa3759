package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScanOperatorTest {
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, varchar(10), SqlType.DOUBLE, SqlType.INTEGER);

    private static final FakeCatalog CATALOG = buildCatalog();

    private static FakeCatalog catalog() {
        return CATALOG;
    }

    /** Two slices of 5000 rows each, row groups of 1000 rows; id ascends so zone maps are tight. */
    private static FakeCatalog buildCatalog() {
        List<List<List<Object>>> slices = new ArrayList<>();
        for (int slice = 0; slice < 2; slice++) {
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 5000; i++) {
                long id = slice * 5000 + i;
                rows.add(row(id, "k" + (id / 1000), id / 10.0, id % 3 == 0 ? null : id % 100));
            }
            slices.add(rows);
        }
        return new FakeCatalog().add("t", TYPES, slices, 1000);
    }

    private record Result(List<List<Object>> rows, ScanMetrics metrics) {
    }

    private static Result scan(List<Integer> columns, ExprSpec filter, int slice) {
        List<SqlType> types = columns.stream().map(TYPES::get).toList();
        try (BufferAllocator allocator = BufferAllocator.unlimited("scan-test")) {
            ExecutionContext context = context(allocator, catalog(), 2).forSlice(slice);
            ScanOperator scan = (ScanOperator) Operators.create(new ScanSpec("public", "t", columns, types, filter), context);
            List<List<Object>> rows = Operators.collectRows(scan);
            assertEquals(0, allocator.allocatedBytes());
            return new Result(rows, scan.metrics());
        }
    }

    @Test
    void readsAllSlicesAndOnlyRequestedColumns() {
        Result result = scan(List.of(3, 0), null, ExecutionContext.ALL_SLICES);
        assertEquals(10_000, result.rows().size());
        assertEquals(row(null, 0L), result.rows().get(0));
        assertEquals(row(1L, 1L), result.rows().get(1));
        assertEquals(new ScanMetrics(10, 0, 10_000, 10_000, 20, 0), result.metrics());
    }

    @Test
    void readsOneSlice() {
        Result result = scan(List.of(0), null, 1);
        assertEquals(5000, result.rows().size());
        assertEquals(5000L, result.rows().get(0).get(0));
    }

    @Test
    void zoneMapsSkipRowGroupsAndFilterAppliesToTheRest() {
        ExprSpec filter = call(Function.AND, SqlType.BOOLEAN,
                call(Function.GE, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(2500L, SqlType.BIGINT)),
                call(Function.LT, SqlType.BOOLEAN, lit(3100L, SqlType.BIGINT), ref(0, SqlType.BIGINT)).equals(null) ? null
                        : call(Function.GT, SqlType.BOOLEAN, lit(3100L, SqlType.BIGINT), ref(0, SqlType.BIGINT)));
        Result result = scan(List.of(0, 1), filter, ExecutionContext.ALL_SLICES);
        assertEquals(600, result.rows().size());
        assertEquals(2500L, result.rows().get(0).get(0));
        assertEquals(3099L, result.rows().getLast().get(0));
        // Row groups [2000,3000) and [3000,4000) are read; the other 8 are skipped by their zone maps.
        assertEquals(2, result.metrics().rowGroupsRead());
        assertEquals(8, result.metrics().rowGroupsSkipped());
    }

    @Test
    void stringAndDoubleZoneMaps() {
        ExprSpec byName = call(Function.EQ, SqlType.BOOLEAN, ref(0, varchar(10)), lit("k7", varchar(10)));
        Result names = scan(List.of(1), byName, ExecutionContext.ALL_SLICES);
        assertEquals(1000, names.rows().size());
        assertEquals(1, names.metrics().rowGroupsRead());
        ExprSpec byDouble = call(Function.LE, SqlType.BOOLEAN, ref(0, SqlType.DOUBLE), lit(99.95, SqlType.DOUBLE));
        Result doubles = scan(List.of(2), byDouble, ExecutionContext.ALL_SLICES);
        assertEquals(1000, doubles.rows().size());
        assertEquals(1, doubles.metrics().rowGroupsRead());
    }

    @Test
    void nullTestsUseNullCounts() {
        // Column 3 has nulls in every row group, so IS NULL prunes nothing; IS NOT NULL neither.
        Result nulls = scan(List.of(3), call(Function.IS_NULL, SqlType.BOOLEAN, ref(0, SqlType.INTEGER)), ExecutionContext.ALL_SLICES);
        assertEquals(3334, nulls.rows().size());
        assertEquals(0, nulls.metrics().rowGroupsSkipped());
        // Column 0 has no nulls: IS NULL skips everything without decoding.
        Result none = scan(List.of(0), call(Function.IS_NULL, SqlType.BOOLEAN, ref(0, SqlType.BIGINT)), ExecutionContext.ALL_SLICES);
        assertEquals(0, none.rows().size());
        assertEquals(new ScanMetrics(0, 10, 0, 0, 0, 10), none.metrics());
    }

    @Test
    void dateAndDecimalColumnsPruneAndFilterThroughKernels() {
        List<SqlType> types = List.of(SqlType.DATE, new SqlType.DecimalType(10, 2));
        List<List<Object>> rows = new ArrayList<>();
        for (long day = 0; day < 3000; day++) {
            rows.add(row(19_000 + day, day * 150));
        }
        FakeCatalog catalog = new FakeCatalog().add("d", types, List.of(rows), 500);
        // date >= 19000 + 2600 AND amount < 4400.00: the literal is DECIMAL(12,2), the column DECIMAL(10,2).
        ExprSpec filter = call(Function.AND, SqlType.BOOLEAN,
                call(Function.GE, SqlType.BOOLEAN, ref(0, SqlType.DATE), lit(21_600L, SqlType.DATE)),
                call(Function.LT, SqlType.BOOLEAN, ref(1, new SqlType.DecimalType(10, 2)), lit(440_000L, new SqlType.DecimalType(12, 2))));
        try (BufferAllocator allocator = BufferAllocator.unlimited("scan-test")) {
            ScanOperator scan = (ScanOperator) Operators.create(new ScanSpec("public", "d", List.of(0, 1), types, filter),
                    context(allocator, catalog, 1));
            List<List<Object>> result = Operators.collectRows(scan);
            // 2600 <= day < 440000 / 150 = 2933.33: days 2600..2933.
            assertEquals(334, result.size());
            assertEquals(row(21_600L, 390_000L), result.getFirst());
            assertEquals(1, scan.metrics().rowGroupsRead());
            assertEquals(5, scan.metrics().rowGroupsSkipped());
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void unknownTableIsAnError() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("scan-test")) {
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.create(
                    new ScanSpec("public", "missing", List.of(0), List.of(SqlType.BIGINT), null), context(allocator, catalog(), 2)));
            assertEquals(ErrorCode.UNDEFINED_TABLE, e.code());
        }
    }
}
