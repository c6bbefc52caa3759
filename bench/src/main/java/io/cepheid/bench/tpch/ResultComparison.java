package io.cepheid.bench.tpch;

import java.math.BigDecimal;
import java.util.List;

/**
 * Compares a Cepheid result with a reference result (DuckDB's, or an answer file) row by row, in order.
 * Numbers match within 0.01 absolute or 1e-14 relative: Redshift's AVG over DECIMAL(15,2) keeps two places
 * ({@code 25.52}) where DuckDB returns a double ({@code 25.522005853257337}), a difference below 0.01
 * whether the engine rounds or truncates; the relative bound only admits a double's last digits on large
 * values (at 5.6e10, Q1's sum, it allows 0.00056, so a sum off by a cent still differs). Strings match after trailing blanks are removed (CHAR(n) padding).
 * Column names are not compared: DuckDB and Cepheid name unaliased aggregates differently.
 */
public final class ResultComparison {
    private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-14");

    private ResultComparison() {
    }

    /** Returns null when {@code actual} matches {@code expected}, else a description of the first difference. */
    public static String difference(ResultTable expected, ResultTable actual) {
        if (expected.columns().size() != actual.columns().size()) {
            return "expected " + expected.columns().size() + " columns " + expected.columns() + ", got "
                    + actual.columns().size() + " " + actual.columns();
        }
        if (expected.rows().size() != actual.rows().size()) {
            return "expected " + expected.rows().size() + " rows, got " + actual.rows().size();
        }
        for (int r = 0; r < expected.rows().size(); r++) {
            List<String> expectedRow = expected.rows().get(r);
            List<String> actualRow = actual.rows().get(r);
            for (int c = 0; c < expectedRow.size(); c++) {
                if (!matches(expectedRow.get(c), actualRow.get(c))) {
                    return "row " + (r + 1) + ", column " + expected.columns().get(c) + ": expected "
                            + expectedRow.get(c) + ", got " + actualRow.get(c);
                }
            }
        }
        return null;
    }

    /** One value; null and the empty string are the same, since answer files cannot tell them apart. */
    static boolean matches(String expected, String actual) {
        String expectedText = expected == null ? "" : expected;
        String actualText = actual == null ? "" : actual;
        BigDecimal expectedNumber = number(expectedText);
        BigDecimal actualNumber = number(actualText);
        if (expectedNumber != null && actualNumber != null) {
            BigDecimal difference = expectedNumber.subtract(actualNumber).abs();
            return difference.compareTo(ABSOLUTE_TOLERANCE) <= 0
                    || difference.compareTo(expectedNumber.abs().multiply(RELATIVE_TOLERANCE)) <= 0;
        }
        return expectedText.stripTrailing().equals(actualText.stripTrailing());
    }

    /** The value as a number, or null for text; dates ({@code 1995-03-15}) are not numbers. */
    private static BigDecimal number(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
