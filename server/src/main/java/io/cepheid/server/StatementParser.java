package io.cepheid.server;

import io.cepheid.planner.parse.CepheidParser;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Parses one statement of Cepheid's SQL dialect (Redshift's) and inspects what was parsed. */
final class StatementParser {
    private StatementParser() {
    }

    static SqlNode parse(String sql) {
        return CepheidParser.parse(sql);
    }

    /** Number of {@code ?} markers in a parsed statement. */
    static int countParameters(SqlNode node) {
        int[] max = {0};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                max[0] = Math.max(max[0], param.getIndex() + 1);
                return null;
            }
        });
        return max[0];
    }
}
