package io.cepheid.sqltest;

import io.cepheid.jdbc.CepheidDriver;
import io.cepheid.jdbc.EngineOpener;
import io.cepheid.storage.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner end to end through the real JDBC driver over a {@link ScriptedEngine}. */
class SltRunnerTest {
    private final ScriptedEngine engine = new ScriptedEngine();
    private EngineOpener previous;

    @BeforeEach
    void plugIn() {
        previous = CepheidDriver.setEngineOpenerForTests((location, properties) -> engine);
    }

    @AfterEach
    void restore() {
        CepheidDriver.setEngineOpenerForTests(previous);
    }

    private SltReport run(String text, ExpectedFailures expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:cepheid:mem:")) {
            return new SltRunner(expected).run("t.test", SltParser.parse("t.test", text), connection);
        }
    }

    @Test
    void passingFileRunsEveryRecordOnceAndSkipsOthersEngines() throws SQLException {
        engine.rows("SELECT a, b FROM t", "IT", new Object[] {2, "b"}, new Object[] {10, null})
                .error("SELECT 1 / 0", ErrorCode.DIVISION_BY_ZERO, "division by zero");
        String file = """
                statement ok
                CREATE TABLE t (a INTEGER, b VARCHAR)

                statement ok
                CREATE INDEX t_a ON t (a)

                statement error
                SELECT * FROM nope

                statement error division by zero
                SELECT 1 / 0

                query IT rowsort
                SELECT a, b FROM t
                ----
                10
                NULL
                2
                b

                onlyif sqlite
                statement ok
                SELECT sqlite_only()

                skipif mysql
                query IT rowsort
                SELECT a, b FROM t
                ----
                4 values hashing to %s

                halt

                statement ok
                never run
                """.formatted(SltValues.md5(List.of("10", "NULL", "2", "b")));
        SltReport report = run(file, ExpectedFailures.none());
        assertTrue(report.passed(), report.details(10));
        assertEquals(5, report.executed);
        assertEquals(2, report.skipped, "the onlyif sqlite statement and the CREATE INDEX");
        assertFalse(engine.executed.contains("never run"));
        assertFalse(engine.executed.stream().anyMatch(sql -> sql.startsWith("CREATE INDEX")));
    }

    @Test
    void failuresNameFileLineSqlExpectedAndActual() throws SQLException {
        engine.rows("SELECT a FROM t", "I", new Object[] {1}, new Object[] {3});
        String file = """
                query I nosort
                SELECT a FROM t
                ----
                1
                2

                statement ok
                SELECT * FROM nope

                statement error
                CREATE TABLE fine (a INTEGER)

                query II
                SELECT a FROM t
                """;
        SltReport report = run(file, ExpectedFailures.none());
        assertEquals(4, report.failures.size(), report.details(10));
        assertEquals("t.test:1: query result differs\nSQL: SELECT a FROM t\nexpected:\n  1\n  2\nactual:\n  1\n  3",
                report.failures.get(0));
        assertTrue(report.failures.get(1).startsWith("t.test:7: statement failed: [42P01] relation \"nope\" does not exist"));
        assertTrue(report.failures.get(2).startsWith("t.test:10: statement succeeded but an error was expected"));
        assertTrue(report.failures.get(3).contains("query returned 1 columns but the type string 'II' has 2"));
    }

    @Test
    void wrongErrorTextFails() throws SQLException {
        SltReport report = run("statement error permission denied\nSELECT * FROM nope\n", ExpectedFailures.none());
        assertEquals(1, report.failures.size());
        assertTrue(report.failures.getFirst().contains("expected an error containing: permission denied"));
    }

    @Test
    void labelsMustAgreeIncludingSkippedQueriesExpectedHashes() throws SQLException {
        engine.rows("SELECT 1", "I", new Object[] {1}).rows("SELECT 2", "I", new Object[] {2});
        String file = """
                onlyif mysql
                query I nosort label-1
                SELECT CAST(1 AS SIGNED)
                ----
                1

                query I nosort label-1
                SELECT 1
                ----
                1

                query I nosort label-1
                SELECT 2
                ----
                2
                """;
        SltReport report = run(file, ExpectedFailures.none());
        assertEquals(1, report.failures.size(), report.details(10));
        assertTrue(report.failures.getFirst().startsWith("t.test:12: result differs from an earlier query labelled label-1"));
    }

    @Test
    void expectedFailuresAreReportedAndStaleOnesFail() throws SQLException {
        ExpectedFailures expected = new ExpectedFailures(Map.of("t.test:1", "no such table yet", "t.test:4", "was broken"));
        SltReport report = run("statement ok\nSELECT * FROM nope\n\nstatement ok\nSELECT 1\n", expected);
        assertEquals(List.of(), report.failures);
        assertEquals(List.of("t.test:1 (no such table yet)"), report.expectedFailures);
        assertEquals(List.of("t.test:4 (listed as: was broken)"), report.unexpectedPasses);
        assertFalse(report.passed());
    }

    @Test
    void hashThresholdOnlyShapesTheMessageWhenValuesAreListed() throws SQLException {
        engine.rows("SELECT v FROM t", "R", new Object[] {0.5}, new Object[] {1.25});
        SltReport report = run("hash-threshold 1\n\nquery R valuesort\nSELECT v FROM t\n----\n1.250\n0.500\n", ExpectedFailures.none());
        assertTrue(report.passed(), report.details(10));
    }

    @Test
    void expectedFailureListParsesFileLineAndReason() {
        ExpectedFailures parsed = ExpectedFailures.parse("# comment\n\nselect1.test:123   avg is integer in Redshift\n");
        assertEquals("avg is integer in Redshift", parsed.reason("select1.test", 123));
        assertEquals(null, parsed.reason("select1.test", 124));
        ExpectedFailures.load(); // the checked-in list must parse
    }
}
