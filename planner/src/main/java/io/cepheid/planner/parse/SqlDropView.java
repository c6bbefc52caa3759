package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropView extends SqlDrop {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

    private final SqlNodeList names;
    private final DropBehavior behavior;

    public SqlDropView(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
        super(OPERATOR, pos, ifExists);
        this.names = Objects.requireNonNull(names, "names is null");
        this.behavior = Objects.requireNonNull(behavior, "behavior is null");
    }

    public boolean ifExists() {
        return ifExists;
    }

    /** The views to drop, each a {@link org.apache.calcite.sql.SqlIdentifier}. */
    public SqlNodeList names() {
        return names;
    }

    public DropBehavior behavior() {
        return behavior;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(names);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP VIEW");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        UnparseSupport.commaList(writer, names);
        if (behavior == DropBehavior.CASCADE) {
            writer.keyword("CASCADE");
        }
    }
}
