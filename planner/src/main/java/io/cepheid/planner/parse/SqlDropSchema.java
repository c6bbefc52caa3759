package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropSchema extends SqlDrop {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("DROP SCHEMA", SqlKind.DROP_SCHEMA);

    private final SqlIdentifier name;
    private final DropBehavior behavior;

    public SqlDropSchema(SqlParserPos pos, boolean ifExists, SqlIdentifier name, DropBehavior behavior) {
        super(OPERATOR, pos, ifExists);
        this.name = Objects.requireNonNull(name, "name is null");
        this.behavior = Objects.requireNonNull(behavior, "behavior is null");
    }

    public boolean ifExists() {
        return ifExists;
    }

    public SqlIdentifier name() {
        return name;
    }

    public DropBehavior behavior() {
        return behavior;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP SCHEMA");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (behavior == DropBehavior.CASCADE) {
            writer.keyword("CASCADE");
        }
    }
}
