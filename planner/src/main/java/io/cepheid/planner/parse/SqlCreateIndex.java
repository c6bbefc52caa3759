package io.cepheid.planner.parse;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (col [ASC|DESC], ...)}. A warehouse without indexes
 * accepts and ignores it, as Redshift's PostgreSQL heritage lets scripts expect.
 */
public final class SqlCreateIndex extends SqlCreate {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

    private final boolean unique;
    private final SqlIdentifier name;
    private final SqlIdentifier table;
    private final SqlNodeList columns;

    public SqlCreateIndex(SqlParserPos pos, boolean unique, SqlIdentifier name, SqlIdentifier table,
        SqlNodeList columns) {
        super(OPERATOR, pos, false, false);
        this.unique = unique;
        this.name = Objects.requireNonNull(name, "name is null");
        this.table = Objects.requireNonNull(table, "table is null");
        this.columns = Objects.requireNonNull(columns, "columns is null");
    }

    public boolean unique() {
        return unique;
    }

    public SqlIdentifier name() {
        return name;
    }

    public SqlIdentifier table() {
        return table;
    }

    /** Each column is a {@link SqlIdentifier}, or a DESC call wrapping one. */
    public SqlNodeList columns() {
        return columns;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, table, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
        name.unparse(writer, 0, 0);
        writer.keyword("ON");
        table.unparse(writer, 0, 0);
        UnparseSupport.parenthesizedList(writer, columns);
    }
}
