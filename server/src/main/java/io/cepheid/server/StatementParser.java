package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/** Parses one statement of Cepheid's SQL dialect. */
final class StatementParser {
    private StatementParser() {
    }

    static SqlNode parse(String sql) {
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        SqlParser.Config config = SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withConformance(SqlConformanceEnum.BABEL)
                .withQuoting(Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false);
        try {
            return SqlParser.create(text, config).parseStmt();
        } catch (SqlParseException e) {
            throw new CepheidException(ErrorCode.SYNTAX_ERROR, e.getMessage(), e);
        }
    }

    /** Number of {@code ?} markers in a parsed statement. */
    static int countParameters(SqlNode node) {
        int[] max = {0};
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                max[0] = Math.max(max[0], param.getIndex() + 1);
                return param;
            }
        });
        return max[0];
    }
}
