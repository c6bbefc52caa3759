package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateFunction;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.SortKey;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.cepheid.executor.ExecutorTestSupport.context;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STDDEV/VARIANCE and HyperLogLog: merging per-slice partial states gives what one pass over all rows gives
 * (and what a naive two-pass computation gives); gathered-value aggregates against a sort in Java.
 */
class StatisticalAggregateTest {
    /** k INTEGER, v BIGINT, x DOUBLE, s VARCHAR; values have nulls. */
    private static final List<SqlType> TYPES = List.of(SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE, varchar(10));
    private static final List<AggregateCall> STATISTICS = List.of(
            new AggregateCall(AggregateFunction.STDDEV_SAMP, 1, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.STDDEV_POP, 1, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.VAR_SAMP, 2, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.VAR_POP, 2, false, SqlType.DOUBLE),
            new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, 1, false, SqlType.BIGINT),
            new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, 3, false, SqlType.BIGINT));

    private static List<List<Object>> randomRows(int count, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(
                    (long) random.nextInt(7),
                    random.nextInt(8) == 0 ? null : (long) random.nextInt(100_000),
                    // A large offset with a small spread, where sum-of-squares formulas lose their digits.
                    random.nextInt(8) == 0 ? null : 1e9 + random.nextInt(1000) / 8.0,
                    random.nextInt(8) == 0 ? null : "s" + random.nextInt(3000)));
        }
        return rows;
    }

    /** FINAL over the union of one PARTIAL per slice: the plan the leader runs over 4 slices. */
    private static PlanSpec twoPhase(List<List<Object>> rows, List<AggregateCall> calls, int slices) {
        List<PlanSpec> partials = new ArrayList<>();
        for (int slice = 0; slice < slices; slice++) {
            List<List<Object>> part = new ArrayList<>();
            for (int i = slice; i < rows.size(); i += slices) {
                part.add(rows.get(i));
            }
            partials.add(new AggregateSpec(values(TYPES, part), List.of(0), calls, AggregateMode.PARTIAL));
        }
        return new AggregateSpec(new UnionAllSpec(partials), List.of(0), calls, AggregateMode.FINAL);
    }

    private static Map<Object, List<Object>> byKey(List<List<Object>> rows) {
        Map<Object, List<Object>> map = new HashMap<>();
        rows.forEach(r -> map.put(r.getFirst(), r));
        return map;
    }

    @Test
    void mergedPartialStatesEqualOnePass() {
        List<List<Object>> rows = randomRows(20_000, 42);
        Map<Object, List<Object>> single = byKey(run(new AggregateSpec(values(TYPES, rows), List.of(0), STATISTICS, AggregateMode.SINGLE)));
        Map<Object, List<Object>> merged = byKey(run(twoPhase(rows, STATISTICS, 4)));
        assertEquals(single.keySet(), merged.keySet());
        for (Object key : single.keySet()) {
            List<Object> a = single.get(key);
            List<Object> b = merged.get(key);
            for (int c = 1; c <= 4; c++) {
                // The DOUBLE column sits at 1e9: its last bits differ with the order values arrive in.
                assertClose((Double) a.get(c), (Double) b.get(c), c <= 2 ? 1e-9 : 1e-6);
            }
            // Registers merge by maximum: the sketch, and so the estimate, is the same either way.
            assertEquals(a.get(5), b.get(5));
            assertEquals(a.get(6), b.get(6));
            List<List<Object>> members = rows.stream().filter(r -> r.getFirst().equals(key)).toList();
            List<Double> v = members.stream().map(r -> (Long) r.get(1)).filter(x -> x != null).map(Long::doubleValue).toList();
            List<Double> x = members.stream().map(r -> (Double) r.get(2)).filter(d -> d != null).toList();
            assertClose(Math.sqrt(squaredDeviations(v) / (v.size() - 1)), (Double) a.get(1), 1e-9);
            assertClose(Math.sqrt(squaredDeviations(v) / v.size()), (Double) a.get(2), 1e-9);
            assertClose(squaredDeviations(x) / (x.size() - 1), (Double) a.get(3), 1e-6);
            assertClose(squaredDeviations(x) / x.size(), (Double) a.get(4), 1e-6);
            long distinctStrings = members.stream().map(r -> r.get(3)).filter(s -> s != null).distinct().count();
            assertTrue(Math.abs((Long) a.get(6) - distinctStrings) <= 0.06 * distinctStrings,
                    "estimate " + a.get(6) + " for " + distinctStrings + " distinct values");
        }
    }

    /** Two-pass: the mean first, then the deviations from it, in exact-enough double. */
    private static double squaredDeviations(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        return values.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
    }

    private static void assertClose(double expected, double actual, double relative) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.max(1, Math.abs(expected)),
                "expected " + expected + " but was " + actual);
    }

    @Test
    void sampleStatisticsOfOneValueAreNullAndEmptyInputGivesNull() {
        List<List<Object>> one = List.<List<Object>>of(row(1L, 5L, 2.5, "a"));
        List<Object> result = run(new AggregateSpec(values(TYPES, one), List.of(), STATISTICS, AggregateMode.SINGLE)).getFirst();
        assertEquals(java.util.Arrays.asList(null, 0.0, null, 0.0, 1L, 1L), result);
        List<Object> empty = run(twoPhase(List.of(), STATISTICS, 4)).stream().findFirst().orElse(null);
        assertEquals(null, empty);
        List<Object> global = run(new AggregateSpec(values(TYPES, List.of()), List.of(), STATISTICS, AggregateMode.SINGLE)).getFirst();
        assertEquals(java.util.Arrays.asList(null, null, null, null, 0L, 0L), global);
    }

    @Test
    void percentilesAndListaggFollowTheirOrder() {
        List<List<Object>> rows = randomRows(3_000, 7);
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.PERCENTILE_CONT, 1, false, SqlType.DOUBLE, 0.3, "", List.of(new SortKey(1, false, false))),
                new AggregateCall(AggregateFunction.PERCENTILE_DISC, 1, false, SqlType.BIGINT, 0.5, "", List.of(new SortKey(1, true, true))),
                new AggregateCall(AggregateFunction.LISTAGG, 3, false, varchar(65535), 0, ",", List.of(new SortKey(3, false, false))),
                new AggregateCall(AggregateFunction.LISTAGG, 3, true, varchar(65535), 0, ";", List.of(new SortKey(3, true, true))));
        for (List<Object> result : run(new AggregateSpec(values(TYPES, rows), List.of(0), calls, AggregateMode.SINGLE))) {
            List<List<Object>> members = rows.stream().filter(r -> r.getFirst().equals(result.getFirst())).toList();
            List<Long> v = members.stream().map(r -> (Long) r.get(1)).filter(x -> x != null).sorted().toList();
            double position = 0.3 * (v.size() - 1);
            int low = (int) Math.floor(position);
            double expected = v.get(low) + (position - low) * (v.get((int) Math.ceil(position)) - v.get(low));
            assertClose(expected, (Double) result.get(1), 1e-12);
            List<Long> descending = v.reversed();
            assertEquals(descending.get(Math.max(0, (int) Math.ceil(0.5 * v.size()) - 1)), result.get(2));
            List<String> strings = members.stream().map(r -> (String) r.get(3)).filter(s -> s != null).sorted().toList();
            assertEquals(String.join(",", strings), result.get(3));
            assertEquals(strings.stream().distinct().sorted(Comparator.reverseOrder()).collect(Collectors.joining(";")), result.get(4));
            assertEquals(new HashSet<>(strings).size(), ((String) result.get(4)).split(";").length);
        }
    }

    @Test
    void gatheredValuesCountAgainstTheMemoryLimit() {
        List<List<Object>> rows = randomRows(20_000, 3);
        List<AggregateCall> calls = List.of(new AggregateCall(AggregateFunction.LISTAGG, 3, false, varchar(65535), 0, ",", List.of()));
        try (BufferAllocator allocator = new BufferAllocator("small", 128 * 1024)) {
            CepheidException e = assertThrows(CepheidException.class, () -> Operators.collectRows(Operators.create(
                    new AggregateSpec(values(TYPES, rows), List.of(0), calls, AggregateMode.SINGLE), context(allocator))));
            assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
            assertEquals(0, allocator.allocatedBytes());
        }
    }
}
