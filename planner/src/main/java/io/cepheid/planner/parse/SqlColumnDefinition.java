package io.cepheid.planner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One column of a CREATE TABLE: name, type and the Redshift column attributes
 * (DEFAULT, IDENTITY, ENCODE, DISTKEY, SORTKEY, NULL/NOT NULL, PRIMARY KEY, UNIQUE, REFERENCES).
 *
 * <p>{@link #type()} is the type exactly as written, mapped onto Calcite's type names (INT4 becomes
 * INTEGER, TEXT becomes VARCHAR(256), VARCHAR(MAX) becomes VARCHAR(65535)); its nullability is
 * not set, because NOT NULL is reported separately by {@link #nullability()}.
 */
public final class SqlColumnDefinition extends SqlCall {
    private static final SqlOperator OPERATOR =
        new SqlSpecialOperator("COLUMN_DEFINITION", SqlKind.COLUMN_DECL);

    private final SqlIdentifier name;
    private final SqlDataTypeSpec type;
    private final @Nullable SqlNode defaultValue;
    private final @Nullable IdentitySpec identity;
    private final @Nullable String encoding;
    private final boolean distKey;
    private final boolean sortKey;
    private final ColumnNullability nullability;
    private final boolean primaryKey;
    private final boolean unique;
    private final @Nullable SqlIdentifier referencedTable;
    private final @Nullable SqlIdentifier referencedColumn;

    private SqlColumnDefinition(SqlParserPos pos, Builder builder) {
        super(pos);
        this.name = builder.name;
        this.type = builder.type;
        this.defaultValue = builder.defaultValue;
        this.identity = builder.identity;
        this.encoding = builder.encoding;
        this.distKey = builder.distKey;
        this.sortKey = builder.sortKey;
        this.nullability = builder.nullability;
        this.primaryKey = builder.primaryKey;
        this.unique = builder.unique;
        this.referencedTable = builder.referencedTable;
        this.referencedColumn = builder.referencedColumn;
    }

    /** Starts a column; the grammar adds attributes in whatever order the SQL gives them. */
    public static Builder builder(SqlIdentifier name, SqlDataTypeSpec type) {
        return new Builder(name, type);
    }

    public SqlIdentifier name() {
        return name;
    }

    public SqlDataTypeSpec type() {
        return type;
    }

    /**
     * The built-in type the column was declared with (INT4 gives INTEGER), or null when the name
     * is no built-in type: the parser reads unknown type names as user-defined types, which the
     * planner rejects.
     */
    public @Nullable SqlTypeName sqlTypeName() {
        return SqlTypeName.get(type.getTypeName().getSimple());
    }

    public @Nullable SqlNode defaultValue() {
        return defaultValue;
    }

    public @Nullable IdentitySpec identity() {
        return identity;
    }

    /** The ENCODE name upper-cased (e.g. "ZSTD", "AZ64", "RAW"), or null when not given. */
    public @Nullable String encoding() {
        return encoding;
    }

    public boolean distKey() {
        return distKey;
    }

    public boolean sortKey() {
        return sortKey;
    }

    public ColumnNullability nullability() {
        return nullability;
    }

    public boolean primaryKey() {
        return primaryKey;
    }

    public boolean unique() {
        return unique;
    }

    public @Nullable SqlIdentifier referencedTable() {
        return referencedTable;
    }

    public @Nullable SqlIdentifier referencedColumn() {
        return referencedColumn;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>(3);
        operands.add(name);
        operands.add(type);
        if (defaultValue != null) {
            operands.add(defaultValue);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        type.unparse(writer, 0, 0);
        if (defaultValue != null) {
            writer.keyword("DEFAULT");
            defaultValue.unparse(writer, 0, 0);
        }
        if (identity != null) {
            writer.keyword("IDENTITY");
            writer.print("(" + identity.seed() + ", " + identity.step() + ")");
            writer.setNeedWhitespace(true);
        }
        if (encoding != null) {
            writer.keyword("ENCODE");
            writer.keyword(encoding);
        }
        if (distKey) {
            writer.keyword("DISTKEY");
        }
        if (sortKey) {
            writer.keyword("SORTKEY");
        }
        switch (nullability) {
            case UNSPECIFIED -> { }
            case NULL -> writer.keyword("NULL");
            case NOT_NULL -> writer.keyword("NOT NULL");
        }
        if (primaryKey) {
            writer.keyword("PRIMARY KEY");
        }
        if (unique) {
            writer.keyword("UNIQUE");
        }
        if (referencedTable != null) {
            writer.keyword("REFERENCES");
            referencedTable.unparse(writer, 0, 0);
            if (referencedColumn != null) {
                UnparseSupport.parenthesizedList(writer, List.of(referencedColumn));
            }
        }
    }

    /** Collects a column's attributes, rejecting one given twice as PostgreSQL does. */
    public static final class Builder {
        private final SqlIdentifier name;
        private final SqlDataTypeSpec type;
        private @Nullable SqlNode defaultValue;
        private @Nullable IdentitySpec identity;
        private @Nullable String encoding;
        private boolean distKey;
        private boolean sortKey;
        private ColumnNullability nullability = ColumnNullability.UNSPECIFIED;
        private boolean primaryKey;
        private boolean unique;
        private @Nullable SqlIdentifier referencedTable;
        private @Nullable SqlIdentifier referencedColumn;

        private Builder(SqlIdentifier name, SqlDataTypeSpec type) {
            this.name = Objects.requireNonNull(name, "name is null");
            this.type = Objects.requireNonNull(type, "type is null");
        }

        public void defaultValue(SqlParserPos pos, SqlNode value) {
            once(pos, defaultValue == null, "DEFAULT");
            defaultValue = value;
        }

        public void identity(SqlParserPos pos, IdentitySpec value) {
            once(pos, identity == null, "IDENTITY");
            identity = value;
        }

        public void encoding(SqlParserPos pos, String value) {
            once(pos, encoding == null, "ENCODE");
            encoding = value.toUpperCase(Locale.ROOT);
        }

        public void distKey(SqlParserPos pos) {
            once(pos, !distKey, "DISTKEY");
            distKey = true;
        }

        public void sortKey(SqlParserPos pos) {
            once(pos, !sortKey, "SORTKEY");
            sortKey = true;
        }

        public void nullability(SqlParserPos pos, ColumnNullability value) {
            if (nullability != ColumnNullability.UNSPECIFIED) {
                throw ParseErrors.at(pos,
                    "conflicting NULL/NOT NULL declarations for column \"" + name.getSimple() + "\"");
            }
            nullability = value;
        }

        public void primaryKey(SqlParserPos pos) {
            once(pos, !primaryKey, "PRIMARY KEY");
            primaryKey = true;
        }

        public void unique(SqlParserPos pos) {
            once(pos, !unique, "UNIQUE");
            unique = true;
        }

        public void references(SqlParserPos pos, SqlIdentifier table, @Nullable SqlIdentifier column) {
            once(pos, referencedTable == null, "REFERENCES");
            referencedTable = table;
            referencedColumn = column;
        }

        public SqlColumnDefinition build(SqlParserPos end) {
            return new SqlColumnDefinition(name.getParserPosition().plus(end), this);
        }

        private void once(SqlParserPos pos, boolean first, String attribute) {
            if (!first) {
                throw ParseErrors.at(pos,
                    attribute + " specified more than once for column \"" + name.getSimple() + "\"");
            }
        }
    }
}
