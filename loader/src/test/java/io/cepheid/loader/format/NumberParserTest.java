package io.cepheid.loader.format;

import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Number and boolean parsing from bytes: boundaries, rounding and rejections. */
class NumberParserTest {
    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long integer(String text) throws FieldParseException {
        return NumberParser.parseLong(b(text), 0, text.length(), Long.MIN_VALUE, Long.MAX_VALUE, SqlType.BIGINT);
    }

    /** With ROUNDEC: extra fraction digits round half away from zero. */
    private static long decimal(String text, int precision, int scale) throws FieldParseException {
        return NumberParser.parseDecimal(b(text), 0, text.length(), precision, scale, true, new SqlType.DecimalType(precision, scale));
    }

    /** Redshift's default: extra fraction digits are cut off. */
    private static long truncatedDecimal(String text, int precision, int scale) throws FieldParseException {
        return NumberParser.parseDecimal(b(text), 0, text.length(), precision, scale, false, new SqlType.DecimalType(precision, scale));
    }

    private static java.math.BigInteger wideDecimal(String text, int precision, int scale, boolean round) throws FieldParseException {
        return NumberParser.parseWideDecimal(b(text), 0, text.length(), precision, scale, round, new SqlType.DecimalType(precision, scale));
    }

    @Test
    void decimalsTruncateExtraFractionDigitsUnlessRounding() throws FieldParseException {
        assertEquals(99, truncatedDecimal("0.999", 3, 2));
        assertEquals(-234, truncatedDecimal("-2.349", 5, 2));
        assertEquals(999, truncatedDecimal("9.9999", 3, 2));
        assertEquals(235, decimal("2.345", 5, 2));
    }

    @Test
    void wideDecimalsUpTo38Digits() throws FieldParseException {
        String max = "9".repeat(38);
        assertEquals(new java.math.BigInteger(max), wideDecimal(max, 38, 0, false));
        assertEquals(new java.math.BigInteger("-" + max), wideDecimal("-" + max, 38, 0, false));
        assertEquals(new java.math.BigInteger("12345678901234567890123"), wideDecimal("123456789012345678901.239", 25, 2, false));
        assertEquals(new java.math.BigInteger("12345678901234567890124"), wideDecimal("123456789012345678901.235", 25, 2, true));
        assertThrows(FieldParseException.class, () -> wideDecimal("1" + "0".repeat(38), 38, 0, false));
        assertThrows(FieldParseException.class, () -> wideDecimal("1e5", 38, 0, false));
        assertThrows(FieldParseException.class, () -> wideDecimal("-", 38, 0, false));
        assertThrows(FieldParseException.class, () -> wideDecimal("1.2.3", 38, 2, false));
    }

    @Test
    void integersAtTheBoundaries() throws FieldParseException {
        assertEquals(Long.MIN_VALUE, integer("-9223372036854775808"));
        assertEquals(Long.MAX_VALUE, integer("+9223372036854775807"));
        assertEquals(0, integer("-0"));
        assertEquals(7, integer("007"));
        for (String bad : new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999"}) {
            assertTrue(assertThrows(FieldParseException.class, () -> integer(bad)).getMessage().startsWith("value out of range"));
        }
        for (String bad : new String[] {"", "-", "1.0", "1e3", " 1", "0x10"}) {
            assertTrue(assertThrows(FieldParseException.class, () -> integer(bad)).getMessage().startsWith("invalid digit"), bad);
        }
    }

    @Test
    void decimalsScaleRoundAndCheckPrecision() throws FieldParseException {
        assertEquals(123_456_789_012_345_678L, decimal("123456789012345678", 18, 0));
        assertEquals(999_999_999_999_999_999L, decimal("9999999999999999.99", 18, 2));
        assertEquals(100, decimal("0.995", 3, 2));
        assertEquals(-100, decimal("-0.995", 3, 2));
        assertEquals(99, decimal("0.994999", 3, 2));
        assertEquals(1, decimal("0000.005", 3, 2));
        assertEquals(12_000, decimal("12", 5, 3));
        assertThrows(FieldParseException.class, () -> decimal("9.995", 3, 2));
        assertThrows(FieldParseException.class, () -> decimal("10", 3, 2));
        assertThrows(FieldParseException.class, () -> decimal("1.2.3", 5, 2));
        assertThrows(FieldParseException.class, () -> decimal(".", 5, 2));
        assertThrows(FieldParseException.class, () -> decimal("-", 5, 2));
    }

    @Test
    void doublesIncludingSpecialValues() throws FieldParseException {
        assertEquals(-1.5e-3, NumberParser.parseDouble(b("-1.5E-3"), 0, 7, SqlType.DOUBLE));
        assertTrue(Double.isNaN(NumberParser.parseDouble(b("nan"), 0, 3, SqlType.DOUBLE)));
        assertEquals(Double.NEGATIVE_INFINITY, NumberParser.parseDouble(b("-inf"), 0, 4, SqlType.DOUBLE));
        assertEquals(Double.POSITIVE_INFINITY, NumberParser.parseDouble(b("INFINITY"), 0, 8, SqlType.DOUBLE));
        assertThrows(FieldParseException.class, () -> NumberParser.parseDouble(b("1.0f"), 0, 4, SqlType.DOUBLE));
        assertThrows(FieldParseException.class, () -> NumberParser.parseDouble(b("1e"), 0, 2, SqlType.DOUBLE));
        assertThrows(FieldParseException.class, () -> NumberParser.parseDouble(b("e5"), 0, 2, SqlType.DOUBLE));
    }
}
