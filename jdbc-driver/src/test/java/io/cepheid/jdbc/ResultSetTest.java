package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading rows: typed getters per column type, NULLs, batches with selections, closing and max rows. */
class ResultSetTest extends FakeEngineTestBase {
    @Test
    void typedGettersReadEveryColumnType() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything")) {
            assertTrue(rows.next());
            assertEquals((short) 7, rows.getShort("s"));
            assertEquals(42, rows.getInt("I"));
            assertEquals(9_000_000_000L, rows.getLong(3));
            assertEquals(new BigDecimal("12.50"), rows.getBigDecimal("d"));
            assertEquals(12, rows.getInt("d"), "decimals truncate toward zero for getInt");
            assertEquals(1.5f, rows.getFloat("r"));
            assertEquals(0.25, rows.getDouble("f"));
            assertTrue(rows.getBoolean("ok"));
            assertEquals("alpha", rows.getString("name"));
            assertEquals(Date.valueOf("2024-01-31"), rows.getDate("day"));
            assertEquals(Timestamp.valueOf("2024-01-31 10:00:00.5"), rows.getTimestamp("at"));
            assertFalse(rows.wasNull());
            assertThrows(SQLDataException.class, () -> rows.getInt("b"), "9e9 does not fit an int");
        }
    }

    @Test
    void getObjectReturnsTheJavaClassOfEachType() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything")) {
            rows.next();
            assertEquals(Short.valueOf((short) 7), rows.getObject(1));
            assertEquals(Integer.valueOf(42), rows.getObject(2));
            assertEquals(Long.valueOf(9_000_000_000L), rows.getObject(3));
            assertEquals(new BigDecimal("12.50"), rows.getObject(4));
            assertEquals(Float.valueOf(1.5f), rows.getObject(5));
            assertEquals(Double.valueOf(0.25), rows.getObject(6));
            assertEquals(Boolean.TRUE, rows.getObject(7));
            assertEquals("alpha", rows.getObject(8));
            assertEquals(Date.valueOf("2024-01-31"), rows.getObject(9));
            assertEquals(Timestamp.valueOf("2024-01-31 10:00:00.5"), rows.getObject(10));
            assertEquals(LocalDate.of(2024, 1, 31), rows.getObject(9, LocalDate.class));
            assertEquals(LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000), rows.getObject(10, LocalDateTime.class));
        }
    }

    @Test
    void stringsArePostgresText() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything")) {
            rows.next();
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                texts.add(rows.getString(i));
            }
            assertEquals(List.of("7", "42", "9000000000", "12.50", "1.5", "0.25", "t", "alpha", "2024-01-31",
                    "2024-01-31 10:00:00.5"), texts);
        }
    }

    @Test
    void nullsReadAsNullOrZeroAndSetWasNull() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything")) {
            rows.next();
            rows.next();
            assertEquals(0, rows.getInt("i"));
            assertTrue(rows.wasNull());
            assertNull(rows.getBigDecimal("d"));
            assertFalse(rows.getBoolean("ok"));
            assertTrue(rows.wasNull());
            assertNull(rows.getObject("at"));
            assertEquals("", rows.getString("name"));
            assertFalse(rows.wasNull(), "an empty string is not NULL");
            assertFalse(rows.next());
        }
    }

    @Test
    void nextWalksBatchesSkippingEmptyOnesAndHonouringSelections() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM numbers")) {
            List<Integer> seen = new ArrayList<>();
            while (rows.next()) {
                seen.add(rows.getInt(1));
            }
            assertEquals(List.of(1, 2, 3, 4, 6), seen);
            assertEquals(0, engine.openCursors, "the cursor is closed once the rows run out");
        }
    }

    @Test
    void maxRowsStopsEarlyAndClosesTheCursor() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            ResultSet rows = statement.executeQuery("SELECT n FROM numbers");
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertFalse(rows.next());
            assertEquals(0, engine.openCursors);
        }
    }

    @Test
    void closingEarlyClosesTheCursorAndFreesBatches() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT n FROM numbers");
            rows.next();
            assertEquals(1, engine.openCursors);
            rows.close();
            assertEquals(0, engine.openCursors);
            assertTrue(rows.isClosed());
            assertNull(statement.getResultSet());
            assertThrows(SQLException.class, rows::next);
        }
    }

    @Test
    void closingTheConnectionClosesOpenResults() throws SQLException {
        Connection connection = connect();
        ResultSet rows = connection.createStatement().executeQuery("SELECT n FROM numbers");
        rows.next();
        connection.close();
        assertTrue(rows.isClosed());
        assertEquals(0, engine.openCursors);
    }

    @Test
    void gettersNeedACurrentRowAndKnownColumns() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM numbers")) {
            assertThrows(SQLException.class, () -> rows.getInt(1), "before next()");
            rows.next();
            assertThrows(SQLException.class, () -> rows.getInt(2));
            SQLException unknown = assertThrows(SQLException.class, () -> rows.getInt("missing"));
            assertEquals("42703", unknown.getSQLState());
            assertThrows(SQLException.class, rows::previous);
        }
    }

    @Test
    void metaDataDescribesColumns() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM everything")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(10, meta.getColumnCount());
            assertEquals("d", meta.getColumnLabel(4));
            assertEquals(Types.NUMERIC, meta.getColumnType(4));
            assertEquals("numeric", meta.getColumnTypeName(4));
            assertEquals(12, meta.getPrecision(4));
            assertEquals(2, meta.getScale(4));
            assertEquals(14, meta.getColumnDisplaySize(4));
            assertEquals(Types.VARCHAR, meta.getColumnType(8));
            assertEquals("varchar", meta.getColumnTypeName(8));
            assertEquals(20, meta.getPrecision(8));
            assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(8));
            assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(1));
            assertEquals("int2", meta.getColumnTypeName(1));
            assertEquals(Types.TIMESTAMP, meta.getColumnType(10));
            assertEquals("java.sql.Timestamp", meta.getColumnClassName(10));
            assertEquals(Types.BOOLEAN, meta.getColumnType(7));
        }
    }
}
