package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MathFunctionTest {
    private static final SqlType DEC_10_3 = new SqlType.DecimalType(10, 3);
    private static final SqlType DEC_10_0 = new SqlType.DecimalType(10, 0);

    @Test
    void decimalRoundingIsExactAndHalfAwayFromZero() {
        List<Object> rounded = evaluate(call(Function.ROUND, DEC_10_0, ref(0, DEC_10_3)), List.of(DEC_10_3),
                List.of(row(2_500L), row(-2_500L), row(2_499L), row((Object) null)));
        assertEquals(Arrays.asList(3L, -3L, 2L, null), rounded);
        assertEquals(1_250L, constant(call(Function.ROUND, DEC_10_3, lit(1_245L, DEC_10_3), lit(2L, SqlType.INTEGER))));
        assertEquals(1_240L, constant(call(Function.TRUNC, DEC_10_3, lit(1_245L, DEC_10_3), lit(2L, SqlType.INTEGER))));
        assertEquals(-2L, constant(call(Function.FLOOR, DEC_10_0, lit(-1_001L, DEC_10_3))));
        assertEquals(2L, constant(call(Function.CEIL, DEC_10_0, lit(1_001L, DEC_10_3))));
        assertEquals(-1L, constant(call(Function.CEIL, DEC_10_0, lit(-1_999L, DEC_10_3))));
        assertEquals(-1_000L, constant(call(Function.SIGN, DEC_10_3, lit(-5L, DEC_10_3))));
    }

    @Test
    void doubleFunctions() {
        assertEquals(2.35, constant(call(Function.ROUND, SqlType.DOUBLE, lit(2.345, SqlType.DOUBLE), lit(2L, SqlType.INTEGER))));
        assertEquals(-3.0, constant(call(Function.ROUND, SqlType.DOUBLE, lit(-2.5, SqlType.DOUBLE))));
        assertEquals(1200.0, constant(call(Function.ROUND, SqlType.DOUBLE, lit(1234.5, SqlType.DOUBLE), lit(-2L, SqlType.INTEGER))));
        assertEquals(-2.0, constant(call(Function.TRUNC, SqlType.DOUBLE, lit(-2.9, SqlType.DOUBLE))));
        assertEquals(3.0, constant(call(Function.SQRT, SqlType.DOUBLE, lit(9.0, SqlType.DOUBLE))));
        assertEquals(2.0, constant(call(Function.LOG10, SqlType.DOUBLE, lit(100.0, SqlType.DOUBLE))));
        assertEquals(1.0, constant(call(Function.LN, SqlType.DOUBLE, lit(Math.E, SqlType.DOUBLE))));
        assertEquals(1024.0, constant(call(Function.POWER, SqlType.DOUBLE, lit(2.0, SqlType.DOUBLE), lit(10.0, SqlType.DOUBLE))));
        assertEquals(1.0, constant(call(Function.EXP, SqlType.DOUBLE, lit(0.0, SqlType.DOUBLE))));
        assertEquals(null, constant(call(Function.SQRT, SqlType.DOUBLE, lit(null, SqlType.DOUBLE))));
    }

    @Test
    void domainErrorsAre22023() {
        CepheidException sqrt = assertThrows(CepheidException.class,
                () -> constant(call(Function.SQRT, SqlType.DOUBLE, lit(-1.0, SqlType.DOUBLE))));
        assertEquals("22023", sqrt.sqlState());
        CepheidException ln = assertThrows(CepheidException.class,
                () -> constant(call(Function.LN, SqlType.DOUBLE, lit(0.0, SqlType.DOUBLE))));
        assertEquals("22023", ln.sqlState());
    }
}
