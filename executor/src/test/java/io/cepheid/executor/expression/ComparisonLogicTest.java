package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.decimal;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparisonLogicTest {
    private static final List<SqlType> BOOLS = List.of(SqlType.BOOLEAN, SqlType.BOOLEAN);
    /** Every combination of TRUE, FALSE, NULL. */
    private static final List<List<Object>> TRUTH_TABLE = List.of(
            row(true, true), row(true, false), row(true, null),
            row(false, true), row(false, false), row(false, null),
            row(null, true), row(null, false), row(null, null));

    @Test
    void threeValuedAndOrNot() {
        var p = ref(0, SqlType.BOOLEAN);
        var q = ref(1, SqlType.BOOLEAN);
        assertEquals(Arrays.asList(true, false, null, false, false, false, null, false, null),
                evaluate(call(Function.AND, SqlType.BOOLEAN, p, q), BOOLS, TRUTH_TABLE));
        assertEquals(Arrays.asList(true, true, true, true, false, null, true, null, null),
                evaluate(call(Function.OR, SqlType.BOOLEAN, p, q), BOOLS, TRUTH_TABLE));
        assertEquals(Arrays.asList(false, false, false, true, true, true, null, null, null),
                evaluate(call(Function.NOT, SqlType.BOOLEAN, p), BOOLS, TRUTH_TABLE));
    }

    @Test
    void neverNullTests() {
        var p = ref(0, SqlType.BOOLEAN);
        List<List<Object>> rows = List.of(row(true, null), row(false, null), row(null, null));
        assertEquals(List.of(false, false, true), evaluate(call(Function.IS_NULL, SqlType.BOOLEAN, p), BOOLS, rows));
        assertEquals(List.of(true, true, false), evaluate(call(Function.IS_NOT_NULL, SqlType.BOOLEAN, p), BOOLS, rows));
        assertEquals(List.of(true, false, false), evaluate(call(Function.IS_TRUE, SqlType.BOOLEAN, p), BOOLS, rows));
        assertEquals(List.of(false, true, false), evaluate(call(Function.IS_FALSE, SqlType.BOOLEAN, p), BOOLS, rows));
        assertEquals(List.of(false, true, true), evaluate(call(Function.IS_NOT_TRUE, SqlType.BOOLEAN, p), BOOLS, rows));
        assertEquals(List.of(true, false, true), evaluate(call(Function.IS_NOT_FALSE, SqlType.BOOLEAN, p), BOOLS, rows));
    }

    @Test
    void comparisonsOnNumbersWithNulls() {
        var a = ref(0, SqlType.BIGINT);
        var b = ref(1, SqlType.BIGINT);
        List<SqlType> types = List.of(SqlType.BIGINT, SqlType.BIGINT);
        List<List<Object>> rows = List.of(row(1L, 2L), row(2L, 2L), row(3L, 2L), row(null, 2L), row(null, null));
        assertEquals(Arrays.asList(true, false, false, null, null), evaluate(call(Function.LT, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(true, true, false, null, null), evaluate(call(Function.LE, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(false, true, false, null, null), evaluate(call(Function.EQ, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(true, false, true, null, null), evaluate(call(Function.NE, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(false, false, true, null, null), evaluate(call(Function.GT, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(false, true, true, null, null), evaluate(call(Function.GE, SqlType.BOOLEAN, a, b), types, rows));
        assertEquals(Arrays.asList(false, true, false, false, true),
                evaluate(call(Function.IS_NOT_DISTINCT_FROM, SqlType.BOOLEAN, a, b), types, rows));
    }

    @Test
    void decimalScalesAlignAndFloatsFollowSqlOrder() {
        assertEquals(true, constant(call(Function.EQ, SqlType.BOOLEAN, lit(150L, decimal(5, 2)), lit(15L, decimal(5, 1)))));
        assertEquals(true, constant(call(Function.EQ, SqlType.BOOLEAN, lit(-0.0, SqlType.DOUBLE), lit(0.0, SqlType.DOUBLE))));
        assertEquals(true, constant(call(Function.EQ, SqlType.BOOLEAN, lit(Double.NaN, SqlType.DOUBLE), lit(Double.NaN, SqlType.DOUBLE))));
        assertEquals(true, constant(call(Function.GT, SqlType.BOOLEAN, lit(Double.NaN, SqlType.DOUBLE),
                lit(Double.POSITIVE_INFINITY, SqlType.DOUBLE))));
    }

    @Test
    void stringsCompareByUnsignedBytesAndCharIgnoresTrailingBlanks() {
        var s = ref(0, varchar(20));
        var t = ref(1, varchar(20));
        List<SqlType> types = List.of(varchar(20), varchar(20));
        List<List<Object>> rows = List.of(row("abc", "abd"), row("abc", "ab"), row("é", "z"), row("", "a"), row("x", "x"));
        assertEquals(List.of(true, false, false, true, false), evaluate(call(Function.LT, SqlType.BOOLEAN, s, t), types, rows));
        assertEquals(List.of(false, false, false, false, true), evaluate(call(Function.EQ, SqlType.BOOLEAN, s, t), types, rows));
        SqlType char5 = new SqlType.CharType(5);
        assertEquals(true, constant(call(Function.EQ, SqlType.BOOLEAN, lit("ab   ", char5), lit("ab", char5))));
        assertEquals(false, constant(call(Function.EQ, SqlType.BOOLEAN, lit("ab  ", varchar(5)), lit("ab", varchar(5)))));
    }

    @Test
    void caseEvaluatesBranchesOnlyForTheirRows() {
        var a = ref(0, SqlType.INTEGER);
        var b = ref(1, SqlType.INTEGER);
        List<SqlType> types = List.of(SqlType.INTEGER, SqlType.INTEGER);
        // CASE WHEN b = 0 THEN -1 WHEN b IS NULL THEN NULL ELSE a / b END
        var expression = call(Function.CASE, SqlType.INTEGER,
                call(Function.EQ, SqlType.BOOLEAN, b, lit(0L, SqlType.INTEGER)), lit(-1L, SqlType.INTEGER),
                call(Function.IS_NULL, SqlType.BOOLEAN, b), lit(null, SqlType.INTEGER),
                call(Function.DIVIDE, SqlType.INTEGER, a, b));
        assertEquals(Arrays.asList(5L, -1L, null, 2L), evaluate(expression, types,
                List.of(row(10L, 2L), row(10L, 0L), row(10L, null), row(7L, 3L))));
    }

    @Test
    void caseWithStringsKeepsRowOrder() {
        var a = ref(0, SqlType.INTEGER);
        var expression = call(Function.CASE, varchar(10),
                call(Function.GT, SqlType.BOOLEAN, a, lit(5L, SqlType.INTEGER)), lit("big", varchar(10)),
                lit("small", varchar(10)));
        assertEquals(Arrays.asList("small", "big", "small", "big", "small"), evaluate(expression, List.of(SqlType.INTEGER),
                List.of(row(1L), row(9L), row(2L), row(10L), row((Object) null))));
    }

    @Test
    void coalesceIsLazy() {
        var a = ref(0, SqlType.INTEGER);
        var b = ref(1, SqlType.INTEGER);
        // COALESCE(a, 10 / b): the division only runs where a is null.
        var expression = call(Function.COALESCE, SqlType.INTEGER, a,
                call(Function.DIVIDE, SqlType.INTEGER, lit(10L, SqlType.INTEGER), b), lit(0L, SqlType.INTEGER));
        assertEquals(Arrays.asList(1L, 5L, 0L), evaluate(expression, List.of(SqlType.INTEGER, SqlType.INTEGER),
                List.of(row(1L, 0L), row(null, 2L), row(null, null))));
        org.junit.jupiter.api.Assertions.assertThrows(CepheidException.class, () -> evaluate(expression,
                List.of(SqlType.INTEGER, SqlType.INTEGER), List.of(row(null, 0L))));
    }
}
