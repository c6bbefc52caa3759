package io.cepheid.planner.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlNode;

/** Assertions shared by the parser tests. */
final class ParseTestSupport {
    private ParseTestSupport() {
    }

    /** Parses one statement and checks it is a {@code type}. */
    static <T extends SqlNode> T parseAs(String sql, Class<T> type) {
        return assertInstanceOf(type, CepheidParser.parse(sql), sql);
    }

    /**
     * Checks that printing a statement gives SQL that parses to the same kind of node and prints
     * identically again, so unparse loses nothing the parser reads. Returns the printed SQL.
     */
    static String assertRoundTrips(String sql) {
        SqlNode first = CepheidParser.parse(sql);
        String printed = CepheidParser.toSql(first);
        SqlNode second = CepheidParser.parse(printed);
        assertEquals(first.getClass(), second.getClass(), printed);
        assertEquals(printed, CepheidParser.toSql(second), "unparse is not stable for: " + sql);
        return printed;
    }

    /** Checks that parsing fails with SYNTAX_ERROR and returns the message. */
    static String syntaxError(String sql) {
        CepheidException e = assertThrows(CepheidException.class, () -> CepheidParser.parse(sql), sql);
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code(), e.getMessage());
        assertEquals("42601", e.sqlState());
        return e.getMessage();
    }
}
