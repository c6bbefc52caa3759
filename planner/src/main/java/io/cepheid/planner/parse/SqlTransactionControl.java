package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A transaction-control statement: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT (each with
 * its optional WORK or TRANSACTION), reduced to what it does.
 */
public final class SqlTransactionControl extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("TRANSACTION CONTROL", SqlKind.OTHER);

    /** What the statement does; the command tag a client sees is the action's name. */
    public enum Action { BEGIN, COMMIT, ROLLBACK }

    private final Action action;

    public SqlTransactionControl(SqlParserPos pos, Action action) {
        super(pos);
        this.action = Objects.requireNonNull(action, "action is null");
    }

    public Action action() {
        return action;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(action.name());
    }
}
