package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static io.cepheid.executor.ExecutorTestSupport.call;
import static io.cepheid.executor.ExecutorTestSupport.lit;
import static io.cepheid.executor.ExecutorTestSupport.ref;
import static io.cepheid.executor.ExecutorTestSupport.row;
import static io.cepheid.executor.ExecutorTestSupport.varchar;
import static io.cepheid.executor.expression.ExpressionTestSupport.constant;
import static io.cepheid.executor.expression.ExpressionTestSupport.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIMILAR TO and POSIX translation, replacement strings, and the regex evaluator's per-row patterns. */
class RegexPatternsTest {
    private static final SqlType TEXT = varchar(100);

    private static boolean similar(String value, String pattern) {
        return RegexPatterns.similarTo(pattern, null).matcher(value).matches();
    }

    @Test
    void similarToKeepsRegexOperatorsAndQuotesTheRest() {
        assertTrue(similar("abc", "a%"));
        assertTrue(similar("abc", "_b_"));
        assertFalse(similar("abc", "a.c"));
        assertTrue(similar("a.c", "a.c"));
        assertTrue(similar("aaa", "a{2,3}"));
        assertFalse(similar("aaaa", "a{2,3}"));
        assertTrue(similar("xb", "(x|y)[a-c]"));
        assertTrue(similar("a$^b", "a$^b"));
        assertTrue(similar("a%", "a\\%"));
        assertFalse(similar("ab", "a\\%"));
        assertTrue(RegexPatterns.similarTo("a%", "#").matcher("a%x").matches());
        assertTrue(RegexPatterns.similarTo("a#%", "#").matcher("a%").matches());
    }

    @Test
    void posixClassesAndParameters() {
        Pattern digits = RegexPatterns.posix("^[[:digit:]]+$", false);
        assertTrue(digits.matcher("123").find());
        assertFalse(digits.matcher("12a").find());
        assertTrue(RegexPatterns.posix("abc", true).matcher("xABCx").find());
        assertEquals(new RegexPatterns.Parameters(true, true), RegexPatterns.Parameters.parse("ie"));
        assertEquals(new RegexPatterns.Parameters(false, false), RegexPatterns.Parameters.parse("icp"));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(CepheidException.class, () -> RegexPatterns.Parameters.parse("q")).code());
    }

    @Test
    void invalidPatternIs2201BAndNamesIt() {
        CepheidException error = assertThrows(CepheidException.class, () -> RegexPatterns.posix("a(b", false));
        assertEquals(ErrorCode.INVALID_REGULAR_EXPRESSION, error.code());
        assertTrue(error.getMessage().contains("'a(b'"), error.getMessage());
    }

    @Test
    void replacementGroupsAndLiterals() {
        assertEquals("$2$1", RegexPatterns.replacement("\\2\\1"));
        assertEquals("\\$x", RegexPatterns.replacement("$x"));
        assertEquals("\\\\", RegexPatterns.replacement("\\\\"));
        assertEquals("plain", RegexPatterns.replacement("plain"));
    }

    @Test
    void functionsOverRowsWithPerRowPatterns() {
        SqlType i = SqlType.INTEGER;
        List<SqlType> types = List.of(TEXT, TEXT);
        List<List<Object>> rows = List.of(row("a1b22", "[0-9]+"), row("xyz", "y"), row(null, "a"), row("abc", null), row("a1b22", "[0-9]+"));
        assertEquals(Arrays.asList(2L, 1L, null, null, 2L), evaluate(call(Function.REGEXP_COUNT, i,
                ref(0, TEXT), ref(1, TEXT), lit(1L, SqlType.BIGINT), lit("c", TEXT)), types, rows));
        assertEquals("22", constant(call(Function.REGEXP_SUBSTR, TEXT, lit("a1b22", TEXT), lit("[0-9]+", TEXT),
                lit(1L, SqlType.BIGINT), lit(2L, SqlType.BIGINT), lit("c", TEXT))));
        assertEquals(5L, constant(call(Function.REGEXP_INSTR, i, lit("é🙂ab", TEXT), lit("b", TEXT),
                lit(1L, SqlType.BIGINT), lit(1L, SqlType.BIGINT), lit(1L, SqlType.BIGINT), lit("c", TEXT))));
        assertEquals("a1b-", constant(call(Function.REGEXP_REPLACE, TEXT, lit("a1b22", TEXT), lit("[0-9]+", TEXT),
                lit("-", TEXT), lit(3L, SqlType.BIGINT), lit("c", TEXT))));
        assertEquals(true, constant(call(Function.REGEXP_MATCH, SqlType.BOOLEAN, lit("HELLO", TEXT), lit("^hel", TEXT), lit("i", TEXT))));
    }
}
