package io.cepheid.planner.parse;

import io.cepheid.planner.parse.generated.CepheidSqlParserImpl;
import io.cepheid.planner.parse.generated.ParseException;
import io.cepheid.planner.parse.generated.TokenMgrError;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import java.util.Objects;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.RedshiftSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The entry point to Cepheid's Redshift SQL parser: parses SQL text into Calcite nodes (plus the
 * statement nodes of this package) and reports syntax errors as
 * {@code CepheidException(SYNTAX_ERROR)} with a PostgreSQL-style message such as
 * {@code syntax error at or near "FORM" (line 1, column 15)}.
 */
public final class CepheidParser {
    /** Redshift's identifier limit: 127 bytes. */
    private static final int MAX_IDENTIFIER_LENGTH = 127;

    private static final SqlParser.Config CONFIG = SqlParser.config()
        .withParserFactory(CepheidSqlParserImpl.FACTORY)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        // Redshift folds delimited identifiers to lower case too, unless a session turns on
        // enable_case_sensitive_identifier; names are then compared exactly.
        .withQuotedCasing(Casing.TO_LOWER)
        .withCaseSensitive(true)
        .withIdentifierMaxLength(MAX_IDENTIFIER_LENGTH)
        .withConformance(SqlConformanceEnum.BABEL);

    private CepheidParser() {
    }

    /**
     * The parser configuration: double-quoted identifiers, all identifiers folded to lower case,
     * BABEL conformance (LIMIT/OFFSET, "::", ILIKE, lenient keywords).
     */
    public static SqlParser.Config config() {
        return CONFIG;
    }

    /** Parses exactly one statement; a trailing semicolon is allowed. */
    public static SqlNode parse(String sql) {
        SqlNodeList statements = parseStatements(sql);
        if (statements.isEmpty()) {
            throw new CepheidException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input: empty statement");
        }
        if (statements.size() > 1) {
            SqlParserPos second = statements.get(1).getParserPosition();
            throw new CepheidException(ErrorCode.SYNTAX_ERROR,
                "cannot run multiple statements at once " + where(second));
        }
        return statements.get(0);
    }

    /** Parses statements separated by semicolons; the last one may end with a semicolon. */
    public static SqlNodeList parseStatements(String sql) {
        Objects.requireNonNull(sql, "sql is null");
        try {
            return SqlParser.create(sql, CONFIG).parseStmtList();
        } catch (SqlParseException e) {
            throw syntaxError(sql, e);
        }
    }

    /**
     * Prints a parsed statement back as SQL this parser accepts, in Calcite's Redshift dialect:
     * keywords upper case, every identifier double-quoted, LIMIT/OFFSET rather than FETCH.
     */
    public static String toSql(SqlNode node) {
        return node.toSqlString(writer -> writer.withDialect(RedshiftSqlDialect.DEFAULT)).getSql();
    }

    /** Turns Calcite's exception into ours, naming the text at the error as PostgreSQL does. */
    static CepheidException syntaxError(String sql, SqlParseException e) {
        SqlParserPos pos = e.getPos();
        if (pos == null) {
            return new CepheidException(ErrorCode.SYNTAX_ERROR, "syntax error: " + e.getMessage(), e);
        }
        String near = atEndOfInput(e) ? "at end of input" : "at or near \"" + textAt(sql, pos) + "\"";
        String detail = detail(e);
        String message = "syntax error " + near + " " + where(pos) + (detail == null ? "" : ": " + detail);
        return new CepheidException(ErrorCode.SYNTAX_ERROR, message, e);
    }

    private static String where(SqlParserPos pos) {
        return "(line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
    }

    /** Token errors say everything with "at or near"; other errors add what went wrong. */
    private static @Nullable String detail(SqlParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ParseException || cause instanceof TokenMgrError || cause == null) {
            return null;
        }
        return cause.getMessage();
    }

    private static boolean atEndOfInput(SqlParseException e) {
        if (e.getCause() instanceof ParseException parse
            && parse.currentToken != null && parse.currentToken.next != null) {
            return parse.currentToken.next.kind == 0;
        }
        return false;
    }

    /**
     * The source text a position covers. Calcite counts lines and columns from 1 with tabs as one
     * column, so line L column C is the C-th character of the L-th line.
     */
    static String textAt(String sql, SqlParserPos pos) {
        int start = offsetOf(sql, pos.getLineNum(), pos.getColumnNum());
        int end = offsetOf(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        if (start < 0 || start >= sql.length()) {
            return "";
        }
        if (end <= start || end > sql.length()) {
            end = start + 1;
        }
        return sql.substring(start, end);
    }

    private static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = sql.indexOf('\n', offset);
            if (newline < 0) {
                return -1;
            }
            offset = newline + 1;
        }
        return offset + column - 1;
    }
}
