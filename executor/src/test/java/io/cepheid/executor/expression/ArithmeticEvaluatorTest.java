package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.decimal;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArithmeticEvaluatorTest {
    private static final List<SqlType> TWO_INTS = List.of(SqlType.INTEGER, SqlType.INTEGER);

    @Test
    void integerOperationsPropagateNullsAndTruncateDivision() {
        List<List<Object>> rows = List.of(row(7L, 2L), row(-7L, 2L), row(null, 3L), row(5L, null));
        var a = ref(0, SqlType.INTEGER);
        var b = ref(1, SqlType.INTEGER);
        assertEquals(java.util.Arrays.asList(9L, -5L, null, null), evaluate(call(Function.ADD, SqlType.INTEGER, a, b), TWO_INTS, rows));
        assertEquals(java.util.Arrays.asList(5L, -9L, null, null), evaluate(call(Function.SUBTRACT, SqlType.INTEGER, a, b), TWO_INTS, rows));
        assertEquals(java.util.Arrays.asList(14L, -14L, null, null), evaluate(call(Function.MULTIPLY, SqlType.INTEGER, a, b), TWO_INTS, rows));
        assertEquals(java.util.Arrays.asList(3L, -3L, null, null), evaluate(call(Function.DIVIDE, SqlType.INTEGER, a, b), TWO_INTS, rows));
        assertEquals(java.util.Arrays.asList(1L, -1L, null, null), evaluate(call(Function.MOD, SqlType.INTEGER, a, b), TWO_INTS, rows));
        assertEquals(java.util.Arrays.asList(-7L, 7L, null, -5L), evaluate(call(Function.NEGATE, SqlType.INTEGER, a), TWO_INTS,
                List.of(row(7L, 0L), row(-7L, 0L), row(null, 0L), row(5L, 0L))));
    }

    @Test
    void divisionByZeroIsAnErrorButNotUnderNull() {
        var a = ref(0, SqlType.INTEGER);
        var b = ref(1, SqlType.INTEGER);
        CepheidException e = assertThrows(CepheidException.class,
                () -> evaluate(call(Function.DIVIDE, SqlType.INTEGER, a, b), TWO_INTS, List.of(row(1L, 0L))));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
        assertEquals("22012", e.sqlState());
        assertThrows(CepheidException.class, () -> evaluate(call(Function.MOD, SqlType.INTEGER, a, b), TWO_INTS, List.of(row(1L, 0L))));
        // The null row holds a zero divisor underneath; it must not raise.
        assertEquals(java.util.Arrays.asList((Object) null),
                evaluate(call(Function.DIVIDE, SqlType.INTEGER, a, b), TWO_INTS, List.of(row(null, 0L))));
        var x = ref(0, SqlType.DOUBLE);
        var y = ref(1, SqlType.DOUBLE);
        assertThrows(CepheidException.class, () -> evaluate(call(Function.DIVIDE, SqlType.DOUBLE, x, y),
                List.of(SqlType.DOUBLE, SqlType.DOUBLE), List.of(row(1.0, 0.0))));
    }

    @Test
    void overflowIsOutOfRange() {
        var big = lit(Long.MAX_VALUE, SqlType.BIGINT);
        CepheidException e = assertThrows(CepheidException.class,
                () -> constant(call(Function.ADD, SqlType.BIGINT, big, lit(1L, SqlType.BIGINT))));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        assertThrows(CepheidException.class, () -> constant(call(Function.MULTIPLY, SqlType.INTEGER,
                lit(100_000L, SqlType.INTEGER), lit(100_000L, SqlType.INTEGER))));
        assertThrows(CepheidException.class, () -> constant(call(Function.ADD, SqlType.SMALLINT,
                lit(32_767L, SqlType.SMALLINT), lit(1L, SqlType.SMALLINT))));
        assertThrows(CepheidException.class, () -> constant(call(Function.NEGATE, SqlType.BIGINT, lit(Long.MIN_VALUE, SqlType.BIGINT))));
        assertThrows(CepheidException.class, () -> constant(call(Function.DIVIDE, SqlType.BIGINT,
                lit(Long.MIN_VALUE, SqlType.BIGINT), lit(-1L, SqlType.BIGINT))));
    }

    @Test
    void decimalsWithDifferentScales() {
        // 1.50 + 2.125 = 3.625 at scale 3
        assertEquals(3625L, constant(call(Function.ADD, decimal(10, 3), lit(150L, decimal(5, 2)), lit(2125L, decimal(6, 3)))));
        // 1.5 - 2.125 at result scale 2: -0.625 rounds half away from zero to -0.63
        assertEquals(-63L, constant(call(Function.SUBTRACT, decimal(10, 2), lit(15L, decimal(5, 1)), lit(2125L, decimal(6, 3)))));
        // 1.25 * 0.5 = 0.625 -> at scale 2: 0.63
        assertEquals(63L, constant(call(Function.MULTIPLY, decimal(10, 2), lit(125L, decimal(5, 2)), lit(5L, decimal(2, 1)))));
        // 10.00 / 3.0 at scale 4 = 3.3333
        assertEquals(33333L, constant(call(Function.DIVIDE, decimal(12, 4), lit(1000L, decimal(5, 2)), lit(30L, decimal(3, 1)))));
        // -2 / 3 at scale 2 = -0.67 (half away from zero)
        assertEquals(-67L, constant(call(Function.DIVIDE, decimal(10, 2), lit(-2L, decimal(5, 0)), lit(3L, decimal(5, 0)))));
        // 5.5 % 2 = 1.5
        assertEquals(15L, constant(call(Function.MOD, decimal(5, 1), lit(55L, decimal(5, 1)), lit(2L, decimal(5, 0)))));
        assertEquals(125L, constant(call(Function.ABS, decimal(5, 2), lit(-125L, decimal(5, 2)))));
        CepheidException e = assertThrows(CepheidException.class, () -> constant(call(Function.DIVIDE, decimal(10, 2),
                lit(100L, decimal(5, 2)), lit(0L, decimal(5, 2)))));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
        assertThrows(CepheidException.class, () -> constant(call(Function.MULTIPLY, decimal(18, 2),
                lit(Long.MAX_VALUE / 10, decimal(18, 2)), lit(100_000L, decimal(18, 2)))));
    }

    @Test
    void decimalMultiplyUsesWideIntermediate() {
        // 9e15 (scale 2) * 1000.00: the unscaled product overflows 64 bits but the result at scale 0 fits.
        long a = 9_000_000_000_000_00L;
        assertEquals(9_000_000_000_000_000L, constant(call(Function.MULTIPLY, decimal(18, 0),
                lit(a, decimal(18, 2)), lit(100_000L, decimal(18, 2)))));
    }

    @Test
    void floatingPoint() {
        var x = ref(0, SqlType.DOUBLE);
        var y = ref(1, SqlType.DOUBLE);
        List<SqlType> types = List.of(SqlType.DOUBLE, SqlType.DOUBLE);
        assertEquals(List.of(0.5, 3.0), evaluate(call(Function.DIVIDE, SqlType.DOUBLE, x, y), types, List.of(row(1.0, 2.0), row(6.0, 2.0))));
        assertEquals(List.of(1.5), evaluate(call(Function.ADD, SqlType.REAL, ref(0, SqlType.REAL), ref(1, SqlType.REAL)),
                List.of(SqlType.REAL, SqlType.REAL), List.of(row(1.0, 0.5))));
        assertEquals(List.of(2.5), evaluate(call(Function.ABS, SqlType.DOUBLE, x), types, List.of(row(-2.5, 0.0))));
    }

    @Test
    void randomIntegersMatchReferenceOverManyBatchesWithSelection() {
        Random random = new Random(42);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(random.nextInt(10) == 0 ? row(null, (long) random.nextInt(1000))
                    : row((long) random.nextInt(2_000_000) - 1_000_000, (long) random.nextInt(1000) + 1));
        }
        int[] selection = new int[1000];
        for (int i = 0; i < selection.length; i++) {
            selection[i] = i * 3;
        }
        List<Object> results = evaluate(call(Function.MULTIPLY, SqlType.BIGINT, ref(0, SqlType.BIGINT), ref(1, SqlType.BIGINT)),
                List.of(SqlType.BIGINT, SqlType.BIGINT), rows, selection);
        for (int i = 0; i < selection.length; i++) {
            List<Object> input = rows.get(selection[i]);
            Object expected = input.get(0) == null ? null : (Long) input.get(0) * (Long) input.get(1);
            assertEquals(expected, results.get(i), "row " + selection[i]);
        }
    }
}
