package io.cepheid.planner.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Redshift's {@code ANALYZE [VERBOSE] [table [(column, ...)]] [PREDICATE COLUMNS | ALL COLUMNS]} (statistics
 * for the planner) and
 * {@code ANALYZE COMPRESSION [table [(column, ...)]] [COMPROWS n]} (an encoding report). Without a table,
 * every table of the database.
 */
public final class SqlAnalyze extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ANALYZE", SqlKind.OTHER_DDL);
    /** COMPROWS not given. */
    public static final long DEFAULT_ROWS = -1;

    private final boolean compression;
    private final SqlIdentifier table;
    private final SqlNodeList columns;
    private final boolean predicateColumns;
    private final long compRows;

    public SqlAnalyze(SqlParserPos pos, boolean compression, SqlIdentifier table, SqlNodeList columns,
            boolean predicateColumns, long compRows) {
        super(pos);
        this.compression = compression;
        this.table = table;
        this.columns = columns == null ? SqlNodeList.EMPTY : columns;
        this.predicateColumns = predicateColumns;
        this.compRows = compRows;
    }

    /** PREDICATE COLUMNS was given (ALL COLUMNS, the default, is not recorded). */
    public boolean predicateColumns() {
        return predicateColumns;
    }

    /** ANALYZE COMPRESSION rather than plain ANALYZE. */
    public boolean compression() {
        return compression;
    }

    /** The table analyzed, or null for every table. */
    public SqlIdentifier table() {
        return table;
    }

    /** The columns analyzed, each a simple {@link SqlIdentifier}; empty for every column. */
    public SqlNodeList columns() {
        return columns;
    }

    /** COMPROWS, or {@link #DEFAULT_ROWS}. */
    public long compRows() {
        return compRows;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        if (table != null) {
            operands.add(table);
        }
        operands.add(columns);
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(compression ? "ANALYZE COMPRESSION" : "ANALYZE");
        if (table != null) {
            table.unparse(writer, leftPrec, rightPrec);
            if (columns.size() > 0) {
                SqlWriter.Frame frame = writer.startList("(", ")");
                for (SqlNode column : columns) {
                    writer.sep(",");
                    column.unparse(writer, 0, 0);
                }
                writer.endList(frame);
            }
        }
        if (predicateColumns) {
            writer.keyword("PREDICATE COLUMNS");
        }
        if (compRows != DEFAULT_ROWS) {
            writer.keyword("COMPROWS");
            writer.print(Long.toString(compRows));
        }
    }
}
