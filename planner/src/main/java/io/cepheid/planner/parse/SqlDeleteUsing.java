package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code DELETE FROM t [AS x] USING from_list [WHERE condition]} (Redshift and PostgreSQL): deletes each row
 * of {@code t} that the condition joins to at least one row of the USING list. Calcite's {@link SqlDelete}
 * has no USING; this keeps it as a FROM clause (tables, comma joins, JOIN ... ON, subqueries).
 */
public final class SqlDeleteUsing extends SqlDelete {
    private final SqlNode using;

    public SqlDeleteUsing(SqlParserPos pos, SqlNode targetTable, SqlIdentifier alias, SqlNode using, SqlNode condition) {
        super(pos, targetTable, condition, null, alias);
        this.using = Objects.requireNonNull(using, "using is null");
    }

    /** The USING list as a FROM clause: one table reference or a tree of joins. */
    public SqlNode using() {
        return using;
    }

    /** Calcite's operands plus USING, so that visitors (the count of {@code ?} markers) see its expressions. */
    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.<SqlNode>builder().addAll(super.getOperandList()).add(using).build();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "DELETE FROM", "");
        getTargetTable().unparse(writer, 0, 0);
        if (getAlias() != null) {
            writer.keyword("AS");
            getAlias().unparse(writer, 0, 0);
        }
        writer.sep("USING");
        using.unparse(writer, 0, 0);
        if (getCondition() != null) {
            writer.sep("WHERE");
            getCondition().unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
