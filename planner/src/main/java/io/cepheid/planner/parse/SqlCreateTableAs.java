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
 * {@code CREATE [TEMP] TABLE name [(col, ...)] [attributes] AS query}: a table created from a
 * query's result, the optional column list renaming the query's columns.
 */
public final class SqlCreateTableAs extends SqlCreate {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("CREATE TABLE AS", SqlKind.CREATE_TABLE);

    private final boolean temporary;
    private final SqlIdentifier name;
    private final SqlNodeList columnNames;
    private final TableAttributes attributes;
    private final SqlNode query;

    public SqlCreateTableAs(SqlParserPos pos, boolean temporary, boolean ifNotExists, SqlIdentifier name,
        SqlNodeList columnNames, TableAttributes attributes, SqlNode query) {
        super(OPERATOR, pos, false, ifNotExists);
        this.temporary = temporary;
        this.name = Objects.requireNonNull(name, "name is null");
        this.columnNames = Objects.requireNonNull(columnNames, "columnNames is null");
        this.attributes = Objects.requireNonNull(attributes, "attributes is null");
        this.query = Objects.requireNonNull(query, "query is null");
    }

    public boolean temporary() {
        return temporary;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The new names for the query's columns, each a {@link SqlIdentifier}; empty to keep them. */
    public SqlNodeList columnNames() {
        return columnNames;
    }

    public TableAttributes attributes() {
        return attributes;
    }

    public SqlNode query() {
        return query;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, columnNames, query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword("TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (!columnNames.isEmpty()) {
            UnparseSupport.parenthesizedList(writer, columnNames);
        }
        attributes.unparse(writer);
        writer.keyword("AS");
        writer.newlineAndIndent();
        query.unparse(writer, 0, 0);
    }
}
