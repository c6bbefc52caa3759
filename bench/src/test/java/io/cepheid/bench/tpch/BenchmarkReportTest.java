package io.cepheid.bench.tpch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkReportTest {
    @Test
    void geometricMeanIsOverPassedQueriesOnly() {
        List<QueryOutcome> outcomes = List.of(
                new QueryOutcome.Passed("q01", 200, 100),
                new QueryOutcome.Failed("q02", "Cepheid error: boom"),
                new QueryOutcome.Passed("q03", 80, 10));
        // ratios 2 and 8: geometric mean sqrt(16) = 4
        assertEquals(4.0, BenchmarkReport.geometricMeanRatio(outcomes), 1e-12);
    }

    @Test
    void formatsTableFailuresAndGeomeanLast() {
        String report = BenchmarkReport.format(List.of(
                new QueryOutcome.Passed("q01", 1234.56, 100),
                new QueryOutcome.Failed("q02", "differs from DuckDB: row 1, column s_name: expected a, got b"),
                new QueryOutcome.Passed("q06", 5, 10)));
        List<String> lines = report.lines().toList();
        assertEquals("query | Cepheid ms |  DuckDB ms |   ratio", lines.get(0));
        assertEquals("q01   |     1234.6 |      100.0 |   12.35", lines.get(2));
        assertEquals("q02   | FAILED: differs from DuckDB: row 1, column s_name: expected a, got b", lines.get(3));
        assertEquals("q06   |        5.0 |       10.0 |    0.50", lines.get(4));
        assertEquals("2 of 3 queries passed on both engines", lines.get(5));
        // sqrt(12.3456 * 0.5) = 2.4844...
        assertEquals("geomean ratio cepheid/duckdb: 2.48", lines.getLast());
    }

    @Test
    void geomeanIsNotApplicableWhenNothingPassed() {
        String report = BenchmarkReport.format(List.of(new QueryOutcome.Failed("q01", "x".repeat(500))));
        assertEquals("geomean ratio cepheid/duckdb: n/a", report.lines().toList().getLast());
        assertTrue(report.lines().anyMatch(line -> line.startsWith("q01   | FAILED: xxx") && line.endsWith("...") && line.length() < 200));
    }

    @Test
    void medianOfOddAndEvenRunCounts() {
        assertEquals(3.0, QueryTimer.medianMillis(new long[] {9_000_000, 1_000_000, 3_000_000}), 1e-12);
        assertEquals(2.5, QueryTimer.medianMillis(new long[] {4_000_000, 1_000_000, 2_000_000, 3_000_000}), 1e-12);
    }
}
