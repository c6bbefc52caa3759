package io.cepheid.executor.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumericFormatTest {
    private static String format(String pattern, String value) {
        return new NumericFormat(pattern).format(new BigDecimal(value));
    }

    @Test
    void digitsSignAndSeparators() {
        assertEquals(" 1,234.50", format("9,999.99", "1234.5"));
        assertEquals("-1,234.50", format("9,999.99", "-1234.5"));
        assertEquals("    12.00", format("9,999.99", "12"));
        assertEquals(" -0.50", format("90.99", "-0.5"));
        assertEquals("  .50", format("9.99", "0.5"));
        assertEquals(" 0005", format("0999", "5"));
        assertEquals(" 1,234,567", format("9G999G999", "1234567"));
        assertEquals(" -12.35", format("999D99", "-12.345"));
        assertEquals(" 3", format("9", "2.5"));
    }

    @Test
    void fillModeAndOverflow() {
        assertEquals("1,234.5", format("FM9,999.99", "1234.5"));
        assertEquals("-1.", format("FM9.99", "-1"));
        assertEquals("0.0", format("FM90.09", "0"));
        assertEquals(" ###", format("999", "12345"));
        assertEquals(" ###.##", format("999.99", "1000"));
    }
}
