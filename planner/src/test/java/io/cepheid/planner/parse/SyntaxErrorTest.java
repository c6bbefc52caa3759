package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.syntaxError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Syntax errors are CepheidException(SYNTAX_ERROR) with PostgreSQL-style text and a position. */
class SyntaxErrorTest {

    @Test
    void misspelledKeyword() {
        assertEquals("syntax error at or near \"FORM\" (line 1, column 15)", syntaxError("SELECT a, b c FORM t"));
    }

    @Test
    void positionOnLaterLine() {
        assertEquals("syntax error at or near \"WHERE\" (line 3, column 7)",
            syntaxError("SELECT a\nFROM t\nWHERE WHERE a > 1"));
    }

    @Test
    void endOfInput() {
        assertTrue(syntaxError("SELECT a FROM").startsWith("syntax error at end of input (line 1, column"),
            syntaxError("SELECT a FROM"));
    }

    @Test
    void badToken() {
        assertTrue(syntaxError("SELECT 'unterminated FROM t").startsWith("syntax error at or near"));
    }

    @Test
    void multipleStatementsWhereOneIsExpected() {
        assertEquals("cannot run multiple statements at once (line 1, column 11)", syntaxError("SELECT 1; SELECT 2"));
    }

    @Test
    void trailingSemicolonIsAllowed() {
        CepheidParser.parse("SELECT 1;");
    }

    @Test
    void emptyInput() {
        assertTrue(syntaxError("  ").contains("empty statement"));
    }
}
