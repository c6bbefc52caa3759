package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.MergeSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merge of per-slice sorted streams over a fake table of four slices, against one sort of all rows. */
class MergeOperatorTest {
    private static final int SLICES = 4;
    private static final List<SqlType> TYPES = HashAggregateOperatorTest.TYPES;
    private static final FakeCatalog CATALOG;
    /** Every column a key (mixed directions and null placement), so the order is total and comparable. */
    private static final List<SortKey> KEYS = List.of(new SortKey(1, false, false), new SortKey(0, true, true),
            new SortKey(2, false, true), new SortKey(3, true, false), new SortKey(4, false, false), new SortKey(5, false, false));

    static {
        List<List<List<Object>>> sliceRows = new ArrayList<>();
        for (int s = 0; s < SLICES; s++) {
            // 5,000 rows a slice: each slice's sorted stream and the merged output span several batches.
            sliceRows.add(HashAggregateOperatorTest.randomRows(5000, 300 + s));
        }
        CATALOG = new FakeCatalog().add("t", TYPES, sliceRows, 1024);
    }

    private static ScanSpec scan() {
        return new ScanSpec("public", "t", List.of(0, 1, 2, 3, 4, 5), TYPES, null);
    }

    private static PlanSpec merged(PlanSpec perSlice, long perSliceLimit) {
        return new MergeSpec(new GatherSpec(new SortSpec(perSlice, KEYS, 0, perSliceLimit)), KEYS);
    }

    @Test
    void mergedStreamsEqualOneSortOfEverything() {
        List<List<Object>> expected = run(new SortSpec(new GatherSpec(scan()), KEYS, 0, SortSpec.NO_LIMIT), CATALOG, SLICES);
        assertEquals(20_000, expected.size());
        assertEquals(expected, run(merged(scan(), SortSpec.NO_LIMIT), CATALOG, SLICES));
    }

    @Test
    void perSliceTopNThenLimitEqualsTopNOfEverything() {
        List<List<Object>> expected = run(new SortSpec(new GatherSpec(scan()), KEYS, 4090, 20), CATALOG, SLICES);
        assertEquals(expected, run(new LimitSpec(merged(scan(), 4110), 4090, 20), CATALOG, SLICES));
    }

    @Test
    void closingEarlyFreesEverything() {
        try (BufferAllocator allocator = BufferAllocator.unlimited("merge-test")) {
            Operator merge = Operators.create(merged(scan(), SortSpec.NO_LIMIT), context(allocator, CATALOG, SLICES));
            try (Batch first = merge.next()) {
                assertTrue(first.size() > 0);
            }
            merge.close();
            merge.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void aSliceFailureReachesTheConsumerWithItsCode() {
        // 10 / (v - v) divides by zero in every slice.
        var failing = new ProjectSpec(scan(), List.of(ref(0, SqlType.INTEGER), ref(1, TYPES.get(1)),
                call(Function.DIVIDE, SqlType.BIGINT, lit(10L, SqlType.BIGINT),
                        call(Function.SUBTRACT, SqlType.BIGINT, ref(2, SqlType.BIGINT), ref(2, SqlType.BIGINT))),
                ref(3, TYPES.get(3)), ref(4, SqlType.DOUBLE), ref(5, TYPES.get(5))));
        try (BufferAllocator allocator = BufferAllocator.unlimited("merge-test")) {
            Operator merge = Operators.create(merged(failing, SortSpec.NO_LIMIT), context(allocator, CATALOG, SLICES));
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(merge));
            assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
            merge.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }
}
