package io.cepheid.jdbc;

import io.cepheid.server.ResultColumn;
import io.cepheid.storage.type.SqlType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The catalog half of {@link DatabaseMetaData}: schemas, tables and columns come from SQL on
 * {@code information_schema} (PostgreSQL's column names), reshaped into the columns JDBC prescribes;
 * Cepheid has no procedures, keys, indexes or user types, so those answers are empty with the right columns.
 */
public final class CepheidDatabaseMetaData extends SqlDialectCapabilities {
    public static final String PRODUCT_NAME = "Cepheid";
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    private final CepheidConnection connection;

    CepheidDatabaseMetaData(CepheidConnection connection) {
        this.connection = connection;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return connection.user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return PRODUCT_NAME;
    }

    @Override
    public String getDatabaseProductVersion() {
        return CepheidDriver.VERSION;
    }

    @Override
    public String getDriverName() {
        return "Cepheid JDBC Driver";
    }

    @Override
    public String getDriverVersion() {
        return CepheidDriver.VERSION;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    // ---- from information_schema ------------------------------------------------------------------------

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY schema_name")) {
            query.setString(1, orAll(schemaPattern));
            try (ResultSet schemas = query.executeQuery()) {
                while (schemas.next()) {
                    rows.add(new Object[] {schemas.getString(1), null});
                }
            }
        }
        return result(columns("TABLE_SCHEM:s TABLE_CATALOG:s"), rows);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String type : List.of("SYSTEM TABLE", "SYSTEM VIEW", "TABLE", "VIEW")) {
            rows.add(new Object[] {type});
        }
        return result(columns("TABLE_TYPE:s"), rows);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        Set<String> wanted = types == null ? null : Set.copyOf(Arrays.asList(types));
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_schema, table_name, table_type FROM information_schema.tables"
                        + " WHERE table_schema LIKE ? AND table_name LIKE ?")) {
            query.setString(1, orAll(schemaPattern));
            query.setString(2, orAll(tableNamePattern));
            try (ResultSet tables = query.executeQuery()) {
                while (tables.next()) {
                    String schema = tables.getString(1);
                    String type = jdbcTableType(schema, tables.getString(3));
                    if (wanted == null || wanted.contains(type)) {
                        rows.add(new Object[] {null, schema, tables.getString(2), type, null, null, null, null, null, null});
                    }
                }
            }
        }
        // JDBC orders by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME.
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[3])
                .thenComparing(row -> (String) row[1]).thenComparing(row -> (String) row[2]));
        return result(columns("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s TABLE_TYPE:s REMARKS:s TYPE_CAT:s TYPE_SCHEM:s"
                + " TYPE_NAME:s SELF_REFERENCING_COL_NAME:s REF_GENERATION:s"), rows);
    }

    /** information_schema's {@code BASE TABLE} / {@code VIEW} as JDBC's table types; pg_catalog and information_schema are SYSTEM. */
    static String jdbcTableType(String schema, String informationSchemaType) {
        String type = informationSchemaType == null ? "TABLE" : informationSchemaType.toUpperCase(Locale.ROOT);
        String base = switch (type) {
            case "BASE TABLE", "TABLE" -> "TABLE";
            case "VIEW" -> "VIEW";
            default -> type;
        };
        return SYSTEM_SCHEMAS.contains(schema) && (base.equals("TABLE") || base.equals("VIEW")) ? "SYSTEM " + base : base;
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_schema, table_name, column_name, ordinal_position, data_type, is_nullable,"
                        + " character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns"
                        + " WHERE table_schema LIKE ? AND table_name LIKE ? AND column_name LIKE ?"
                        + " ORDER BY table_schema, table_name, ordinal_position")) {
            query.setString(1, orAll(schemaPattern));
            query.setString(2, orAll(tableNamePattern));
            query.setString(3, orAll(columnNamePattern));
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    rows.add(columnRow(columns));
                }
            }
        }
        return result(columns("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s DATA_TYPE:i TYPE_NAME:s COLUMN_SIZE:i"
                + " BUFFER_LENGTH:i DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS:s COLUMN_DEF:s SQL_DATA_TYPE:i"
                + " SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE:s SCOPE_CATALOG:s SCOPE_SCHEMA:s"
                + " SCOPE_TABLE:s SOURCE_DATA_TYPE:h IS_AUTOINCREMENT:s IS_GENERATEDCOLUMN:s"), rows);
    }

    private static Object[] columnRow(ResultSet column) throws SQLException {
        String dataType = column.getString(5);
        int jdbcType = JdbcTypes.jdbcTypeOfDataType(dataType);
        Integer characterLength = nullableInt(column, 7);
        Integer precision = nullableInt(column, 8);
        Integer scale = nullableInt(column, 9);
        // information_schema gives binary precision for integers and floats (integer: 32 bits, radix 2);
        // JDBC wants decimal digits, so those use the same sizes as ResultSetMetaData.
        Integer size = switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR -> characterLength;
            case Types.SMALLINT -> JdbcTypes.precision(SqlType.SMALLINT);
            case Types.INTEGER -> JdbcTypes.precision(SqlType.INTEGER);
            case Types.BIGINT -> JdbcTypes.precision(SqlType.BIGINT);
            case Types.REAL -> JdbcTypes.precision(SqlType.REAL);
            case Types.DOUBLE -> JdbcTypes.precision(SqlType.DOUBLE);
            case Types.DATE -> JdbcTypes.precision(SqlType.DATE);
            case Types.TIMESTAMP -> JdbcTypes.precision(SqlType.TIMESTAMP);
            case Types.TIMESTAMP_WITH_TIMEZONE -> JdbcTypes.precision(SqlType.TIMESTAMPTZ);
            case Types.TIME -> JdbcTypes.precision(SqlType.TIME);
            case Types.BOOLEAN -> 1;
            default -> precision;
        };
        if (jdbcType == Types.SMALLINT || jdbcType == Types.INTEGER || jdbcType == Types.BIGINT) {
            scale = 0;
        }
        boolean nullable = !"NO".equalsIgnoreCase(column.getString(6));
        boolean numeric = precision != null && jdbcType != Types.DATE && jdbcType != Types.TIMESTAMP
                && jdbcType != Types.TIMESTAMP_WITH_TIMEZONE && jdbcType != Types.TIME;
        return new Object[] {
            null, column.getString(1), column.getString(2), column.getString(3), jdbcType, dataType, size,
            null, scale, numeric ? 10 : null, nullable ? columnNullable : columnNoNulls, null, null, null,
            null, characterLength, column.getInt(4), nullable ? "YES" : "NO", null, null,
            null, null, "NO", "NO"};
    }

    private static Integer nullableInt(ResultSet resultSet, int column) throws SQLException {
        int value = resultSet.getInt(column);
        return resultSet.wasNull() ? null : value;
    }

    /** One row per Cepheid type, in JDBC's order (by DATA_TYPE). */
    @Override
    public ResultSet getTypeInfo() {
        List<SqlType> types = List.of(SqlType.BIGINT, SqlType.BOOLEAN, new SqlType.CharType(SqlType.CharType.MAX_LENGTH),
                new SqlType.DecimalType(SqlType.DecimalType.MAX_PRECISION, 0), SqlType.INTEGER, SqlType.SMALLINT,
                SqlType.REAL, SqlType.DOUBLE, SqlType.VARCHAR, SqlType.DATE, SqlType.TIME, SqlType.TIMESTAMP,
                SqlType.TIMESTAMPTZ);
        List<Object[]> rows = new ArrayList<>();
        for (SqlType type : types) {
            boolean text = SqlType.isString(type);
            boolean dated = type instanceof SqlType.DateType || type instanceof SqlType.TimestampType
                    || type instanceof SqlType.TimestampTzType || type instanceof SqlType.TimeType;
            String quote = text || dated ? "'" : null;
            int maxScale = type instanceof SqlType.DecimalType ? SqlType.DecimalType.MAX_PRECISION : 0;
            rows.add(new Object[] {
                JdbcTypes.typeName(type), JdbcTypes.jdbcType(type), JdbcTypes.precision(type), quote, quote,
                text || type instanceof SqlType.DecimalType ? (text ? "length" : "precision,scale") : null,
                (short) typeNullable, text, (short) (text ? typeSearchable : typePredBasic), !JdbcTypes.isSigned(type),
                false, false, type.displayName(), (short) 0, (short) maxScale, null, null,
                JdbcTypes.isSigned(type) ? 10 : null});
        }
        rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
        return result(columns("TYPE_NAME:s DATA_TYPE:i PRECISION:i LITERAL_PREFIX:s LITERAL_SUFFIX:s CREATE_PARAMS:s"
                + " NULLABLE:h CASE_SENSITIVE:b SEARCHABLE:h UNSIGNED_ATTRIBUTE:b FIXED_PREC_SCALE:b AUTO_INCREMENT:b"
                + " LOCAL_TYPE_NAME:s MINIMUM_SCALE:h MAXIMUM_SCALE:h SQL_DATA_TYPE:i SQL_DATETIME_SUB:i NUM_PREC_RADIX:i"), rows);
    }

    // ---- things Cepheid does not have: empty, with JDBC's columns ------------------------------------------

    @Override
    public ResultSet getCatalogs() {
        return empty("TABLE_CAT:s");
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
        return empty("PROCEDURE_CAT:s PROCEDURE_SCHEM:s PROCEDURE_NAME:s RESERVED1:s RESERVED2:s RESERVED3:s REMARKS:s"
                + " PROCEDURE_TYPE:h SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) {
        return empty("PROCEDURE_CAT:s PROCEDURE_SCHEM:s PROCEDURE_NAME:s COLUMN_NAME:s COLUMN_TYPE:h DATA_TYPE:i TYPE_NAME:s"
                + " PRECISION:i LENGTH:i SCALE:h RADIX:h NULLABLE:h REMARKS:s COLUMN_DEF:s SQL_DATA_TYPE:i SQL_DATETIME_SUB:i"
                + " CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE:s SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return empty("FUNCTION_CAT:s FUNCTION_SCHEM:s FUNCTION_NAME:s REMARKS:s FUNCTION_TYPE:h SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) {
        return empty("FUNCTION_CAT:s FUNCTION_SCHEM:s FUNCTION_NAME:s COLUMN_NAME:s COLUMN_TYPE:h DATA_TYPE:i TYPE_NAME:s"
                + " PRECISION:i LENGTH:i SCALE:h RADIX:h NULLABLE:h REMARKS:s CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i"
                + " IS_NULLABLE:s SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s GRANTOR:s GRANTEE:s PRIVILEGE:s IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s GRANTOR:s GRANTEE:s PRIVILEGE:s IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) {
        return empty("SCOPE:h COLUMN_NAME:s DATA_TYPE:i TYPE_NAME:s COLUMN_SIZE:i BUFFER_LENGTH:i DECIMAL_DIGITS:h PSEUDO_COLUMN:h");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) {
        return empty("SCOPE:h COLUMN_NAME:s DATA_TYPE:i TYPE_NAME:s COLUMN_SIZE:i BUFFER_LENGTH:i DECIMAL_DIGITS:h PSEUDO_COLUMN:h");
    }

    /** Redshift accepts PRIMARY KEY as an unenforced hint; Cepheid does not record it, so there are none to list. */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s KEY_SEQ:h PK_NAME:s");
    }

    private static final String KEY_COLUMNS = "PKTABLE_CAT:s PKTABLE_SCHEM:s PKTABLE_NAME:s PKCOLUMN_NAME:s FKTABLE_CAT:s"
            + " FKTABLE_SCHEM:s FKTABLE_NAME:s FKCOLUMN_NAME:s KEY_SEQ:h UPDATE_RULE:h DELETE_RULE:h FK_NAME:s PK_NAME:s"
            + " DEFERRABILITY:h";

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) {
        return empty(KEY_COLUMNS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) {
        return empty(KEY_COLUMNS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
            String foreignSchema, String foreignTable) {
        return empty(KEY_COLUMNS);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s NON_UNIQUE:b INDEX_QUALIFIER:s INDEX_NAME:s TYPE:h"
                + " ORDINAL_POSITION:h COLUMN_NAME:s ASC_OR_DESC:s CARDINALITY:l PAGES:l FILTER_CONDITION:s");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return empty("TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s CLASS_NAME:s DATA_TYPE:i REMARKS:s BASE_TYPE:h");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return empty("TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s SUPERTYPE_CAT:s SUPERTYPE_SCHEM:s SUPERTYPE_NAME:s");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s SUPERTABLE_NAME:s");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) {
        return empty("TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s ATTR_NAME:s DATA_TYPE:i ATTR_TYPE_NAME:s ATTR_SIZE:i DECIMAL_DIGITS:i"
                + " NUM_PREC_RADIX:i NULLABLE:i REMARKS:s ATTR_DEF:s SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i"
                + " ORDINAL_POSITION:i IS_NULLABLE:s SCOPE_CATALOG:s SCOPE_SCHEMA:s SCOPE_TABLE:s SOURCE_DATA_TYPE:h");
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return empty("NAME:s MAX_LEN:i DEFAULT_VALUE:s DESCRIPTION:s");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) {
        return empty("TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s DATA_TYPE:i COLUMN_SIZE:i DECIMAL_DIGITS:i"
                + " NUM_PREC_RADIX:i COLUMN_USAGE:s REMARKS:s CHAR_OCTET_LENGTH:i IS_NULLABLE:s");
    }

    // ---- building results ------------------------------------------------------------------------------

    private static String orAll(String pattern) {
        return pattern == null ? "%" : pattern;
    }

    /**
     * Columns from a compact spec, {@code NAME:kind} separated by spaces, where kind is s (varchar), i (integer),
     * h (smallint), l (bigint) or b (boolean): JDBC's metadata results are long, fixed lists of these.
     */
    static List<ResultColumn> columns(String spec) {
        List<ResultColumn> columns = new ArrayList<>();
        for (String column : spec.trim().split("\\s+")) {
            int colon = column.indexOf(':');
            SqlType type = switch (column.substring(colon + 1)) {
                case "s" -> SqlType.VARCHAR;
                case "i" -> SqlType.INTEGER;
                case "h" -> SqlType.SMALLINT;
                case "l" -> SqlType.BIGINT;
                case "b" -> SqlType.BOOLEAN;
                default -> throw new IllegalArgumentException("unknown column kind in " + column);
            };
            columns.add(new ResultColumn(column.substring(0, colon), type, true));
        }
        return columns;
    }

    private static ResultSet result(List<ResultColumn> columns, List<Object[]> rows) {
        return new CepheidResultSet(null, columns, new InMemoryCursor(columns, rows), 0);
    }

    private static ResultSet empty(String spec) {
        return result(columns(spec), List.of());
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        Objects.requireNonNull(type, "type is null");
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
