package io.cepheid.executor.expression;

import io.cepheid.executor.ExecutorTestSupport;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.operator.Operator;
import io.cepheid.executor.operator.Operators;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.decimal;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kernel fast path for {@code column <op> literal} must select exactly what plain evaluation selects. */
class FilterPredicateTest {
    private static final List<SqlType> TYPES = List.of(SqlType.INTEGER, SqlType.BIGINT, SqlType.DOUBLE, decimal(10, 2));

    private static List<List<Object>> randomRows(int count, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random.nextInt(8) == 0 ? null : (long) random.nextInt(100) - 50,
                    random.nextInt(8) == 0 ? null : (long) random.nextInt(100) - 50,
                    random.nextInt(8) == 0 ? null : (double) random.nextInt(100) / 4 - 12,
                    random.nextInt(8) == 0 ? null : (long) random.nextInt(10_000) - 5_000));
        }
        return rows;
    }

    /** Selected physical rows after applying {@code condition} to a fresh batch, optionally pre-filtered to even rows. */
    private static int[] select(ExprSpec condition, List<List<Object>> rows, boolean preselectEven) {
        try (BufferAllocator allocator = BufferAllocator.unlimited("filter-test")) {
            int[] result;
            try (Operator values = Operators.create(new ValuesSpec(TYPES, rows), ExecutorTestSupport.context(allocator));
                 Batch batch = values.next()) {
                if (preselectEven) {
                    int[] even = new int[(batch.rowCount() + 1) / 2];
                    for (int i = 0; i < even.length; i++) {
                        even[i] = 2 * i;
                    }
                    batch.setSelection(even, even.length);
                }
                FilterPredicate.compile(condition, allocator).apply(batch);
                result = new int[batch.size()];
                for (int i = 0; i < result.length; i++) {
                    result[i] = batch.row(i);
                }
            }
            assertEquals(0, allocator.allocatedBytes());
            return result;
        }
    }

    @Test
    void kernelPathMatchesEvaluatedPath() {
        List<List<Object>> rows = randomRows(4096, 7);
        List<ExprSpec> conditions = new ArrayList<>();
        for (Function op : List.of(Function.EQ, Function.NE, Function.LT, Function.LE, Function.GT, Function.GE)) {
            conditions.add(call(op, SqlType.BOOLEAN, ref(0, SqlType.INTEGER), lit(3L, SqlType.INTEGER)));
            conditions.add(call(op, SqlType.BOOLEAN, ref(1, SqlType.BIGINT), lit(-7L, SqlType.BIGINT)));
            conditions.add(call(op, SqlType.BOOLEAN, ref(2, SqlType.DOUBLE), lit(1.25, SqlType.DOUBLE)));
            conditions.add(call(op, SqlType.BOOLEAN, ref(3, decimal(10, 2)), lit(15L, decimal(3, 1))));
            conditions.add(call(op, SqlType.BOOLEAN, lit(10L, SqlType.INTEGER), ref(0, SqlType.INTEGER)));
        }
        for (ExprSpec condition : conditions) {
            // IS TRUE hides the comparison from the kernel path without changing which rows pass.
            ExprSpec evaluated = call(Function.IS_TRUE, SqlType.BOOLEAN, condition);
            for (boolean preselect : new boolean[] {false, true}) {
                int[] expected = select(evaluated, rows, preselect);
                assertArrayEquals(expected, select(condition, rows, preselect), condition + " preselect=" + preselect);
            }
        }
    }

    @Test
    void conjunctionsMixKernelAndEvaluatedParts() {
        List<List<Object>> rows = randomRows(4096, 11);
        ExprSpec kernelPart = call(Function.GT, SqlType.BOOLEAN, ref(1, SqlType.BIGINT), lit(0L, SqlType.BIGINT));
        ExprSpec otherPart = call(Function.LT, SqlType.BOOLEAN,
                call(Function.ADD, SqlType.BIGINT, ref(1, SqlType.BIGINT), ref(0, SqlType.INTEGER)), lit(20L, SqlType.BIGINT));
        ExprSpec condition = call(Function.AND, SqlType.BOOLEAN, kernelPart, otherPart);
        int[] actual = select(condition, rows, false);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Long a = (Long) rows.get(i).get(0);
            Long b = (Long) rows.get(i).get(1);
            if (a != null && b != null && b > 0 && a + b < 20) {
                expected.add(i);
            }
        }
        assertEquals(expected, Arrays.stream(actual).boxed().toList());
    }
}
