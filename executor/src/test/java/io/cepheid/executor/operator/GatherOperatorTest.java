package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.ScanSpec;
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
import static io.cepheid.executor.operator.HashAggregateOperatorTest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gather over a fake table of four slices, run on a real thread pool. */
class GatherOperatorTest {
    private static final int SLICES = 4;
    private static final List<SqlType> TYPES = HashAggregateOperatorTest.TYPES;
    private static final List<List<List<Object>>> SLICE_ROWS = new ArrayList<>();
    private static final FakeCatalog CATALOG;

    static {
        for (int s = 0; s < SLICES; s++) {
            SLICE_ROWS.add(HashAggregateOperatorTest.randomRows(2500, 100 + s));
        }
        CATALOG = new FakeCatalog().add("t", TYPES, SLICE_ROWS, 1024);
    }

    private static ScanSpec scan() {
        return new ScanSpec("public", "t", List.of(0, 1, 2, 3, 4, 5), TYPES, null);
    }

    private static List<List<Object>> allRows() {
        return SLICE_ROWS.stream().flatMap(List::stream).toList();
    }

    @Test
    void gathersEverySlice() {
        assertEquals(sorted(allRows()), sorted(run(new GatherSpec(scan()), CATALOG, SLICES)));
    }

    @Test
    void partialAggregatesPerSliceThenFinalMatchesReference() {
        var partial = HashAggregateOperatorTest.aggregate(scan(), List.of(0, 1), AggregateMode.PARTIAL);
        var plan = new AggregateSpec(new GatherSpec(partial), List.of(0, 1), HashAggregateOperatorTest.CALLS, AggregateMode.FINAL);
        assertEquals(HashAggregateOperatorTest.reference(allRows(), List.of(0, 1), false), sorted(run(plan, CATALOG, SLICES)));
    }

    @Test
    void firstErrorReachesTheConsumerWithItsCode() {
        // 10 / (v - v) divides by zero in every slice.
        var failing = new ProjectSpec(scan(), List.of(call(Function.DIVIDE, SqlType.BIGINT, lit(10L, SqlType.BIGINT),
                call(Function.SUBTRACT, SqlType.BIGINT, ref(2, SqlType.BIGINT), ref(2, SqlType.BIGINT)))));
        try (BufferAllocator allocator = BufferAllocator.unlimited("gather-test")) {
            Operator gather = Operators.create(new GatherSpec(failing), context(allocator, CATALOG, SLICES));
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(gather));
            assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
            gather.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void cancellationStopsEverySliceMidJoinAndFreesItsMemory() {
        // Each slice joins its 2 500 rows with themselves: 25 million rows in all, far more than the test reads.
        var crossJoin = new NestedLoopJoinSpec(scan(), scan(), JoinKind.INNER, null);
        QueryCancellation cancellation = new QueryCancellation();
        try (BufferAllocator allocator = BufferAllocator.unlimited("gather-test")) {
            Operator gather = Operators.create(new GatherSpec(crossJoin),
                    context(allocator, CATALOG, SLICES).withCancellation(cancellation));
            gather.next().close();
            cancellation.cancel(QueryCancellation.Reason.STATEMENT_TIMEOUT);
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.drain(gather, Batch::close));
            assertEquals(ErrorCode.QUERY_CANCELED, e.code());
            assertTrue(e.getMessage().contains("canceling statement due to statement timeout"), e.getMessage());
            gather.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }

    @Test
    void closingEarlyStopsProducersAndFreesQueuedBatches() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (BufferAllocator allocator = BufferAllocator.unlimited("gather-test")) {
                Operator gather = Operators.create(new GatherSpec(scan()), context(allocator, CATALOG, SLICES));
                try (Batch first = gather.next()) {
                    assertEquals(true, first.size() > 0);
                }
                gather.close();
                gather.close();
                assertEquals(0, allocator.allocatedBytes());
            }
        }
        assertEquals(7, run(new LimitSpec(new GatherSpec(new FilterSpec(scan(), lit(true, SqlType.BOOLEAN))), 3, 7),
                CATALOG, SLICES).size());
    }

    @Test
    void originalExceptionInstanceIsRethrown() {
        CepheidException boom = new CepheidException(ErrorCode.IO_ERROR, "disk on fire");
        var catalog = new FakeCatalog() {
            @Override
            public java.util.Optional<io.cepheid.storage.table.TableSnapshot> table(String schema, String name) {
                throw boom;
            }
        };
        try (BufferAllocator allocator = BufferAllocator.unlimited("gather-test")) {
            Operator gather = Operators.create(new GatherSpec(scan()), context(allocator, catalog, SLICES));
            assertSame(boom, assertThrows(CepheidException.class, gather::next));
            gather.close();
        }
    }
}
