package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver over the real embedded engine (no fake): URLs and sharing, parameters, getters, metadata, errors. */
class RealEngineTest {
    private static final String EVERY_TYPE = "CREATE TABLE every_type (s SMALLINT, i INTEGER NOT NULL, b BIGINT,"
            + " d DECIMAL(8,2), r REAL, f DOUBLE PRECISION, ok BOOLEAN, c CHAR(4), v VARCHAR(20), day DATE, at TIMESTAMP)";

    @TempDir
    Path warehouse;

    private Connection fileConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:cepheid:file:" + warehouse);
    }

    private static Connection privateMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:cepheid:mem:");
    }

    private static List<String> column(ResultSet rows, int index) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(index));
        }
        return values;
    }

    @Test
    void twoConnectionsToOneDirectoryShareTheEngine() throws SQLException {
        try (Connection first = fileConnection(); Connection second = fileConnection();
             Statement onFirst = first.createStatement(); Statement onSecond = second.createStatement()) {
            onFirst.execute("CREATE TABLE shared (id INTEGER)");
            onFirst.execute("INSERT INTO shared VALUES (1), (2)");
            try (ResultSet rows = onSecond.executeQuery("SELECT count(*) FROM shared")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getLong(1));
            }
            onSecond.execute("INSERT INTO shared VALUES (3)");
            try (ResultSet rows = onFirst.executeQuery("SELECT sum(id) FROM shared")) {
                assertTrue(rows.next());
                assertEquals(6, rows.getLong(1));
            }
        }
    }

    @Test
    void aFileWarehouseKeepsItsTablesAfterTheLastConnectionCloses() throws SQLException {
        try (Connection connection = fileConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INTEGER)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        try (Connection connection = fileConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertEquals(List.of("7"), column(rows, 1));
        }
    }

    @Test
    void privateMemoryWarehousesAreSeparateAndNamedOnesAreShared() throws SQLException {
        try (Connection one = privateMemory(); Connection other = privateMemory()) {
            one.createStatement().execute("CREATE TABLE mine (id INTEGER)");
            SQLException missing = assertThrows(SQLException.class,
                    () -> other.createStatement().executeQuery("SELECT * FROM mine"));
            assertEquals("42P01", missing.getSQLState());
        }
        String url = "jdbc:cepheid:mem:shared-" + UUID.randomUUID();
        try (Connection one = DriverManager.getConnection(url); Connection other = DriverManager.getConnection(url)) {
            one.createStatement().execute("CREATE TABLE ours (id INTEGER)");
            one.createStatement().execute("INSERT INTO ours VALUES (5)");
            try (ResultSet rows = other.createStatement().executeQuery("SELECT id FROM ours")) {
                assertEquals(List.of("5"), column(rows, 1));
            }
        }
    }

    @Test
    void preparedParametersOfEveryTypeRoundTrip() throws SQLException {
        try (Connection connection = privateMemory()) {
            connection.createStatement().execute(EVERY_TYPE);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO every_type VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setShort(1, (short) 7);
                insert.setInt(2, 42);
                insert.setLong(3, 9_000_000_000L);
                insert.setBigDecimal(4, new BigDecimal("12.5"));
                insert.setFloat(5, 1.5f);
                insert.setDouble(6, 0.25);
                insert.setBoolean(7, true);
                insert.setString(8, "ab");
                insert.setString(9, "it's");
                insert.setDate(10, Date.valueOf("2024-01-31"));
                insert.setTimestamp(11, Timestamp.valueOf("2024-01-31 10:00:00.5"));
                assertEquals(1, insert.executeUpdate());
                insert.setNull(1, Types.SMALLINT);
                insert.setInt(2, 43);
                for (int index = 3; index <= 11; index++) {
                    insert.setNull(index, Types.NULL);
                }
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT i FROM every_type WHERE d = ? AND day = ? AND at = ? AND v = ? AND ok = ? AND b > ?")) {
                query.setBigDecimal(1, new BigDecimal("12.50"));
                query.setDate(2, Date.valueOf("2024-01-31"));
                query.setTimestamp(3, Timestamp.valueOf("2024-01-31 10:00:00.5"));
                query.setString(4, "it's");
                query.setBoolean(5, true);
                query.setLong(6, 8_999_999_999L);
                try (ResultSet rows = query.executeQuery()) {
                    assertEquals(List.of("42"), column(rows, 1));
                }
            }
        }
    }

    @Test
    void typedGettersReadWhatTheEngineStored() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute(EVERY_TYPE);
            statement.execute("INSERT INTO every_type VALUES (7, 42, 9000000000, 12.5, 1.5, 0.25, true, 'ab', 'text',"
                    + " '2024-01-31', '2024-01-31 10:00:00.5')");
            statement.execute("INSERT INTO every_type (i) VALUES (43)");
            try (ResultSet rows = statement.executeQuery("SELECT * FROM every_type ORDER BY i")) {
                assertTrue(rows.next());
                assertEquals((short) 7, rows.getShort("s"));
                assertEquals(42, rows.getInt("i"));
                assertEquals(9_000_000_000L, rows.getLong("b"));
                BigDecimal decimal = rows.getBigDecimal("d");
                assertEquals(new BigDecimal("12.50"), decimal);
                assertEquals(2, decimal.scale(), "a DECIMAL(8,2) keeps its scale");
                assertEquals("12.50", rows.getString("d"));
                assertEquals(1.5f, rows.getFloat("r"));
                assertEquals(0.25, rows.getDouble("f"));
                assertTrue(rows.getBoolean("ok"));
                assertEquals("t", rows.getString("ok"));
                assertEquals("ab  ", rows.getString("c"), "CHAR(4) is blank-padded");
                assertEquals(Date.valueOf("2024-01-31"), rows.getDate("day"));
                assertEquals(Timestamp.valueOf("2024-01-31 10:00:00.5"), rows.getTimestamp("at"));
                assertEquals("2024-01-31 10:00:00.5", rows.getString("at"));
                assertFalse(rows.wasNull());
                assertInstanceOf(Short.class, rows.getObject("s"));
                assertInstanceOf(Integer.class, rows.getObject("i"));
                assertInstanceOf(Long.class, rows.getObject("b"));
                assertInstanceOf(BigDecimal.class, rows.getObject("d"));
                assertInstanceOf(Float.class, rows.getObject("r"));
                assertInstanceOf(Double.class, rows.getObject("f"));
                assertInstanceOf(Boolean.class, rows.getObject("ok"));
                assertInstanceOf(String.class, rows.getObject("v"));
                assertInstanceOf(Date.class, rows.getObject("day"));
                assertInstanceOf(Timestamp.class, rows.getObject("at"));

                assertTrue(rows.next());
                assertEquals(0, rows.getShort("s"));
                assertTrue(rows.wasNull());
                assertNull(rows.getBigDecimal("d"));
                assertTrue(rows.wasNull());
                assertNull(rows.getTimestamp("at"));
                assertNull(rows.getObject("v"));
                assertEquals(43, rows.getInt("i"));
                assertFalse(rows.wasNull());
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void resultMetadataDescribesTheColumns() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute(EVERY_TYPE);
            try (ResultSet rows = statement.executeQuery("SELECT i, d, v, day, at, i * 2 AS twice FROM every_type")) {
                ResultSetMetaData meta = rows.getMetaData();
                assertEquals(6, meta.getColumnCount());
                assertEquals("i", meta.getColumnLabel(1));
                assertEquals(Types.INTEGER, meta.getColumnType(1));
                assertEquals(Types.NUMERIC, meta.getColumnType(2));
                assertEquals(8, meta.getPrecision(2));
                assertEquals(2, meta.getScale(2));
                assertEquals(Types.VARCHAR, meta.getColumnType(3));
                assertEquals(Types.DATE, meta.getColumnType(4));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(5));
                assertEquals("twice", meta.getColumnLabel(6));
                assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(1));
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void unnamedColumnsAreNamedAsPostgresNamesThemAndConstantsMixWithAggregates() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER)");
            statement.execute("INSERT INTO t VALUES (1), (2), (4)");
            // Calls are named after their function, operators and literals are ?column?.
            try (ResultSet rows = statement.executeQuery("SELECT count(*), sum(id), 7 AS seven, 'x', max(id) + 1 FROM t")) {
                ResultSetMetaData meta = rows.getMetaData();
                assertEquals(List.of("count", "sum", "seven", "?column?", "?column?"), List.of(meta.getColumnLabel(1),
                        meta.getColumnLabel(2), meta.getColumnLabel(3), meta.getColumnLabel(4), meta.getColumnLabel(5)));
                assertTrue(rows.next());
                assertEquals(3, rows.getLong(1));
                assertEquals(7, rows.getLong(2));
                assertEquals(7, rows.getInt(3));
                assertEquals("x", rows.getString(4));
                assertEquals(5, rows.getInt(5));
            }
        }
    }

    @Test
    void functionCastCaseAndWindowColumnsTakePostgresNames() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER, s VARCHAR(10), ts TIMESTAMP)");
            statement.execute("INSERT INTO t VALUES (1, 'abc', '2024-01-01 10:00:00')");
            try (ResultSet rows = statement.executeQuery("SELECT substring(s, 1, 2), date_trunc('day', ts), coalesce(s, 'z'), "
                    + "CASE WHEN id > 0 THEN 1 END, id::bigint, 1::int, count(*)::int, upper(s) || 'x', "
                    + "row_number() OVER (ORDER BY id), id FROM t GROUP BY s, ts, id")) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> labels = new java.util.ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
                assertEquals(List.of("substring", "date_trunc", "coalesce", "case", "id", "int4", "count", "?column?",
                        "row_number", "id"), labels);
            }
            try (ResultSet rows = statement.executeQuery("SELECT max(id) FROM t UNION ALL SELECT min(id) FROM t ORDER BY 1")) {
                assertEquals("max", rows.getMetaData().getColumnLabel(1));
            }
        }
    }

    @Test
    void databaseMetadataListsRealTablesAndColumns() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute(EVERY_TYPE);
            statement.execute("CREATE TABLE other (id INTEGER)");
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet schemas = meta.getSchemas()) {
                assertTrue(column(schemas, 1).contains("public"));
            }
            try (ResultSet tables = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
                assertEquals(List.of("every_type", "other"), column(tables, 3));
            }
            try (ResultSet columns = meta.getColumns(null, "public", "every_type", "%")) {
                List<String> names = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME"));
                    types.add(columns.getInt("DATA_TYPE"));
                    if (columns.getString("COLUMN_NAME").equals("d")) {
                        assertEquals(8, columns.getInt("COLUMN_SIZE"));
                        assertEquals(2, columns.getInt("DECIMAL_DIGITS"));
                    }
                    if (columns.getString("COLUMN_NAME").equals("i")) {
                        assertEquals("NO", columns.getString("IS_NULLABLE"));
                    }
                }
                assertEquals(List.of("s", "i", "b", "d", "r", "f", "ok", "c", "v", "day", "at"), names);
                assertEquals(List.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.REAL, Types.DOUBLE,
                        Types.BOOLEAN, Types.CHAR, Types.VARCHAR, Types.DATE, Types.TIMESTAMP), types);
            }
        }
    }

    @Test
    void engineErrorsCarryTheirSqlState() throws SQLException {
        try (Connection connection = privateMemory(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER NOT NULL, n INTEGER)");
            assertEquals("42P01", assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT * FROM missing")).getSQLState());
            assertEquals("42601", assertThrows(SQLException.class,
                    () -> statement.execute("SELEC 1")).getSQLState());
            assertEquals("22P02", assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT CAST('abc' AS INTEGER)")).getSQLState());
            assertEquals("22012", assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT 1 / 0")).getSQLState());
            assertEquals("23502", assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO t VALUES (NULL, 1)")).getSQLState());
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                assertTrue(rows.next());
                assertEquals(0, rows.getLong(1), "the failed INSERT left no row");
            }
        }
    }
}
