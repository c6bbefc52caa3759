package io.cepheid.sqltest.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A TPC-H answer file ({@code |}-separated, header line first) and the comparison rules for it: numbers
 * match within 0.01 absolute (Redshift's AVG over DECIMAL keeps the column's scale where the reference
 * engine returns a double) or 1e-12 relative (double rounding in large floating sums; exact DECIMAL sums
 * such as Q1's 5.6e10 must match to the cent), strings match after trailing blanks are removed (CHAR padding).
 */
public record ExpectedAnswer(List<String> columns, List<List<String>> rows) {
    private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");

    public static ExpectedAnswer read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = Arrays.asList(lines.getFirst().split("\\|", -1));
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(Arrays.asList(line.split("\\|", -1)));
            }
            return new ExpectedAnswer(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This answer without the named columns: for free-text columns that the answer's data generator filled
     * differently from the data under test. Drop the same columns from actual rows with {@link #dropColumns}.
     */
    public ExpectedAnswer without(Set<String> dropped) {
        if (!columns.containsAll(dropped)) {
            throw new IllegalArgumentException(dropped + " are not all columns of " + columns);
        }
        return new ExpectedAnswer(dropColumns(columns, columns, dropped),
                rows.stream().map(row -> dropColumns(columns, row, dropped)).toList());
    }

    /** {@code row}, laid out as {@code header}, without the values of the {@code dropped} columns. */
    public static List<String> dropColumns(List<String> header, List<String> row, Set<String> dropped) {
        List<String> kept = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!dropped.contains(header.get(c))) {
                kept.add(row.get(c));
            }
        }
        return kept;
    }

    /** Returns null when {@code actual} matches, else a description of the first difference. */
    public String difference(List<List<String>> actual) {
        if (actual.size() != rows.size()) {
            return "expected " + rows.size() + " rows, got " + actual.size() + ": " + actual;
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> expectedRow = rows.get(r);
            List<String> actualRow = actual.get(r);
            if (expectedRow.size() != actualRow.size()) {
                return "row " + (r + 1) + ": expected " + expectedRow.size() + " columns, got " + actualRow;
            }
            for (int c = 0; c < expectedRow.size(); c++) {
                if (!matches(expectedRow.get(c), actualRow.get(c))) {
                    return "row " + (r + 1) + ", column " + columns.get(c) + ": expected " + expectedRow.get(c)
                            + ", got " + actualRow.get(c);
                }
            }
        }
        return null;
    }

    static boolean matches(String expected, String actual) {
        if (actual == null) {
            return expected.isEmpty();
        }
        BigDecimal expectedNumber = number(expected);
        BigDecimal actualNumber = number(actual);
        if (expectedNumber != null && actualNumber != null) {
            BigDecimal difference = expectedNumber.subtract(actualNumber).abs();
            return difference.compareTo(ABSOLUTE_TOLERANCE) <= 0
                    || difference.compareTo(expectedNumber.abs().multiply(new BigDecimal("1e-12"))) <= 0;
        }
        return expected.stripTrailing().equals(actual.stripTrailing());
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
