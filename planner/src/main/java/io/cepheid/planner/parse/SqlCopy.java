package io.cepheid.planner.parse;

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

/**
 * {@code COPY table [(col, ...)] FROM 'source' [WITH] option ...}: Redshift's bulk load. Options
 * are kept as written, in order; checking that they fit together (QUOTE needs CSV, one
 * compression at most) is the planner's job, which can point at each option's position.
 */
public final class SqlCopy extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER);

    private final SqlIdentifier table;
    private final SqlNodeList columns;
    private final String source;
    private final List<CopyOption> options;

    public SqlCopy(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, String source,
        List<CopyOption> options) {
        super(pos);
        this.table = Objects.requireNonNull(table, "table is null");
        this.columns = Objects.requireNonNull(columns, "columns is null");
        this.source = Objects.requireNonNull(source, "source is null");
        this.options = List.copyOf(options);
    }

    public SqlIdentifier table() {
        return table;
    }

    /** The target columns, each a {@link SqlIdentifier}; empty for all columns in table order. */
    public SqlNodeList columns() {
        return columns;
    }

    /** The FROM location, e.g. 's3://bucket/prefix' or a local path. */
    public String source() {
        return source;
    }

    public List<CopyOption> options() {
        return options;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(table, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("COPY");
        table.unparse(writer, 0, 0);
        if (!columns.isEmpty()) {
            UnparseSupport.parenthesizedList(writer, columns);
        }
        writer.keyword("FROM");
        UnparseSupport.stringLiteral(writer, source);
        for (CopyOption option : options) {
            option.unparse(writer);
        }
    }
}
