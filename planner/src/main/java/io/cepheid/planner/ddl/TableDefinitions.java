package io.cepheid.planner.ddl;

import io.cepheid.planner.parse.ColumnNullability;
import io.cepheid.planner.parse.SqlColumnDefinition;
import io.cepheid.planner.parse.SqlCreateTable;
import io.cepheid.planner.parse.SqlTableConstraint;
import io.cepheid.planner.parse.TableAttributes;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.BlockCodec;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns CREATE TABLE statements into catalog {@link TableDefinition}s with Redshift's rules: DISTKEY implies
 * DISTSTYLE KEY, no DISTSTYLE means AUTO, SORTKEY is COMPOUND unless INTERLEAVED, one DISTKEY at most,
 * and each ENCODE must suit its column's type.
 */
public final class TableDefinitions {
    private TableDefinitions() {
    }

    public static TableDefinition fromCreateTable(SqlCreateTable create, String currentSchema) {
        QualifiedName name = QualifiedName.of(create.name(), currentSchema);
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> constraints = new ArrayList<>();
        String columnDistKey = null;
        List<String> columnSortKey = new ArrayList<>();
        for (SqlColumnDefinition column : create.columns()) {
            String columnName = column.name().getSimple().toLowerCase(Locale.ROOT);
            if (!seen.add(columnName)) {
                throw new CepheidException(ErrorCode.DUPLICATE_COLUMN,
                        "column \"" + columnName + "\" specified more than once");
            }
            columns.add(column(column));
            if (column.distKey()) {
                if (columnDistKey != null) {
                    throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                            "multiple DISTKEY columns: \"" + columnDistKey + "\" and \"" + columnName + "\"");
                }
                columnDistKey = columnName;
            }
            if (column.sortKey()) {
                columnSortKey.add(columnName);
            }
            if (column.primaryKey()) {
                constraints.add("PRIMARY KEY (" + columnName + ")");
            }
            if (column.unique()) {
                constraints.add("UNIQUE (" + columnName + ")");
            }
            if (column.referencedTable() != null) {
                constraints.add("FOREIGN KEY (" + columnName + ") REFERENCES " + column.referencedTable()
                        + (column.referencedColumn() == null ? "" : " (" + column.referencedColumn() + ")"));
            }
        }
        for (SqlTableConstraint constraint : create.constraints()) {
            constraints.add(toSql(constraint));
        }
        return build(name, columns, create.attributes(), columnDistKey, columnSortKey, constraints);
    }

    /**
     * The column of ALTER TABLE ADD COLUMN. Redshift refuses there what would change how existing rows are
     * placed or checked: DISTKEY, SORTKEY, IDENTITY, PRIMARY KEY, UNIQUE and REFERENCES.
     */
    public static ColumnDefinition addedColumn(SqlColumnDefinition column) {
        String name = column.name().getSimple().toLowerCase(Locale.ROOT);
        if (column.distKey() || column.sortKey()) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "ALTER TABLE ADD COLUMN cannot add a DISTKEY or SORTKEY column (\"" + name + "\")");
        }
        if (column.primaryKey() || column.unique() || column.referencedTable() != null) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "ALTER TABLE ADD COLUMN cannot add a constraint (column \"" + name + "\")");
        }
        return column(column);
    }

    private static ColumnDefinition column(SqlColumnDefinition column) {
        String columnName = column.name().getSimple().toLowerCase(Locale.ROOT);
        if (column.identity() != null) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "IDENTITY columns are not supported yet (column \"" + columnName + "\")");
        }
        SqlType type = ColumnTypes.fromSpec(column.type());
        Encoding encoding = column.encoding() == null ? Encoding.AUTO : Encoding.fromSql(column.encoding());
        checkEncoding(columnName, type, encoding);
        String defaultSql = column.defaultValue() == null ? null : toSql(column.defaultValue());
        return new ColumnDefinition(columnName, type, column.nullability() != ColumnNullability.NOT_NULL,
                encoding, defaultSql);
    }

    /** CREATE TABLE AS: the columns come from the query's result. */
    public static TableDefinition fromQuery(SqlIdentifier tableName, String currentSchema, List<String> columnNames,
                                            List<SqlType> types, TableAttributes attributes) {
        QualifiedName name = QualifiedName.of(tableName, currentSchema);
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columnNames.size(); i++) {
            String columnName = columnNames.get(i).toLowerCase(Locale.ROOT);
            if (!seen.add(columnName)) {
                throw new CepheidException(ErrorCode.DUPLICATE_COLUMN,
                        "column \"" + columnName + "\" specified more than once");
            }
            if (types.get(i) instanceof SqlType.IntervalType) {
                // As in Redshift: an interval is computed (timestamp - timestamp), never stored.
                throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "column \"" + columnName + "\" has type interval, which a table cannot store");
            }
            columns.add(new ColumnDefinition(columnName, types.get(i), true, Encoding.AUTO, null));
        }
        return build(name, columns, attributes, null, List.of(), List.of());
    }

    private static TableDefinition build(QualifiedName name, List<ColumnDefinition> columns, TableAttributes attributes,
                                         String columnDistKey, List<String> columnSortKey, List<String> constraints) {
        if (attributes.distKey() != null && columnDistKey != null) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "DISTKEY is given both on column \"" + columnDistKey + "\" and as a table attribute");
        }
        String distKeyName = attributes.distKey() != null ? attributes.distKey().getSimple().toLowerCase(Locale.ROOT) : columnDistKey;
        DistStyle style = attributes.distStyle() == null
                ? (distKeyName != null ? DistStyle.KEY : DistStyle.AUTO)
                : DistStyle.valueOf(attributes.distStyle().name());
        if (style == DistStyle.KEY && distKeyName == null) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, "DISTSTYLE KEY requires a DISTKEY column");
        }
        if (distKeyName != null && style != DistStyle.KEY && style != DistStyle.AUTO) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "DISTKEY cannot be used with DISTSTYLE " + style);
        }
        if (distKeyName != null) {
            style = DistStyle.KEY;
        }
        int distKey = distKeyName == null ? TableDefinition.NO_DIST_KEY : columnIndex(columns, distKeyName, "DISTKEY");
        if (!attributes.sortKeyColumns().isEmpty() && !columnSortKey.isEmpty()) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "SORTKEY is given both on columns and as a table attribute");
        }
        List<Integer> sortKey = new ArrayList<>();
        for (SqlNode node : attributes.sortKeyColumns()) {
            sortKey.add(columnIndex(columns, ((SqlIdentifier) node).getSimple().toLowerCase(Locale.ROOT), "SORTKEY"));
        }
        for (String column : columnSortKey) {
            sortKey.add(columnIndex(columns, column, "SORTKEY"));
        }
        if (new HashSet<>(sortKey).size() != sortKey.size()) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION, "a column appears twice in the SORTKEY");
        }
        SortStyle sortStyle = sortKey.isEmpty() ? SortStyle.NONE
                : attributes.sortKeyStyle() != null && attributes.sortKeyStyle().name().equals("INTERLEAVED")
                ? SortStyle.INTERLEAVED : SortStyle.COMPOUND;
        return new TableDefinition(name.schema(), name.table(), columns, style, distKey, sortStyle, sortKey, constraints);
    }

    private static int columnIndex(List<ColumnDefinition> columns, String name, String clause) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new CepheidException(ErrorCode.UNDEFINED_COLUMN, clause + " column \"" + name + "\" does not exist");
    }

    /** Redshift rejects encodings that cannot represent a type, e.g. DELTA on VARCHAR. */
    private static void checkEncoding(String column, SqlType type, Encoding encoding) {
        if (!BlockCodec.supports(encoding, type)) {
            throw new CepheidException(ErrorCode.INVALID_TABLE_DEFINITION,
                    "encoding " + encoding + " is not valid for column \"" + column + "\" of type " + type.displayName());
        }
    }

    private static String toSql(SqlNode node) {
        return node.toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
    }
}
