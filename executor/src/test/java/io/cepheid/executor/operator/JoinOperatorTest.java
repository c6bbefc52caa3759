package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.NestedLoopJoinSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.operator.HashAggregateOperatorTest.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every join kind, hash and nested-loop, against a naive nested-loop reference in Java. */
class JoinOperatorTest {
    /** Both sides: key1 INTEGER, key2 VARCHAR, value BIGINT; keys have nulls. */
    static final List<SqlType> TYPES = List.of(SqlType.INTEGER, varchar(10), SqlType.BIGINT);
    private static final SqlType KEY2 = varchar(10);
    /** left.value < right.value, over the joined row. */
    static final ExprSpec RESIDUAL = call(Function.LT, SqlType.BOOLEAN, ref(2, SqlType.BIGINT), ref(5, SqlType.BIGINT));

    static List<List<Object>> randomRows(int count, long seed, int keyRange) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random.nextInt(12) == 0 ? null : (long) random.nextInt(keyRange),
                    random.nextInt(12) == 0 ? null : "k" + random.nextInt(3),
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(1000)));
        }
        return rows;
    }

    private static boolean matches(List<Object> left, List<Object> right, boolean withResidual) {
        if (left.get(0) == null || left.get(1) == null || !Objects.equals(left.get(0), right.get(0))
                || !Objects.equals(left.get(1), right.get(1))) {
            return false;
        }
        return !withResidual || left.get(2) != null && right.get(2) != null && (Long) left.get(2) < (Long) right.get(2);
    }

    /** Straightforward semantics; right rows are indexed by key only so the reference itself stays fast. */
    static List<List<Object>> reference(List<List<Object>> left, List<List<Object>> right, JoinKind kind, boolean withResidual) {
        java.util.Map<List<Object>, List<Integer>> rightByKey = new java.util.HashMap<>();
        for (int r = 0; r < right.size(); r++) {
            rightByKey.computeIfAbsent(right.get(r).subList(0, 2), ignored -> new ArrayList<>()).add(r);
        }
        List<List<Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        List<Object> nulls = Arrays.asList(null, null, null);
        for (List<Object> l : left) {
            boolean matched = false;
            for (int r : rightByKey.getOrDefault(l.subList(0, 2), List.of())) {
                if (matches(l, right.get(r), withResidual)) {
                    matched = true;
                    rightMatched[r] = true;
                    if (kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
                        out.add(concat(l, right.get(r)));
                    }
                }
            }
            if (kind == JoinKind.SEMI && matched || kind == JoinKind.ANTI && !matched) {
                out.add(l);
            }
            if ((kind == JoinKind.LEFT || kind == JoinKind.FULL) && !matched) {
                out.add(concat(l, nulls));
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            for (int r = 0; r < right.size(); r++) {
                if (!rightMatched[r]) {
                    out.add(concat(nulls, right.get(r)));
                }
            }
        }
        return sorted(out);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    private static PlanSpec hashJoin(List<List<Object>> left, List<List<Object>> right, JoinKind kind, boolean withResidual) {
        return new HashJoinSpec(values(TYPES, left), values(TYPES, right), kind, List.of(0, 1), List.of(0, 1),
                withResidual ? RESIDUAL : null);
    }

    private static PlanSpec nestedLoopJoin(List<List<Object>> left, List<List<Object>> right, JoinKind kind, boolean withResidual) {
        ExprSpec condition = call(Function.AND, SqlType.BOOLEAN,
                call(Function.EQ, SqlType.BOOLEAN, ref(0, SqlType.INTEGER), ref(3, SqlType.INTEGER)),
                call(Function.EQ, SqlType.BOOLEAN, ref(1, KEY2), ref(4, KEY2)));
        if (withResidual) {
            condition = call(Function.AND, SqlType.BOOLEAN, condition, RESIDUAL);
        }
        return new NestedLoopJoinSpec(values(TYPES, left), values(TYPES, right), kind, condition);
    }

    /** Runs a join, checking that no output batch exceeds the default capacity. */
    private static List<List<Object>> runChecked(PlanSpec spec) {
        return runChecked(spec, io.cepheid.executor.ExecutorTestSupport.EMPTY_CATALOG);
    }

    private static List<List<Object>> runChecked(PlanSpec spec, io.cepheid.storage.catalog.CatalogSnapshot catalog) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("join-test")) {
            List<List<Object>> rows = new ArrayList<>();
            Operators.drain(Operators.create(spec, context(allocator, catalog, 1)), batch -> {
                try (batch) {
                    assertTrue(batch.size() <= io.cepheid.storage.vector.Batch.DEFAULT_CAPACITY);
                    for (int i = 0; i < batch.size(); i++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < batch.columnCount(); c++) {
                            row.add(batch.column(c).getObject(batch.row(i)));
                        }
                        rows.add(row);
                    }
                }
            });
            assertEquals(0, allocator.allocatedBytes());
            return sorted(rows);
        }
    }

    @Test
    void hashJoinAllKindsMatchReference() {
        List<List<Object>> left = randomRows(4200, 1, 100);
        List<List<Object>> right = randomRows(300, 2, 100);
        for (JoinKind kind : JoinKind.values()) {
            for (boolean residual : new boolean[] {false, true}) {
                assertEquals(reference(left, right, kind, residual), runChecked(hashJoin(left, right, kind, residual)),
                        kind + " residual=" + residual);
            }
        }
    }

    @Test
    void nestedLoopJoinAllKindsMatchReference() {
        List<List<Object>> left = randomRows(150, 3, 20);
        List<List<Object>> right = randomRows(100, 4, 20);
        for (JoinKind kind : JoinKind.values()) {
            for (boolean residual : new boolean[] {false, true}) {
                assertEquals(reference(left, right, kind, residual), runChecked(nestedLoopJoin(left, right, kind, residual)),
                        kind + " residual=" + residual);
            }
        }
    }

    @Test
    void manyDuplicateKeysProduceMoreThanOneBatchPerLeftBatch() {
        List<List<Object>> left = new ArrayList<>();
        List<List<Object>> right = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            left.add(row(1L, "k", i));
        }
        for (long i = 0; i < 100; i++) {
            right.add(row(1L, "k", i));
        }
        assertEquals(10_000, runChecked(hashJoin(left, right, JoinKind.INNER, false)).size());
        assertEquals(reference(left, right, JoinKind.FULL, true), runChecked(hashJoin(left, right, JoinKind.FULL, true)));
    }

    @Test
    void semiAndAntiSplitLeftBatchesLargerThanTheDefaultCapacity() {
        List<List<Object>> left = randomRows(9000, 8, 10);
        List<List<Object>> right = randomRows(20, 9, 10);
        // One row group of 9000 rows: the scan hands the join a single 9000-row batch.
        FakeCatalog catalog = new FakeCatalog().add("l", TYPES, List.of(left), 9000);
        var scan = new io.cepheid.executor.fragment.ScanSpec("public", "l", List.of(0, 1, 2), TYPES, null);
        for (JoinKind kind : List.of(JoinKind.SEMI, JoinKind.ANTI, JoinKind.LEFT)) {
            var spec = new HashJoinSpec(scan, values(TYPES, right), kind, List.of(0, 1), List.of(0, 1), null);
            assertEquals(reference(left, right, kind, false), runChecked(spec, catalog), kind.name());
        }
    }

    @Test
    void emptySides() {
        List<List<Object>> some = randomRows(50, 5, 10);
        for (JoinKind kind : JoinKind.values()) {
            assertEquals(reference(some, List.of(), kind, false), runChecked(hashJoin(some, List.of(), kind, false)), kind.name());
            assertEquals(reference(List.of(), some, kind, false), runChecked(hashJoin(List.of(), some, kind, false)), kind.name());
            assertEquals(reference(some, List.of(), kind, true), runChecked(nestedLoopJoin(some, List.of(), kind, true)), kind.name());
        }
    }

    @Test
    void crossJoinWithoutCondition() {
        List<List<Object>> left = randomRows(70, 6, 10);
        List<List<Object>> right = randomRows(90, 7, 10);
        List<List<Object>> rows = run(new NestedLoopJoinSpec(values(TYPES, left), values(TYPES, right), JoinKind.INNER, null));
        assertEquals(70 * 90, rows.size());
        assertEquals(70, run(new NestedLoopJoinSpec(values(TYPES, left), values(TYPES, right), JoinKind.SEMI, null)).size());
        assertEquals(0, run(new NestedLoopJoinSpec(values(TYPES, left), values(TYPES, right), JoinKind.ANTI, null)).size());
    }

    @Test
    void mixedIntegerWidthKeysAndDoubleKeys() {
        List<SqlType> leftTypes = List.of(SqlType.SMALLINT, SqlType.DOUBLE);
        List<SqlType> rightTypes = List.of(SqlType.BIGINT, SqlType.DOUBLE);
        var spec = new HashJoinSpec(values(leftTypes, List.of(row(7L, 0.0), row(8L, 1.5))),
                values(rightTypes, List.of(row(7L, -0.0), row(8L, 1.5), row(8L, 2.5))), JoinKind.INNER, List.of(0, 1), List.of(0, 1), null);
        assertEquals(List.of(row(7L, 0.0, 7L, -0.0), row(8L, 1.5, 8L, 1.5)), sorted(run(spec)));
    }
}
