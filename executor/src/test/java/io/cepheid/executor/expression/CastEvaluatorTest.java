package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.decimal;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CastEvaluatorTest {
    private static Object cast(Object value, SqlType from, SqlType to) {
        return constant(call(Function.CAST, to, lit(value, from)));
    }

    private static String text(Object value, SqlType from) {
        return (String) cast(value, from, SqlType.VARCHAR);
    }

    @Test
    void numbersToText() {
        assertEquals("42", text(42L, SqlType.INTEGER));
        assertEquals("-0.50", text(-50L, decimal(5, 2)));
        assertEquals("12.30", text(1230L, decimal(10, 2)));
        assertEquals("0.1", text(0.1, SqlType.DOUBLE));
        assertEquals("1", text(1.0, SqlType.DOUBLE));
        assertEquals("1e+20", text(1e20, SqlType.DOUBLE));
        assertEquals("1.5e-05", text(1.5e-5, SqlType.DOUBLE));
        assertEquals("123456789012345", text(123456789012345.0, SqlType.DOUBLE));
        assertEquals("1e+15", text(1e15, SqlType.DOUBLE));
        assertEquals("0.0001", text(1e-4, SqlType.DOUBLE));
        assertEquals("NaN", text(Double.NaN, SqlType.DOUBLE));
        assertEquals("-Infinity", text(Double.NEGATIVE_INFINITY, SqlType.DOUBLE));
        assertEquals("0.1", text(0.1, SqlType.REAL));
        assertEquals("true", text(true, SqlType.BOOLEAN));
        assertEquals("false", text(false, SqlType.BOOLEAN));
    }

    @Test
    void datesAndTimestampsToText() {
        long days = LocalDate.of(2024, 1, 31).toEpochDay();
        assertEquals("2024-01-31", text(days, SqlType.DATE));
        long micros = days * 86_400_000_000L + ((12 * 60 + 34) * 60 + 56) * 1_000_000L;
        assertEquals("2024-01-31 12:34:56", text(micros, SqlType.TIMESTAMP));
        assertEquals("2024-01-31 12:34:56.5", text(micros + 500_000, SqlType.TIMESTAMP));
        assertEquals("2024-01-31 12:34:56.000123", text(micros + 123, SqlType.TIMESTAMP));
        assertEquals("1969-12-31 23:59:59", text(-1_000_000L, SqlType.TIMESTAMP));
    }

    @Test
    void textToValues() {
        assertEquals(42L, cast(" 42 ", varchar(10), SqlType.INTEGER));
        assertEquals(-1235L, cast("-12.345", varchar(10), decimal(10, 2)));
        assertEquals(1235L, cast("12.345", varchar(10), decimal(10, 2)));
        assertEquals(2.5, cast("2.5", varchar(10), SqlType.DOUBLE));
        assertEquals(Double.POSITIVE_INFINITY, cast("Infinity", varchar(10), SqlType.DOUBLE));
        assertEquals(true, cast("yes", varchar(10), SqlType.BOOLEAN));
        assertEquals(false, cast("f", varchar(10), SqlType.BOOLEAN));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), cast("2024-02-29", varchar(20), SqlType.DATE));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000_000L + 3_723_500_000L,
                cast("2024-02-29 01:02:03.5", varchar(30), SqlType.TIMESTAMP));
        assertNull(cast(null, varchar(10), SqlType.INTEGER));
    }

    @Test
    void badTextNamesValueAndType() {
        CepheidException e = assertThrows(CepheidException.class, () -> cast("abc", varchar(10), SqlType.INTEGER));
        assertEquals(ErrorCode.INVALID_TEXT_REPRESENTATION, e.code());
        assertEquals("22P02", e.sqlState());
        assertTrue(e.getMessage().contains("\"abc\"") && e.getMessage().contains("integer"), e.getMessage());
        assertThrows(CepheidException.class, () -> cast("1.5", varchar(10), SqlType.INTEGER));
        assertThrows(CepheidException.class, () -> cast("2024-13-01", varchar(10), SqlType.DATE));
        assertThrows(CepheidException.class, () -> cast("maybe", varchar(10), SqlType.BOOLEAN));
        assertThrows(CepheidException.class, () -> cast("1e", varchar(10), SqlType.DOUBLE));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(CepheidException.class, () -> cast("99999999999", varchar(20), SqlType.INTEGER)).code());
    }

    @Test
    void numericConversions() {
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(CepheidException.class, () -> cast(40_000L, SqlType.INTEGER, SqlType.SMALLINT)).code());
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(CepheidException.class, () -> cast(1L << 40, SqlType.BIGINT, SqlType.INTEGER)).code());
        // 12.5 -> integer rounds half away from zero (numeric) ; -12.5 -> -13
        assertEquals(13L, cast(125L, decimal(5, 1), SqlType.INTEGER));
        assertEquals(-13L, cast(-125L, decimal(5, 1), SqlType.INTEGER));
        assertEquals(12_345L, cast(123.45, SqlType.DOUBLE, decimal(10, 2)));
        assertEquals(101L, cast(1.005, SqlType.DOUBLE, decimal(10, 2)));
        assertEquals(-101L, cast(-1.005, SqlType.DOUBLE, decimal(10, 2)));
        assertEquals(2L, cast(2.5, SqlType.DOUBLE, SqlType.INTEGER));
        assertEquals(0.25, cast(25L, decimal(5, 2), SqlType.DOUBLE));
        assertEquals(500L, cast(5L, SqlType.INTEGER, decimal(5, 2)));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                assertThrows(CepheidException.class, () -> cast(1000L, SqlType.INTEGER, decimal(5, 2))).code());
        assertThrows(CepheidException.class, () -> cast(Double.NaN, SqlType.DOUBLE, SqlType.BIGINT));
        assertEquals(1L, cast(true, SqlType.BOOLEAN, SqlType.INTEGER));
        assertEquals(true, cast(7L, SqlType.INTEGER, SqlType.BOOLEAN));
    }

    @Test
    void dateTimestampAndStringTruncation() {
        long days = LocalDate.of(2020, 5, 17).toEpochDay();
        assertEquals(days * 86_400_000_000L, cast(days, SqlType.DATE, SqlType.TIMESTAMP));
        assertEquals(days, cast(days * 86_400_000_000L + 5, SqlType.TIMESTAMP, SqlType.DATE));
        assertEquals(-1L, cast(-1L, SqlType.TIMESTAMP, SqlType.DATE));
        assertEquals("abc", cast("abcdef", varchar(10), varchar(3)));
        assertEquals("ab", cast("ab  ", new SqlType.CharType(4), varchar(10)));
        // "é" is two bytes: truncating at 2 bytes must not split it.
        assertEquals("a", cast("aé", varchar(10), varchar(2)));
        assertEquals("12.", cast(1234L, decimal(5, 2), varchar(3)));
        assertThrows(CepheidException.class, () -> cast(1L, SqlType.DATE, SqlType.INTEGER));
    }
}
