package io.cepheid.sqltest;

import io.cepheid.sqltest.SltRecord.SortMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering of I/R/T values, strcmp sorting and MD5 hashing, each against hand-checked answers. */
class SltValuesTest {
    @Test
    void integersTruncateRealsAndTakeLeadingDigitsOfText() {
        assertEquals("42", SltValues.render(42, null, 'I'));
        assertEquals("-9000000000", SltValues.render(-9_000_000_000L, null, 'I'));
        assertEquals("3", SltValues.render(3.9, null, 'I'));
        assertEquals("-3", SltValues.render(-3.9, null, 'I'));
        assertEquals("-3", SltValues.render(new BigDecimal("-3.99"), null, 'I'));
        assertEquals("12", SltValues.render("12abc", "12abc", 'I'));
        assertEquals("0", SltValues.render("abc", "abc", 'I'));
        assertEquals("1", SltValues.render(true, null, 'I'));
        assertEquals("NULL", SltValues.render(null, null, 'I'));
    }

    @Test
    void realsPrintWithThreeDecimals() {
        assertEquals("10.000", SltValues.render(10, null, 'R'));
        assertEquals("-3.500", SltValues.render(-3.5, null, 'R'));
        assertEquals("0.333", SltValues.render(1.0 / 3, null, 'R'));
        assertEquals("2.346", SltValues.render(new BigDecimal("2.3456"), null, 'R'));
        assertEquals("1.500", SltValues.render(1.5f, null, 'R'));
        assertEquals("0.000", SltValues.render("x", "x", 'R'));
        assertEquals("NULL", SltValues.render(null, null, 'R'));
    }

    @Test
    void textShowsEmptyAndReplacesBytesOutsidePrintableAscii() {
        assertEquals("(empty)", SltValues.render("", "", 'T'));
        assertEquals("a@b", SltValues.render("a\tb", "a\tb", 'T'));
        assertEquals("caf@@", SltValues.render("café", "café", 'T'), "é is two UTF-8 bytes");
        assertEquals("12.50", SltValues.render(new BigDecimal("12.50"), "12.50", 'T'), "T uses the driver's text");
        assertEquals("NULL", SltValues.render(null, null, 'T'));
    }

    @Test
    void rowsortComparesRenderedStringsColumnByColumn() {
        List<String> values = List.of("9", "b", "10", "a", "NULL", "c", "10", "0");
        assertEquals(List.of("10", "0", "10", "a", "9", "b", "NULL", "c"), SltValues.sorted(values, SortMode.ROWSORT, 2));
    }

    @Test
    void valuesortIgnoresRowsAndNosortKeepsOrder() {
        List<String> values = List.of("b", "10", "9", "a");
        assertEquals(List.of("10", "9", "a", "b"), SltValues.sorted(values, SortMode.VALUESORT, 2));
        assertEquals(values, SltValues.sorted(values, SortMode.NOSORT, 2));
    }

    @Test
    void strcmpIsUnsignedByteOrder() {
        assertTrue(SltValues.strcmp("10", "9") < 0);
        assertTrue(SltValues.strcmp("Z", "a") < 0);
        assertTrue(SltValues.strcmp("é", "z") > 0, "bytes above 0x7F sort after ASCII");
        assertEquals(0, SltValues.strcmp("x", "x"));
    }

    @Test
    void hashIsMd5OfValuesEachFollowedByNewline() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", SltValues.md5(List.of()));
        // md5("1\n2\n"), computed independently with `printf '1\n2\n' | md5sum`.
        assertEquals("6ddb4095eb719e2a9f0a3f95677d24e0", SltValues.md5(List.of("1", "2")));
        assertEquals(SltValues.md5(List.of("1\n2")), SltValues.md5(List.of("1", "2")), "the hash covers value + newline");
        assertEquals("3 values hashing to " + SltValues.md5(List.of("a", "b", "c")), SltValues.hashLine(List.of("a", "b", "c")));
    }

    @Test
    void expectedRowsMayBeTabSeparated() {
        assertEquals(List.of("1", "a", "2", "b"), SltValues.flattenExpected(List.of("1\ta", "2\tb")));
    }
}
