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
 * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name (column_def | table_constraint, ...) [attributes]}
 * with Redshift's column and table attributes.
 */
public final class SqlCreateTable extends SqlCreate {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final boolean temporary;
    private final SqlIdentifier name;
    private final SqlNodeList elements;
    private final TableAttributes attributes;

    public SqlCreateTable(SqlParserPos pos, boolean temporary, boolean ifNotExists, SqlIdentifier name,
        SqlNodeList elements, TableAttributes attributes) {
        super(OPERATOR, pos, false, ifNotExists);
        this.temporary = temporary;
        this.name = Objects.requireNonNull(name, "name is null");
        this.elements = Objects.requireNonNull(elements, "elements is null");
        this.attributes = Objects.requireNonNull(attributes, "attributes is null");
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

    /** Columns and table constraints in the order written. */
    public SqlNodeList elements() {
        return elements;
    }

    public List<SqlColumnDefinition> columns() {
        return elements.stream()
            .filter(SqlColumnDefinition.class::isInstance)
            .map(SqlColumnDefinition.class::cast)
            .toList();
    }

    public List<SqlTableConstraint> constraints() {
        return elements.stream()
            .filter(SqlTableConstraint.class::isInstance)
            .map(SqlTableConstraint.class::cast)
            .toList();
    }

    public TableAttributes attributes() {
        return attributes;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, elements);
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
        UnparseSupport.parenthesizedList(writer, elements);
        attributes.unparse(writer);
    }
}
