package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.executor.fragment.SortSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.run;
import static io.cepheid.executor.ExecutorTestSupport.values;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimpleOperatorsTest {
    private static final List<SqlType> TYPES = List.of(SqlType.BIGINT, varchar(20));

    /** 10,000 rows (three batches): (i, 'v' || i), every 7th name null. */
    private static ValuesSpec numbers(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            rows.add(row(i, i % 7 == 0 ? null : "v" + i));
        }
        return values(TYPES, rows);
    }

    @Test
    void valuesEmitsAllRowsInBatches() {
        List<List<Object>> rows = run(numbers(10_000));
        assertEquals(10_000, rows.size());
        assertEquals(row(4097L, "v4097"), rows.get(4097));
        assertEquals(row(7L, null), rows.get(7));
        assertEquals(List.of(), run(values(TYPES, List.of())));
    }

    @Test
    void filterKeepsTrueRowsAcrossBatches() {
        ExprSpec condition = call(Function.AND, SqlType.BOOLEAN,
                call(Function.GE, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(4000L, SqlType.BIGINT)),
                call(Function.LIKE, SqlType.BOOLEAN, ref(1, varchar(20)), lit("%5", varchar(20))));
        List<List<Object>> rows = run(new FilterSpec(numbers(10_000), condition));
        List<List<Object>> expected = new ArrayList<>();
        for (long i = 4000; i < 10_000; i++) {
            if (i % 7 != 0 && i % 10 == 5) {
                expected.add(row(i, "v" + i));
            }
        }
        assertEquals(expected, rows);
        assertEquals(List.of(), run(new FilterSpec(numbers(100), lit(false, SqlType.BOOLEAN))));
    }

    @Test
    void projectComputesOverFilteredBatches() {
        var filtered = new FilterSpec(numbers(5000), call(Function.LT, SqlType.BOOLEAN, ref(0, SqlType.BIGINT), lit(10L, SqlType.BIGINT)));
        var project = new ProjectSpec(filtered, List.of(
                call(Function.MULTIPLY, SqlType.BIGINT, ref(0, SqlType.BIGINT), lit(2L, SqlType.BIGINT)),
                ref(1, varchar(20)),
                call(Function.UPPER, varchar(20), ref(1, varchar(20)))));
        List<List<Object>> rows = run(project);
        assertEquals(10, rows.size());
        assertEquals(row(0L, null, null), rows.get(0));
        assertEquals(row(6L, "v3", "V3"), rows.get(3));
        // Unfiltered input: column references are moved, not copied; the leak check covers ownership.
        List<List<Object>> moved = run(new ProjectSpec(numbers(5000), List.of(ref(1, varchar(20)), ref(0, SqlType.BIGINT),
                ref(0, SqlType.BIGINT))));
        assertEquals(row("v4999", 4999L, 4999L), moved.get(4999));
    }

    @Test
    void limitWithOffsetAcrossBatches() {
        List<List<Object>> rows = run(new LimitSpec(numbers(10_000), 4090, 10));
        assertEquals(10, rows.size());
        assertEquals(4090L, rows.get(0).get(0));
        assertEquals(4099L, rows.get(9).get(0));
        assertEquals(List.of(), run(new LimitSpec(numbers(100), 200, 5)));
        assertEquals(50, run(new LimitSpec(numbers(100), 50, SortSpec.NO_LIMIT)).size());
        assertEquals(0, run(new LimitSpec(numbers(100), 0, 0)).size());
    }

    @Test
    void unionAllConcatenates() {
        List<List<Object>> rows = run(new UnionAllSpec(List.of(numbers(3), values(TYPES, List.of()), numbers(2))));
        assertEquals(List.of(row(0L, null), row(1L, "v1"), row(2L, "v2"), row(0L, null), row(1L, "v1")), rows);
    }
}
