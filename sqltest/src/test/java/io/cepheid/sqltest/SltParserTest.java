package io.cepheid.sqltest;

import io.cepheid.sqltest.SltRecord.SortMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record parsing: blank-line separation, comments, headers, conditions and malformed input. */
class SltParserTest {
    private static final String FILE = String.join("\n",
            "# leading comment",
            "hash-threshold 16",
            "",
            "statement ok",
            "CREATE TABLE t1(a INTEGER,",
            "# a comment inside a record does not end it",
            "  b INTEGER)",
            "",
            "",
            "skipif mysql # not compatible",
            "onlyif postgresql",
            "query IT rowsort label-7",
            "SELECT a,",
            "  b FROM t1",
            "----",
            "1",
            "x",
            "",
            "query R",
            "SELECT 1.5",
            "",
            "statement error",
            "SELECT * FROM nope",
            "",
            "statement error division by zero",
            "SELECT 1/0",
            "",
            "onlyif mssql",
            "halt",
            "");

    @Test
    void recordsAreSplitOnBlankLinesWithCommentsDropped() {
        List<SltRecord> records = SltParser.parse("f.test", FILE);
        assertEquals(7, records.size());
        assertEquals(new SltRecord.HashThreshold(2, List.of(), 16), records.get(0));
        SltRecord.Statement create = assertInstanceOf(SltRecord.Statement.class, records.get(1));
        assertEquals("CREATE TABLE t1(a INTEGER,\n  b INTEGER)", create.sql());
        assertEquals(4, create.line());
        assertFalse(create.expectError());
    }

    @Test
    void queryHeadersGiveTypesSortModeLabelAndConditions() {
        SltRecord.Query query = assertInstanceOf(SltRecord.Query.class, SltParser.parse("f.test", FILE).get(2));
        assertEquals("IT", query.types());
        assertEquals(SortMode.ROWSORT, query.sortMode());
        assertEquals("label-7", query.label());
        assertEquals("SELECT a,\n  b FROM t1", query.sql());
        assertEquals(List.of("1", "x"), query.expected());
        assertEquals(12, query.line());
        assertEquals(List.of(new SltRecord.Condition(false, "mysql"), new SltRecord.Condition(true, "postgresql")),
                query.conditions());
        assertFalse(query.runsOn("redshift"), "onlyif postgresql excludes redshift");
        assertTrue(query.runsOn("postgresql"));
    }

    @Test
    void queryWithoutResultsExpectsNothingAndDefaultsToNosort() {
        SltRecord.Query query = assertInstanceOf(SltRecord.Query.class, SltParser.parse("f.test", FILE).get(3));
        assertEquals(SortMode.NOSORT, query.sortMode());
        assertNull(query.label());
        assertEquals(List.of(), query.expected());
    }

    @Test
    void statementErrorMayCarryExpectedMessageText() {
        List<SltRecord> records = SltParser.parse("f.test", FILE);
        SltRecord.Statement anyError = assertInstanceOf(SltRecord.Statement.class, records.get(4));
        assertTrue(anyError.expectError());
        assertNull(anyError.errorText());
        SltRecord.Statement withText = assertInstanceOf(SltRecord.Statement.class, records.get(5));
        assertEquals("division by zero", withText.errorText());
    }

    @Test
    void conditionalHaltIsParsedWithItsCondition() {
        String text = "onlyif mssql\nhalt\n\nhalt\n";
        List<SltRecord> records = SltParser.parse("f.test", text);
        assertFalse(records.get(0).runsOn("redshift"));
        assertTrue(records.get(1).runsOn("redshift"));
    }

    @Test
    void malformedRecordsAreErrorsWithTheirLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SltParser.parse("bad.test", "\nloop i 1 10\nSELECT 1\n"));
        assertTrue(unknown.getMessage().startsWith("bad.test:2:"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("bad.test", "query IX\nSELECT 1\n"));
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("bad.test", "query I sideways\nSELECT 1\n"));
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("bad.test", "statement maybe\nSELECT 1\n"));
    }
}
