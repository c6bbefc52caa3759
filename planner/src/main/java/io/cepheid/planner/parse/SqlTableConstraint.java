package io.cepheid.planner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table-level constraint of CREATE TABLE: {@code [CONSTRAINT n] PRIMARY KEY (cols) | UNIQUE (cols)
 * | FOREIGN KEY (cols) REFERENCES t [(cols)]}. Redshift records these for the planner but does
 * not enforce them.
 */
public final class SqlTableConstraint extends SqlCall {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("TABLE_CONSTRAINT", SqlKind.OTHER);

    /** Which constraint this is. */
    public enum Kind {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY
    }

    private final @Nullable SqlIdentifier constraintName;
    private final Kind kind;
    private final SqlNodeList columns;
    private final @Nullable SqlIdentifier referencedTable;
    private final SqlNodeList referencedColumns;

    public SqlTableConstraint(SqlParserPos pos, @Nullable SqlIdentifier constraintName, Kind kind,
        SqlNodeList columns, @Nullable SqlIdentifier referencedTable, SqlNodeList referencedColumns) {
        super(pos);
        this.constraintName = constraintName;
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.columns = Objects.requireNonNull(columns, "columns is null");
        this.referencedTable = referencedTable;
        this.referencedColumns = Objects.requireNonNull(referencedColumns, "referencedColumns is null");
    }

    public @Nullable SqlIdentifier constraintName() {
        return constraintName;
    }

    public Kind kind() {
        return kind;
    }

    /** The constrained columns, each a {@link SqlIdentifier}. */
    public SqlNodeList columns() {
        return columns;
    }

    /** For FOREIGN KEY, the referenced table; otherwise null. */
    public @Nullable SqlIdentifier referencedTable() {
        return referencedTable;
    }

    /** For FOREIGN KEY, the referenced columns (empty: the referenced table's primary key). */
    public SqlNodeList referencedColumns() {
        return referencedColumns;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>(4);
        if (constraintName != null) {
            operands.add(constraintName);
        }
        operands.add(columns);
        if (referencedTable != null) {
            operands.add(referencedTable);
            operands.add(referencedColumns);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (constraintName != null) {
            writer.keyword("CONSTRAINT");
            constraintName.unparse(writer, 0, 0);
        }
        switch (kind) {
            case PRIMARY_KEY -> writer.keyword("PRIMARY KEY");
            case UNIQUE -> writer.keyword("UNIQUE");
            case FOREIGN_KEY -> writer.keyword("FOREIGN KEY");
        }
        UnparseSupport.parenthesizedList(writer, columns);
        if (referencedTable != null) {
            writer.keyword("REFERENCES");
            referencedTable.unparse(writer, 0, 0);
            if (!referencedColumns.isEmpty()) {
                UnparseSupport.parenthesizedList(writer, referencedColumns);
            }
        }
    }
}
