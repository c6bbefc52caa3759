package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections and statements: results and tags, parameters, errors with SQLSTATEs, schema, cancel and timeouts. */
class StatementTest extends FakeEngineTestBase {
    @Test
    void driverIsFoundThroughServiceLoaderAndOpensTheUrlLocation() throws SQLException {
        assertInstanceOf(CepheidDriver.class, DriverManager.getDriver("jdbc:cepheid:file:/tmp/x"));
        try (Connection connection = DriverManager.getConnection("jdbc:cepheid:file:/tmp/warehouse")) {
            assertTrue(connection.isValid(1));
            assertTrue(connection.getAutoCommit());
        }
        assertEquals(List.of("file:/tmp/warehouse"), openedLocations);
        assertEquals(0, engine.openHandles, "closing the connection closes its engine handle");
    }

    @Test
    void executeReportsResultSetsUpdateCountsAndCommandTags() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertFalse(statement.execute("CREATE TABLE t (n INTEGER)"));
            assertEquals(0, statement.getUpdateCount());
            assertEquals("CREATE TABLE", statement.unwrap(CepheidStatement.class).commandTag());
            assertEquals(3, statement.executeUpdate("INSERT INTO t VALUES (1), (2), (3)"));
            assertEquals("INSERT 0 3", statement.unwrap(CepheidStatement.class).commandTag());
            assertTrue(statement.execute("SELECT n FROM numbers"));
            assertEquals(-1, statement.getUpdateCount());
            ResultSet rows = statement.getResultSet();
            assertTrue(rows.next());
            assertFalse(statement.getMoreResults());
            assertTrue(rows.isClosed(), "getMoreResults closes the current result");
            assertEquals(-1, statement.getUpdateCount());
        }
    }

    @Test
    void executeQueryRejectsStatementsWithoutRows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeQuery("CREATE TABLE t (n INTEGER)"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("SELECT n FROM numbers"));
            assertEquals(0, engine.openCursors, "the unexpected rows were released");
        }
    }

    @Test
    void engineErrorsKeepMessageAndSqlState() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException missing = assertThrows(SQLSyntaxErrorException.class, () -> statement.execute("SELECT * FROM nope"));
            assertEquals("42P01", missing.getSQLState());
            assertEquals("relation \"SELECT * FROM nope\" does not exist", missing.getMessage());
            SQLException zero = assertThrows(SQLDataException.class, () -> statement.executeQuery("SELECT 1 / 0"));
            assertEquals("22012", zero.getSQLState());
            assertEquals("division by zero", zero.getMessage());
        }
    }

    @Test
    void preparedParametersArePassedInOrderAsSessionTypes() throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("SELECT ? + ?")) {
            statement.setInt(1, 5);
            statement.setString(2, "x");
            statement.execute();
            statement.setLong(1, 6L);
            statement.setBigDecimal(2, new BigDecimal("1.25"));
            statement.execute();
            statement.setShort(1, (short) 2);
            statement.setDouble(2, 0.5);
            statement.execute();
            statement.setFloat(1, 1.5f);
            statement.setBoolean(2, true);
            statement.execute();
            statement.setDate(1, Date.valueOf("2024-02-29"));
            statement.setTimestamp(2, Timestamp.valueOf("2024-02-29 23:59:59.25"));
            statement.execute();
            statement.setNull(1, Types.INTEGER);
            statement.setObject(2, 'c');
            try (ResultSet echoed = statement.executeQuery()) {
                echoed.next();
                assertNull(echoed.getString(1));
                echoed.next();
                assertEquals("String:c", echoed.getString(1));
            }
        }
        List<List<Object>> expected = List.of(
                Arrays.asList(5, "x"), Arrays.asList(6L, new BigDecimal("1.25")), Arrays.asList((short) 2, 0.5),
                Arrays.asList(1.5f, true),
                Arrays.asList(LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 250_000_000)),
                Arrays.asList(null, "c"));
        assertEquals(expected, engine.parameters);
    }

    @Test
    void missingParametersAreReportedByIndex() throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("SELECT ? + ?")) {
            statement.setInt(2, 1);
            SQLException missing = assertThrows(SQLException.class, statement::execute);
            assertEquals("07001", missing.getSQLState());
            assertTrue(missing.getMessage().contains("parameter 1"));
            assertEquals(2, statement.getParameterMetaData().getParameterCount());
            assertThrows(SQLException.class, () -> statement.execute("SELECT 1"), "text methods are refused");
        }
    }

    @Test
    void preparedMetaDataComesFromTheEngineBeforeRunning() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM everything")) {
            assertEquals(10, statement.getMetaData().getColumnCount());
            assertTrue(engine.executed.isEmpty());
        }
    }

    @Test
    void batchesRunEachStatement() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE TABLE t (n INTEGER)");
            statement.addBatch("INSERT INTO t VALUES (1), (2), (3)");
            assertEquals(List.of(0, 3), Arrays.stream(statement.executeBatch()).boxed().toList());
        }
    }

    @Test
    void schemaIsSetThroughSearchPath() throws SQLException {
        try (Connection connection = connect()) {
            assertEquals("public", connection.getSchema());
            connection.setSchema("sales");
            assertEquals("sales", connection.getSchema());
            assertEquals("SET search_path TO \"sales\"", engine.executed.getLast());
            assertThrows(SQLException.class, () -> connection.setSchema("nope"));
            assertEquals("sales", connection.getSchema(), "a failed SET leaves the schema as it was");
        }
    }

    @Test
    void savepointsAndScrollingAreRefusedClearly() throws SQLException {
        try (Connection connection = connect()) {
            assertThrows(SQLFeatureNotSupportedException.class, () -> connection.setSavepoint());
            assertThrows(SQLFeatureNotSupportedException.class, () -> connection.setSavepoint("s"));
            assertThrows(SQLFeatureNotSupportedException.class,
                    () -> connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
            connection.setAutoCommit(true);
        }
    }

    @Test
    void cancelReachesTheSessionAndClosedObjectsRefuseWork() throws SQLException {
        Connection connection = connect();
        Statement statement = connection.createStatement();
        statement.cancel();
        assertEquals(1, engine.cancels);
        connection.close();
        assertTrue(statement.isClosed());
        assertFalse(connection.isValid(0));
        SQLException closed = assertThrows(SQLException.class, () -> statement.execute("SELECT n FROM numbers"));
        assertEquals("08003", closed.getSQLState());
    }

    @Test
    void queryTimeoutCancelsTheRunningStatement() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLTimeoutException timedOut = assertThrows(SQLTimeoutException.class, () -> statement.execute("SELECT pg_sleep(60)"));
            assertEquals("57014", timedOut.getSQLState());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "cancelled by the timer, not by the fake's own limit");
            assertEquals(1, engine.cancels);
        }
    }

    @Test
    void engineStartupFailuresBecomeSqlExceptionsWithTheEngineMessage() {
        CepheidDriver.setEngineOpenerForTests((location, properties) -> {
            throw new IllegalStateException("cannot open warehouse " + location + ": directory is locked");
        });
        SQLException failure = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:cepheid:mem:"));
        assertEquals("cannot open warehouse mem:: directory is locked", failure.getMessage());
        assertEquals("XX000", failure.getSQLState());
        List<String> none = new ArrayList<>();
        assertEquals(none, openedLocations);
    }
}
