package io.cepheid.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where statements end: semicolons outside quotes, comments and dollar-quoted bodies. */
class StatementSplitterTest {
    @Test
    void splitsOnSemicolonsAndKeepsTheUnfinishedRest() {
        StatementSplitter.Split split = StatementSplitter.split("SELECT 1; SELECT\n 2 ;;\nSELECT 3");
        assertEquals(List.of("SELECT 1", "SELECT\n 2"), split.statements());
        assertEquals("\nSELECT 3", split.remainder());
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotSplit() {
        String text = "SELECT 'a;b', 'it''s;', \"odd;name\" -- trailing; comment\nFROM t /* block; /* nested; */ still; */ WHERE x = 1;";
        StatementSplitter.Split split = StatementSplitter.split(text);
        assertEquals(List.of(text.substring(0, text.length() - 1)), split.statements());
        assertEquals("", split.remainder());
    }

    @Test
    void dollarQuotedBodiesAreOpaqueButParameterMarkersAreNot() {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql";
        assertEquals(List.of(function, "SELECT $1"), StatementSplitter.split(function + "; SELECT $1;").statements());
        assertEquals(List.of("SELECT $$a;b$$"), StatementSplitter.split("SELECT $$a;b$$;").statements());
    }

    @Test
    void unclosedQuotesWaitForMoreInput() {
        StatementSplitter.Split split = StatementSplitter.split("SELECT 'abc;\n");
        assertEquals(List.of(), split.statements());
        assertEquals("SELECT 'abc;\n", split.remainder());
    }

    @Test
    void commentOnlyTextHasNoContent() {
        assertFalse(StatementSplitter.hasContent("  -- just a note\n /* and; this */ \n"));
        assertTrue(StatementSplitter.hasContent("-- note\nSELECT 1"));
        assertEquals(List.of(), StatementSplitter.split("-- a;\n;").statements());
        assertEquals(List.of("SELECT 1 -- kept"), StatementSplitter.split("/* dropped */ -- dropped\nSELECT 1 -- kept\n;").statements());
    }
}
