package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ANALYZE [VERBOSE] [table [(column, ...)]] [PREDICATE COLUMNS | ALL COLUMNS] and ANALYZE COMPRESSION. */
class AnalyzeParseTest {
    @Test
    void tableColumnsAndColumnChoice() {
        SqlAnalyze all = parseAs("ANALYZE", SqlAnalyze.class);
        assertNull(all.table());
        assertFalse(all.compression());

        SqlAnalyze columns = parseAs("analyze verbose s.t (a, b) all columns", SqlAnalyze.class);
        assertEquals("s.t", columns.table().toString());
        assertEquals(2, columns.columns().size());
        assertFalse(columns.predicateColumns());

        SqlAnalyze predicate = parseAs("ANALYZE PREDICATE COLUMNS", SqlAnalyze.class);
        assertNull(predicate.table());
        assertTrue(predicate.predicateColumns());
        assertTrue(parseAs("ANALYZE t PREDICATE COLUMNS", SqlAnalyze.class).predicateColumns());
        assertEquals("ANALYZE `t` PREDICATE COLUMNS", parseAs("ANALYZE t PREDICATE COLUMNS", SqlAnalyze.class).toString());

        // A table may still be called predicate.
        assertEquals("predicate", parseAs("ANALYZE predicate", SqlAnalyze.class).table().toString());
        assertTrue(parseAs("ANALYZE COMPRESSION t COMPROWS 5000", SqlAnalyze.class).compression());
    }
}
