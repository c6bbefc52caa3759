package io.cepheid.planner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE name action}, one action per statement as Redshift allows:
 * {@code RENAME TO new}, {@code RENAME [COLUMN] a TO b}, {@code ADD [COLUMN] definition},
 * {@code DROP [COLUMN] c [RESTRICT | CASCADE]}.
 */
public final class SqlAlterTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

    /** What the statement changes. */
    public enum Action { RENAME_TABLE, RENAME_COLUMN, ADD_COLUMN, DROP_COLUMN }

    private final SqlIdentifier table;
    private final Action action;
    /** The column renamed or dropped; null for RENAME TO and ADD COLUMN. */
    private final SqlIdentifier column;
    /** The new table or column name; null for ADD and DROP COLUMN. */
    private final SqlIdentifier newName;
    /** The column added; null otherwise. */
    private final SqlColumnDefinition added;
    private final DropBehavior behavior;

    private SqlAlterTable(SqlParserPos pos, SqlIdentifier table, Action action, SqlIdentifier column,
                          SqlIdentifier newName, SqlColumnDefinition added, DropBehavior behavior) {
        super(pos);
        this.table = Objects.requireNonNull(table, "table is null");
        this.action = action;
        this.column = column;
        this.newName = newName;
        this.added = added;
        this.behavior = behavior;
    }

    public static SqlAlterTable renameTable(SqlParserPos pos, SqlIdentifier table, SqlIdentifier newName) {
        return new SqlAlterTable(pos, table, Action.RENAME_TABLE, null, newName, null, null);
    }

    public static SqlAlterTable renameColumn(SqlParserPos pos, SqlIdentifier table, SqlIdentifier column,
                                             SqlIdentifier newName) {
        return new SqlAlterTable(pos, table, Action.RENAME_COLUMN, column, newName, null, null);
    }

    public static SqlAlterTable addColumn(SqlParserPos pos, SqlIdentifier table, SqlColumnDefinition added) {
        return new SqlAlterTable(pos, table, Action.ADD_COLUMN, null, null, added, null);
    }

    public static SqlAlterTable dropColumn(SqlParserPos pos, SqlIdentifier table, SqlIdentifier column,
                                           DropBehavior behavior) {
        return new SqlAlterTable(pos, table, Action.DROP_COLUMN, column, null, null, behavior);
    }

    public SqlIdentifier table() {
        return table;
    }

    public Action action() {
        return action;
    }

    public SqlIdentifier column() {
        return column;
    }

    public SqlIdentifier newName() {
        return newName;
    }

    public SqlColumnDefinition added() {
        return added;
    }

    public DropBehavior behavior() {
        return behavior;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(table);
        for (SqlNode node : new SqlNode[]{column, newName, added}) {
            if (node != null) {
                operands.add(node);
            }
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        table.unparse(writer, leftPrec, rightPrec);
        switch (action) {
            case RENAME_TABLE -> {
                writer.keyword("RENAME TO");
                newName.unparse(writer, leftPrec, rightPrec);
            }
            case RENAME_COLUMN -> {
                writer.keyword("RENAME COLUMN");
                column.unparse(writer, leftPrec, rightPrec);
                writer.keyword("TO");
                newName.unparse(writer, leftPrec, rightPrec);
            }
            case ADD_COLUMN -> {
                writer.keyword("ADD COLUMN");
                added.unparse(writer, leftPrec, rightPrec);
            }
            case DROP_COLUMN -> {
                writer.keyword("DROP COLUMN");
                column.unparse(writer, leftPrec, rightPrec);
                if (behavior == DropBehavior.CASCADE) {
                    writer.keyword("CASCADE");
                }
            }
        }
    }
}
