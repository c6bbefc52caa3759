package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code UPDATE t [AS x] SET c = expr [, ...] FROM from_list [WHERE condition]} (Redshift and PostgreSQL):
 * the SET expressions may read the FROM list's columns of the source row the condition joins to each target
 * row. Calcite's {@link SqlUpdate} has no FROM; this keeps it as a FROM clause (tables, comma joins,
 * JOIN ... ON, subqueries).
 */
public final class SqlUpdateFrom extends SqlUpdate {
    private final SqlNode from;

    public SqlUpdateFrom(SqlParserPos pos, SqlNode targetTable, SqlIdentifier alias, SqlNodeList targetColumns,
            SqlNodeList sourceExpressions, SqlNode from, SqlNode condition) {
        super(pos, targetTable, targetColumns, sourceExpressions, condition, null, alias);
        this.from = Objects.requireNonNull(from, "from is null");
    }

    /** The FROM list: one table reference or a tree of joins. */
    public SqlNode from() {
        return from;
    }

    /** Calcite's operands plus FROM, so that visitors (the count of {@code ?} markers) see its expressions. */
    @Override
    public List<SqlNode> getOperandList() {
        return ImmutableNullableList.<SqlNode>builder().addAll(super.getOperandList()).add(from).build();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "UPDATE", "");
        getTargetTable().unparse(writer, 0, 0);
        if (getAlias() != null) {
            writer.keyword("AS");
            getAlias().unparse(writer, 0, 0);
        }
        writer.keyword("SET");
        SqlWriter.Frame setFrame = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "", "");
        for (int i = 0; i < getTargetColumnList().size(); i++) {
            writer.sep(",");
            getTargetColumnList().get(i).unparse(writer, 0, 0);
            writer.keyword("=");
            getSourceExpressionList().get(i).unparse(writer, 0, 0);
        }
        writer.endList(setFrame);
        writer.sep("FROM");
        from.unparse(writer, 0, 0);
        if (getCondition() != null) {
            writer.sep("WHERE");
            getCondition().unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
