package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.executor.fragment.ScanSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.DistributionHash;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.operator.HashAggregateOperatorTest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Broadcast and hash redistribution between the slices of a fragment, over random tables of four slices. */
class ExchangeOperatorTest {
    private static final int SLICES = 4;
    private static final List<SqlType> TYPES = List.of(SqlType.INTEGER, varchar(10), SqlType.BIGINT);
    private static final List<List<List<Object>>> BIG = randomSlices(1500, 1);
    private static final List<List<List<Object>>> SMALL = randomSlices(300, 2);
    /** SMALL's rows, placed on slices as a table with DISTKEY c0 stores them. */
    private static final List<List<List<Object>>> SMALL_BY_KEY = byKey(SMALL);
    private static final FakeCatalog CATALOG = new FakeCatalog()
            .add("big", TYPES, BIG, 512)
            .add("small", TYPES, SMALL, 100)
            .add("small_by_key", TYPES, SMALL_BY_KEY, 100);

    private static List<List<List<Object>>> randomSlices(int rowsPerSlice, long seed) {
        Random random = new Random(seed);
        List<List<List<Object>>> slices = new ArrayList<>();
        for (int s = 0; s < SLICES; s++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < rowsPerSlice; i++) {
                rows.add(row(random.nextInt(12) == 0 ? null : (long) random.nextInt(500),
                        random.nextInt(9) == 0 ? null : "v" + random.nextInt(10_000), random.nextLong()));
            }
            slices.add(rows);
        }
        return slices;
    }

    private static List<List<List<Object>>> byKey(List<List<List<Object>>> slices) {
        List<List<List<Object>>> placed = new ArrayList<>();
        for (int s = 0; s < SLICES; s++) {
            placed.add(new ArrayList<>());
        }
        for (List<Object> row : all(slices)) {
            long hash = row.getFirst() == null ? 0 : DistributionHash.hashLong((Long) row.getFirst());
            placed.get(DistributionHash.slice(hash, SLICES)).add(row);
        }
        return placed;
    }

    private static List<List<Object>> all(List<List<List<Object>>> slices) {
        return slices.stream().flatMap(List::stream).toList();
    }

    private static ScanSpec scan(String table) {
        return new ScanSpec("public", table, List.of(0, 1, 2), TYPES, null);
    }

    @Test
    void redistributionDeliversEveryRowExactlyOnce() {
        assertEquals(sorted(all(BIG)), sorted(run(new GatherSpec(new RedistributeSpec(scan("big"), 1)), CATALOG, SLICES)));
    }

    @Test
    void redistributionPutsEachKeyOnOneSlice() {
        // A per-slice count grouped by the key gives one row per key only if no key is split over slices.
        var counts = new AggregateSpec(new RedistributeSpec(scan("big"), 0), List.of(0),
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, -1, false, SqlType.BIGINT)), AggregateMode.SINGLE);
        List<List<Object>> perSlice = run(new GatherSpec(counts), CATALOG, SLICES);
        Map<Object, Long> expected = new HashMap<>();
        for (List<Object> row : all(BIG)) {
            expected.merge(String.valueOf(row.getFirst()), 1L, Long::sum);
        }
        Map<Object, Long> actual = new HashMap<>();
        for (List<Object> row : perSlice) {
            assertEquals(null, actual.put(String.valueOf(row.get(0)), (Long) row.get(1)), "key on two slices: " + row);
        }
        assertEquals(expected, actual);
    }

    @Test
    void broadcastGivesEverySliceEveryRow() {
        List<List<Object>> expected = new ArrayList<>();
        for (int s = 0; s < SLICES; s++) {
            expected.addAll(all(SMALL));
        }
        assertEquals(sorted(expected), sorted(run(new GatherSpec(new BroadcastSpec(scan("small"))), CATALOG, SLICES)));
    }

    @Test
    void joinsOverExchangesMatchTheReferenceJoin() {
        List<List<Object>> expected = sorted(referenceInnerJoin(all(BIG), all(SMALL)));
        PlanSpec broadcast = new HashJoinSpec(scan("big"), new BroadcastSpec(scan("small")), JoinKind.INNER,
                List.of(0), List.of(0), null);
        PlanSpec both = new HashJoinSpec(new RedistributeSpec(scan("big"), 0), new RedistributeSpec(scan("small"), 0),
                JoinKind.INNER, List.of(0), List.of(0), null);
        // Only the outer side moves: it lines up with the inner table stored on the key.
        PlanSpec outer = new HashJoinSpec(new RedistributeSpec(scan("big"), 0), scan("small_by_key"),
                JoinKind.INNER, List.of(0), List.of(0), null);
        assertEquals(expected, sorted(run(new GatherSpec(broadcast), CATALOG, SLICES)));
        assertEquals(expected, sorted(run(new GatherSpec(both), CATALOG, SLICES)));
        assertEquals(expected, sorted(run(new GatherSpec(outer), CATALOG, SLICES)));
        assertEquals(expected, sorted(run(both, CATALOG, SLICES)), "outside a fragment an exchange reads its input");
    }

    @Test
    void everyJoinKindOverExchangesMatchesTheJoinWithoutThem() {
        for (JoinKind kind : JoinKind.values()) {
            List<List<Object>> expected = sorted(run(join(scan("big"), scan("small"), kind), CATALOG, SLICES));
            PlanSpec both = join(new RedistributeSpec(scan("big"), 0), new RedistributeSpec(scan("small"), 0), kind);
            assertEquals(expected, sorted(run(new GatherSpec(both), CATALOG, SLICES)), kind + " over redistributed sides");
            if (kind != JoinKind.RIGHT && kind != JoinKind.FULL) {
                // A broadcast inner would emit its unmatched rows once per slice: only joins that never do get one.
                PlanSpec broadcast = join(scan("big"), new BroadcastSpec(scan("small")), kind);
                assertEquals(expected, sorted(run(new GatherSpec(broadcast), CATALOG, SLICES)), kind + " over a broadcast inner");
            }
        }
    }

    private static PlanSpec join(PlanSpec left, PlanSpec right, JoinKind kind) {
        return new HashJoinSpec(left, right, kind, List.of(0), List.of(0), null);
    }

    private static List<List<Object>> referenceInnerJoin(List<List<Object>> left, List<List<Object>> right) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> l : left) {
            for (List<Object> r : right) {
                if (l.getFirst() != null && l.getFirst().equals(r.getFirst())) {
                    List<Object> joined = new ArrayList<>(l);
                    joined.addAll(r);
                    rows.add(joined);
                }
            }
        }
        return rows;
    }

    @Test
    void producerErrorReachesTheConsumerAndNothingLeaks() {
        // 10 / (c2 - c2) divides by zero on every producer slice.
        var failing = new ProjectSpec(scan("big"), List.of(ref(0, SqlType.INTEGER), call(Function.DIVIDE, SqlType.BIGINT,
                lit(10L, SqlType.BIGINT), call(Function.SUBTRACT, SqlType.BIGINT, ref(2, SqlType.BIGINT), ref(2, SqlType.BIGINT)))));
        for (PlanSpec exchange : List.of(new RedistributeSpec(failing, 0), new BroadcastSpec(failing))) {
            try (BufferAllocator allocator = BufferAllocator.unlimited("exchange-test")) {
                Operator gather = Operators.create(new GatherSpec(exchange), context(allocator, CATALOG, SLICES));
                CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(gather));
                assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
                gather.close();
                assertEquals(0, allocator.allocatedBytes());
            }
        }
    }

    @Test
    void closingEarlyFreesExchangedRows() {
        for (PlanSpec exchange : List.of(new RedistributeSpec(scan("big"), 0), new BroadcastSpec(scan("big")))) {
            try (BufferAllocator allocator = BufferAllocator.unlimited("exchange-test")) {
                Operator gather = Operators.create(new GatherSpec(exchange), context(allocator, CATALOG, SLICES));
                try (Batch first = gather.next()) {
                    assertEquals(true, first.size() > 0);
                }
                gather.close();
                assertEquals(0, allocator.allocatedBytes());
            }
        }
    }

    @Test
    void exchangedRowsCountAgainstTheQueryBudget() {
        try (BufferAllocator allocator = new BufferAllocator("exchange-test", 64 * 1024)) {
            Operator gather = Operators.create(new GatherSpec(new BroadcastSpec(scan("big"))), context(allocator, CATALOG, SLICES));
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(gather));
            assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
            gather.close();
            assertEquals(0, allocator.allocatedBytes());
        }
    }
}
