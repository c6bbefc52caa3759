package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.decimal;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashAggregateOperatorTest {
    /** k1 INTEGER, k2 VARCHAR, v BIGINT, d DECIMAL(10,2), x DOUBLE, s VARCHAR; every column has nulls. */
    static final List<SqlType> TYPES = List.of(SqlType.INTEGER, varchar(10), SqlType.BIGINT, decimal(10, 2), SqlType.DOUBLE, varchar(10));

    static final List<AggregateCall> CALLS = List.of(
            new AggregateCall(AggregateFunction.COUNT_STAR, -1, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.COUNT, 2, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.SUM, 2, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.AVG, 2, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.SUM, 3, false, decimal(18, 2)),
            new AggregateCall(AggregateFunction.AVG, 3, false, decimal(10, 2)),
            new AggregateCall(AggregateFunction.AVG, 4, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.MIN, 4, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.MAX, 2, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.MIN, 5, false, varchar(10)),
            new AggregateCall(AggregateFunction.MAX, 5, false, varchar(10)));

    static List<List<Object>> randomRows(int count, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(20),
                    random.nextInt(10) == 0 ? null : "g" + random.nextInt(5),
                    random.nextInt(6) == 0 ? null : (long) random.nextInt(2_000_001) - 1_000_000,
                    random.nextInt(6) == 0 ? null : (long) random.nextInt(100_000) - 50_000,
                    random.nextInt(6) == 0 ? null : random.nextInt(4000) / 4.0 - 500,
                    random.nextInt(6) == 0 ? null : "s" + random.nextInt(1000)));
        }
        return rows;
    }

    /** The naive answer: one Java map entry per group, every aggregate computed from the group's rows. */
    static List<List<Object>> reference(List<List<Object>> rows, List<Integer> keys, boolean global) {
        Map<List<Object>, List<List<Object>>> groups = new HashMap<>();
        for (List<Object> row : rows) {
            List<Object> key = new ArrayList<>();
            for (int k : keys) {
                key.add(row.get(k));
            }
            groups.computeIfAbsent(key, ignored -> new ArrayList<>()).add(row);
        }
        if (global && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<List<Object>> result = new ArrayList<>();
        groups.forEach((key, members) -> {
            List<Object> out = new ArrayList<>(key);
            List<Long> v = members.stream().map(r -> (Long) r.get(2)).filter(x -> x != null).toList();
            List<Long> d = members.stream().map(r -> (Long) r.get(3)).filter(x -> x != null).toList();
            List<Double> x = members.stream().map(r -> (Double) r.get(4)).filter(y -> y != null).toList();
            List<String> s = members.stream().map(r -> (String) r.get(5)).filter(y -> y != null).toList();
            out.add((long) members.size());
            out.add((long) v.size());
            out.add(v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).sum());
            out.add(v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).sum() / v.size());
            out.add(d.isEmpty() ? null : d.stream().mapToLong(Long::longValue).sum());
            out.add(d.isEmpty() ? null : BigDecimal.valueOf(d.stream().mapToLong(Long::longValue).sum())
                    .divide(BigDecimal.valueOf(d.size()), 0, RoundingMode.HALF_UP).longValueExact());
            out.add(x.isEmpty() ? null : x.stream().mapToDouble(Double::doubleValue).sum() / x.size());
            out.add(x.isEmpty() ? null : x.stream().mapToDouble(Double::doubleValue).min().getAsDouble());
            out.add(v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).max().getAsLong());
            out.add(s.isEmpty() ? null : s.stream().min(Comparator.naturalOrder()).get());
            out.add(s.isEmpty() ? null : s.stream().max(Comparator.naturalOrder()).get());
            result.add(out);
        });
        return sorted(result);
    }

    /** Rows in a canonical order (by their text, computed once per row) for order-insensitive comparison. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<Map.Entry<String, List<Object>>> keyed = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            keyed.add(Map.entry(row.toString(), row));
        }
        keyed.sort(Map.Entry.comparingByKey());
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    static AggregateSpec aggregate(PlanSpec input, List<Integer> keys, AggregateMode mode) {
        return new AggregateSpec(input, keys, CALLS, mode);
    }

    /** FINAL over PARTIAL: the two-phase plan the leader and workers run. */
    static AggregateSpec twoPhase(PlanSpec input, List<Integer> keys) {
        List<Integer> finalKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            finalKeys.add(i);
        }
        return aggregate(aggregate(input, keys, AggregateMode.PARTIAL), finalKeys, AggregateMode.FINAL);
    }

    @Test
    void groupsByIntegerAndStringKeysWithNullsOverManyBatches() {
        List<List<Object>> rows = randomRows(10_000, 1);
        ValuesSpec input = values(TYPES, rows);
        List<List<Object>> expected = reference(rows, List.of(0, 1), false);
        assertEquals(expected, sorted(run(aggregate(input, List.of(0, 1), AggregateMode.SINGLE))));
        assertEquals(expected, sorted(run(twoPhase(input, List.of(0, 1)))));
    }

    @Test
    void manyGroupsForceTheTableToGrow() {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 9000; i++) {
            rows.add(row(i % 4500, "k" + (i % 3), i, i, (double) i, "s" + i));
        }
        List<List<Object>> expected = reference(rows, List.of(0, 1), false);
        List<List<Object>> actual = run(aggregate(values(TYPES, rows), List.of(0, 1), AggregateMode.SINGLE));
        assertEquals(4500, actual.size());
        assertEquals(expected, sorted(actual));
    }

    @Test
    void globalAggregate() {
        List<List<Object>> rows = randomRows(5000, 2);
        assertEquals(reference(rows, List.of(), true), run(aggregate(values(TYPES, rows), List.of(), AggregateMode.SINGLE)));
        assertEquals(reference(rows, List.of(), true), run(twoPhase(values(TYPES, rows), List.of())));
    }

    @Test
    void emptyInput() {
        ValuesSpec empty = values(TYPES, List.of());
        List<List<Object>> global = run(aggregate(empty, List.of(), AggregateMode.SINGLE));
        assertEquals(List.of(Arrays.asList(0L, 0L, null, null, null, null, null, null, null, null, null)), global);
        assertEquals(global, run(twoPhase(empty, List.of())));
        assertEquals(List.of(), run(aggregate(empty, List.of(), AggregateMode.PARTIAL)));
        assertEquals(List.of(), run(aggregate(empty, List.of(0), AggregateMode.SINGLE)));
    }

    @Test
    void partialAverageStateIsSumAndCount() {
        List<List<Object>> rows = List.of(row(1L, "a", 10L, 100L, 1.0, "x"), row(1L, "a", 5L, null, 2.0, "y"));
        List<List<Object>> partial = run(new AggregateSpec(values(TYPES, rows), List.of(0),
                List.of(CALLS.get(3), CALLS.get(5)), AggregateMode.PARTIAL));
        // AVG of DECIMAL keeps its partial sum as DECIMAL(38,s): 128-bit, read back as a BigInteger.
        assertEquals(List.of(row(1L, 15L, 2L, java.math.BigInteger.valueOf(100), 1L)), partial);
    }

    @Test
    void sumOverflowIsAnError() {
        List<List<Object>> rows = List.of(row(1L, "a", Long.MAX_VALUE, 0L, 0.0, "x"), row(1L, "a", 1L, 0L, 0.0, "x"));
        CepheidException e = assertThrows(CepheidException.class, () -> run(new AggregateSpec(values(TYPES, rows), List.of(0),
                List.of(CALLS.get(2)), AggregateMode.SINGLE)));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
    }

    @Test
    void distinctIsRejected() {
        var call = new AggregateCall(AggregateFunction.COUNT, 2, true, SqlType.BIGINT);
        CepheidException e = assertThrows(CepheidException.class, () -> run(new AggregateSpec(values(TYPES, List.of()), List.of(),
                List.of(call), AggregateMode.SINGLE)));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code());
    }
}
