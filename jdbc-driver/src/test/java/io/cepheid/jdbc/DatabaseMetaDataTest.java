package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Catalog answers built from information_schema queries, and the fixed dialect answers. */
class DatabaseMetaDataTest extends FakeEngineTestBase {
    @Test
    void productAndDriverIdentifyCepheid() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertEquals("Cepheid", meta.getDatabaseProductName());
            assertEquals(CepheidDriver.VERSION, meta.getDatabaseProductVersion());
            assertEquals("jdbc:cepheid:mem:test", meta.getURL());
            assertEquals("\"", meta.getIdentifierQuoteString());
            assertTrue(meta.storesLowerCaseIdentifiers());
            assertTrue(meta.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
            assertFalse(meta.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            assertEquals(127, meta.getMaxTableNameLength());
        }
    }

    @Test
    void schemasComeFromInformationSchema() throws SQLException {
        try (Connection connection = connect(); ResultSet schemas = connection.getMetaData().getSchemas(null, "p%")) {
            assertEquals(List.of(List.of("information_schema"), List.of("public")), rows(schemas, "TABLE_SCHEM"));
            assertEquals(List.of("p%"), engine.parameters.getLast());
        }
    }

    @Test
    void tablesAreTypedSortedAndFiltered() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(null, null, "%", null)) {
                assertEquals(List.of(List.of("information_schema", "tables", "SYSTEM VIEW"), List.of("public", "t", "TABLE"),
                        List.of("public", "v", "VIEW")), rows(tables, "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
            }
            assertEquals(List.of("%", "%"), engine.parameters.getLast());
            try (ResultSet tables = meta.getTables(null, "public", "t", new String[] {"TABLE"})) {
                assertEquals(List.of(List.of("t")), rows(tables, "TABLE_NAME"));
            }
        }
    }

    @Test
    void columnsMapInformationSchemaTypesToJdbc() throws SQLException {
        try (Connection connection = connect(); ResultSet columns = connection.getMetaData().getColumns(null, "public", "t", null)) {
            List<List<String>> expected = List.of(
                    List.of("id", String.valueOf(Types.INTEGER), "integer", "10", "0", "1", "NO", String.valueOf(DatabaseMetaData.columnNoNulls)),
                    List.of("price", String.valueOf(Types.NUMERIC), "numeric", "12", "2", "2", "YES", String.valueOf(DatabaseMetaData.columnNullable)),
                    Arrays.asList("name", String.valueOf(Types.VARCHAR), "character varying", "40", null, "3", "YES",
                            String.valueOf(DatabaseMetaData.columnNullable)));
            assertEquals(expected, rows(columns, "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
                    "ORDINAL_POSITION", "IS_NULLABLE", "NULLABLE"));
        }
    }

    @Test
    void typeInfoAndEmptyAnswersHaveJdbcColumns() throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet types = meta.getTypeInfo()) {
                List<List<String>> names = rows(types, "TYPE_NAME");
                assertEquals(13, names.size());
                assertTrue(names.contains(List.of("varchar")));
                assertTrue(names.contains(List.of("timestamptz")) && names.contains(List.of("time")), names.toString());
            }
            try (ResultSet keys = meta.getPrimaryKeys(null, "public", "t")) {
                assertEquals(6, keys.getMetaData().getColumnCount());
                assertEquals("PK_NAME", keys.getMetaData().getColumnName(6));
                assertFalse(keys.next());
            }
            try (ResultSet types = meta.getTableTypes()) {
                assertEquals(List.of(List.of("SYSTEM TABLE"), List.of("SYSTEM VIEW"), List.of("TABLE"), List.of("VIEW")),
                        rows(types, "TABLE_TYPE"));
            }
        }
    }

    private static List<List<String>> rows(ResultSet resultSet, String... labels) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>();
            for (String label : labels) {
                row.add(resultSet.getString(label));
            }
            rows.add(row);
        }
        return rows;
    }
}
