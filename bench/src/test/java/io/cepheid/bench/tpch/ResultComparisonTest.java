package io.cepheid.bench.tpch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultComparisonTest {
    @Test
    void redshiftAverageOverDecimalMatchesDuckDbDouble() {
        assertTrue(ResultComparison.matches("25.522005853257337", "25.52"));
        assertTrue(ResultComparison.matches("0.049985295838397614", "0.04"));
        assertTrue(ResultComparison.matches("0.049985295838397614", "0.05"));
    }

    @Test
    void numbersOutsideTheToleranceDiffer() {
        assertFalse(ResultComparison.matches("25.52", "25.54"));
        assertFalse(ResultComparison.matches("56586554400.73", "56586554400.75"));
        assertFalse(ResultComparison.matches("1478493", "1478494"));
    }

    @Test
    void largeNumbersMatchWithinRelativeTolerance() {
        assertTrue(ResultComparison.matches("55909065222.827692", "55909065222.83"));
        assertTrue(ResultComparison.matches("1.2345678901234567E18", "1234567890123456800"));
        assertFalse(ResultComparison.matches("1.0E12", "1000000000000.5"));
    }

    @Test
    void stringsIgnoreCharPaddingButNotContent() {
        assertTrue(ResultComparison.matches("BRAZIL", "BRAZIL                   "));
        assertFalse(ResultComparison.matches("BRAZIL", "BRAZIL2"));
        assertFalse(ResultComparison.matches("  leading", "leading"));
        assertTrue(ResultComparison.matches("1995-03-15", "1995-03-15"));
        assertFalse(ResultComparison.matches("1995-03-15", "1995-03-16"));
        assertFalse(ResultComparison.matches("13-761-547-5974", "13-761-547-5975"));
    }

    @Test
    void nullEqualsEmptyOnly() {
        assertTrue(ResultComparison.matches("", null));
        assertTrue(ResultComparison.matches(null, null));
        assertFalse(ResultComparison.matches("0", null));
    }

    @Test
    void reportsFirstDifferingCellAndShapeMismatches() {
        ResultTable expected = table(List.of("a", "b"), row("A", "1.00"), row("N", "2.00"));
        assertNull(ResultComparison.difference(expected, table(List.of("x", "y"), row("A", "1"), row("N", "2.001"))));
        assertEquals("row 2, column b: expected 2.00, got 3.00",
                ResultComparison.difference(expected, table(List.of("a", "b"), row("A", "1.00"), row("N", "3.00"))));
        assertEquals("expected 2 rows, got 1", ResultComparison.difference(expected, table(List.of("a", "b"), row("A", "1.00"))));
        assertTrue(ResultComparison.difference(expected, table(List.of("a"), row("A"), row("N"))).startsWith("expected 2 columns"));
    }

    @Test
    void readsAnswerFilesWithEmptyFields() throws Exception {
        Path file = Files.createTempFile("answer", ".csv");
        try {
            Files.writeString(file, "s_name|s_comment|total\nSupplier#1||12.50\n");
            ResultTable answer = ResultTable.readAnswerFile(file);
            assertEquals(List.of("s_name", "s_comment", "total"), answer.columns());
            assertEquals(List.of(List.of("Supplier#1", "", "12.50")), answer.rows());
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static ResultTable table(List<String> columns, List<String>... rows) {
        return new ResultTable(columns, List.of(rows));
    }
}
