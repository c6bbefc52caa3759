package io.cepheid.server;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.Function;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpressionTextTest {
    private static final List<String> NAMES = List.of("id", "name", "shipped", "price");

    private static ExprSpec column(int index, SqlType type) {
        return new ExprSpec.InputRef(index, type);
    }

    private static ExprSpec literal(Object value, SqlType type) {
        return new ExprSpec.Literal(value, type);
    }

    private static ExprSpec call(Function function, SqlType type, ExprSpec... arguments) {
        return new ExprSpec.Call(function, List.of(arguments), type);
    }

    private static String text(ExprSpec expression) {
        return ExpressionText.of(expression, NAMES::get);
    }

    @Test
    void literalsPrintAsSql() {
        SqlType varchar = new SqlType.VarcharType(20);
        assertEquals("(name = 'O''Brien')", text(call(Function.EQ, SqlType.BOOLEAN, column(1, varchar), literal("O'Brien", varchar))));
        assertEquals("(shipped < '2024-02-29 12:30:00.5')", text(call(Function.LT, SqlType.BOOLEAN,
                column(2, SqlType.TIMESTAMP), literal(1_709_209_800_500_000L, SqlType.TIMESTAMP))));
        assertEquals("(price >= -1.25)", text(call(Function.GE, SqlType.BOOLEAN, column(3, new SqlType.DecimalType(10, 2)),
                literal(-125L, new SqlType.DecimalType(10, 2)))));
        SqlType wide = new SqlType.DecimalType(30, 2);
        assertEquals("(price > 12345678901234567890.05)", text(call(Function.GT, SqlType.BOOLEAN, column(3, wide),
                literal(new java.math.BigInteger("1234567890123456789005"), wide))));
        assertEquals("coalesce(name, NULL)", text(call(Function.COALESCE, varchar, column(1, varchar), literal(null, varchar))));
    }

    @Test
    void inListsAndPatternsFoldBack() {
        ExprSpec id = column(0, SqlType.INTEGER);
        assertEquals("(id NOT IN (1, 2))", text(call(Function.AND, SqlType.BOOLEAN,
                call(Function.NE, SqlType.BOOLEAN, id, literal(1L, SqlType.INTEGER)),
                call(Function.NE, SqlType.BOOLEAN, id, literal(2L, SqlType.INTEGER)))));
        // Different columns: an ordinary OR.
        assertEquals("((id = 1) OR (price = 2))", text(call(Function.OR, SqlType.BOOLEAN,
                call(Function.EQ, SqlType.BOOLEAN, id, literal(1L, SqlType.INTEGER)),
                call(Function.EQ, SqlType.BOOLEAN, column(3, SqlType.INTEGER), literal(2L, SqlType.INTEGER)))));
        SqlType varchar = new SqlType.VarcharType(20);
        assertEquals("(name LIKE 'a!%%' ESCAPE '!')", text(call(Function.LIKE, SqlType.BOOLEAN, column(1, varchar),
                literal("a!%%", varchar), literal("!", varchar))));
        assertEquals("(- id)::bigint", text(call(Function.CAST, SqlType.BIGINT, call(Function.NEGATE, SqlType.INTEGER, id))));
        assertEquals("(-3)::bigint", text(call(Function.CAST, SqlType.BIGINT, literal(-3L, SqlType.INTEGER))));
    }
}
