package io.cepheid.planner.parse;

import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN ANALYZE query} (PostgreSQL's form; Redshift shows the same figures in SVL_QUERY_SUMMARY):
 * run the query, discard its rows and print the plan with each step's actual rows, time and blocks.
 */
public final class SqlExplainAnalyze extends SqlExplain {
    public SqlExplainAnalyze(SqlParserPos pos, SqlNode query, int dynamicParameterCount) {
        super(pos, query, SqlExplainLevel.EXPPLAN_ATTRIBUTES.symbol(SqlParserPos.ZERO),
                Depth.PHYSICAL.symbol(SqlParserPos.ZERO), SqlExplainFormat.TEXT.symbol(SqlParserPos.ZERO),
                dynamicParameterCount);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXPLAIN");
        writer.keyword("ANALYZE");
        getExplicandum().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
    }
}
