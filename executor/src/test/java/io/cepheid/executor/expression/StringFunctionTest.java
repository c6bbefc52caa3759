package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StringFunctionTest {
    private static final SqlType TEXT = varchar(100);

    private static boolean like(String value, String pattern) {
        return (Boolean) constant(call(Function.LIKE, SqlType.BOOLEAN, lit(value, TEXT), lit(pattern, TEXT)));
    }

    @Test
    void likePatterns() {
        assertEquals(true, like("hello", "h%o"));
        assertEquals(true, like("hello", "%"));
        assertEquals(true, like("", "%"));
        assertEquals(false, like("", "_"));
        assertEquals(true, like("hello", "_ello"));
        assertEquals(false, like("hello", "_llo"));
        assertEquals(true, like("mississippi", "%iss%pi"));
        assertEquals(false, like("mississippi", "%iss%pix"));
        assertEquals(true, like("héllo", "h_llo"));
        assertEquals(true, like("50%", "50\\%"));
        assertEquals(false, like("500", "50\\%"));
        assertEquals(true, like("a_b", "a\\_b"));
        assertEquals(false, like("HELLO", "hello"));
        assertEquals(true, constant(call(Function.LIKE, SqlType.BOOLEAN, lit("ab  ", new SqlType.CharType(4)), lit("%b", TEXT))));
        assertEquals(true, constant(call(Function.LIKE, SqlType.BOOLEAN, lit("50%", TEXT), lit("50!%", TEXT), lit("!", TEXT))));
        assertEquals(true, constant(call(Function.ILIKE, SqlType.BOOLEAN, lit("HeLLo", TEXT), lit("hel%", TEXT))));
        assertEquals(true, constant(call(Function.ILIKE, SqlType.BOOLEAN, lit("ÉCOLE", TEXT), lit("éc%", TEXT))));
    }

    @Test
    void likeOverColumnsWithNullsAndPerRowPatterns() {
        List<SqlType> types = List.of(TEXT, TEXT);
        List<List<Object>> rows = List.of(row("apple", "a%"), row("banana", "a%"), row(null, "a%"), row("cherry", null), row("kiwi", "%w_"));
        assertEquals(Arrays.asList(true, false, null, null, true),
                evaluate(call(Function.LIKE, SqlType.BOOLEAN, ref(0, TEXT), ref(1, TEXT)), types, rows));
        assertEquals(Arrays.asList(true, false, null, true, false),
                evaluate(call(Function.LIKE, SqlType.BOOLEAN, ref(0, TEXT), lit("%p%", TEXT)), types,
                        List.of(row("apple", ""), row("banana", ""), row(null, ""), row("pear", ""), row("kiwi", ""))));
    }

    @Test
    void caseLengthTrimConcat() {
        assertEquals("HELLO WÖRLD", constant(call(Function.UPPER, TEXT, lit("hello wörld", TEXT))));
        assertEquals("abc", constant(call(Function.LOWER, TEXT, lit("AbC", TEXT))));
        assertEquals(5L, constant(call(Function.CHAR_LENGTH, SqlType.INTEGER, lit("héllo", TEXT))));
        assertEquals(2L, constant(call(Function.CHAR_LENGTH, SqlType.INTEGER, lit("ab   ", new SqlType.CharType(5)))));
        assertEquals("x y", constant(call(Function.TRIM, TEXT, lit("  x y  ", TEXT))));
        assertEquals("x  ", constant(call(Function.LTRIM, TEXT, lit("  x  ", TEXT))));
        assertEquals("  x", constant(call(Function.RTRIM, TEXT, lit("  x  ", TEXT))));
        assertEquals("abc", constant(call(Function.TRIM, TEXT, lit("xxabcyx", TEXT), lit("xy", TEXT))));
        assertEquals("ab-cd", constant(call(Function.CONCAT, TEXT, lit("ab", TEXT), lit("-", TEXT), lit("cd", TEXT))));
        assertEquals(null, constant(call(Function.CONCAT, TEXT, lit("ab", TEXT), lit(null, TEXT))));
    }

    @Test
    void substringCountsCharacters() {
        SqlType i = SqlType.INTEGER;
        assertEquals("ell", constant(call(Function.SUBSTRING, TEXT, lit("hello", TEXT), lit(2L, i), lit(3L, i))));
        assertEquals("llo", constant(call(Function.SUBSTRING, TEXT, lit("hello", TEXT), lit(3L, i))));
        assertEquals("he", constant(call(Function.SUBSTRING, TEXT, lit("hello", TEXT), lit(0L, i), lit(3L, i))));
        assertEquals("éx", constant(call(Function.SUBSTRING, TEXT, lit("aéxz", TEXT), lit(2L, i), lit(2L, i))));
        assertEquals("", constant(call(Function.SUBSTRING, TEXT, lit("abc", TEXT), lit(10L, i))));
        assertThrows(CepheidException.class, () -> constant(call(Function.SUBSTRING, TEXT, lit("abc", TEXT), lit(1L, i), lit(-1L, i))));
    }

    @Test
    void extractFields() {
        long days = LocalDate.of(2024, 3, 15).toEpochDay();
        long micros = days * 86_400_000_000L + ((13 * 60 + 45) * 60 + 30) * 1_000_000L + 250_000;
        assertEquals(2024L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("year", TEXT), lit(days, SqlType.DATE))));
        assertEquals(3L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("MONTH", TEXT), lit(days, SqlType.DATE))));
        assertEquals(15L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("day", TEXT), lit(days, SqlType.DATE))));
        assertEquals(1L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("quarter", TEXT), lit(days, SqlType.DATE))));
        assertEquals(5L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("dow", TEXT), lit(days, SqlType.DATE))));
        assertEquals(13L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("hour", TEXT), lit(micros, SqlType.TIMESTAMP))));
        assertEquals(45L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("minute", TEXT), lit(micros, SqlType.TIMESTAMP))));
        assertEquals(30.25, constant(call(Function.EXTRACT, SqlType.DOUBLE, lit("second", TEXT), lit(micros, SqlType.TIMESTAMP))));
        assertEquals(21L, constant(call(Function.EXTRACT, SqlType.BIGINT, lit("century", TEXT), lit(days, SqlType.DATE))));
        assertThrows(CepheidException.class, () -> constant(call(Function.EXTRACT, SqlType.BIGINT, lit("fortnight", TEXT),
                lit(days, SqlType.DATE))));
    }

    @Test
    void newStringFunctionsOverColumnsWithNulls() {
        SqlType i = SqlType.INTEGER;
        List<SqlType> types = List.of(TEXT, i);
        List<List<Object>> rows = List.of(row("ab€", 2L), row(null, 1L), row("", 3L), row("xyz", null));
        assertEquals(Arrays.asList("ab€ab€", null, "", null),
                evaluate(call(Function.REPEAT, TEXT, ref(0, TEXT), ref(1, i)), types, rows));
        assertEquals(Arrays.asList("b€", null, "", null),
                evaluate(call(Function.RIGHT, TEXT, ref(0, TEXT), ref(1, i)), types, rows));
        assertEquals(Arrays.asList(5L, null, 0L, 3L), evaluate(call(Function.OCTET_LENGTH, i, ref(0, TEXT)), types, rows));
        assertEquals(Arrays.asList(97L, null, 0L, 120L), evaluate(call(Function.ASCII, i, ref(0, TEXT)), types, rows));
        assertEquals("5d41402abc4b2a76b9719d911017c592", constant(call(Function.MD5, TEXT, lit("hello", TEXT))));
        assertEquals("€", constant(call(Function.CHR, TEXT, lit(8364L, i))));
        assertEquals("\"a\"\"b\"", constant(call(Function.QUOTE_IDENT, TEXT, lit("a\"b", TEXT))));
        assertEquals("'it''s'", constant(call(Function.QUOTE_LITERAL, TEXT, lit("it's", TEXT))));
    }

    @Test
    void argumentErrorsCarryTheirSqlStates() {
        SqlType i = SqlType.INTEGER;
        assertEquals(io.cepheid.storage.error.ErrorCode.SUBSTRING_ERROR, assertThrows(CepheidException.class, () -> constant(
                call(Function.SUBSTRING, TEXT, lit("abc", TEXT), lit(1L, i), lit(-1L, i)))).code());
        assertEquals(io.cepheid.storage.error.ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(CepheidException.class, () -> constant(
                call(Function.SPLIT_PART, TEXT, lit("a,b", TEXT), lit(",", TEXT), lit(0L, i)))).code());
        assertEquals(io.cepheid.storage.error.ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(CepheidException.class, () -> constant(
                call(Function.CHR, TEXT, lit(0L, i)))).code());
    }
}
