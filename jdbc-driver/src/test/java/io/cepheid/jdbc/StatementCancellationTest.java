package io.cepheid.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statement.cancel(), setQueryTimeout and {@code SET statement_timeout} stop queries that would run for
 * minutes inside one operator (a hash join probe, a nested-loop join, an aggregation over their output),
 * on 4 slices with exchanges; the query fails with 57014, its memory is freed (a leak would fail the query
 * with an internal error instead, as the allocator refuses to close), and the connection goes on working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCancellationTest {
    /** 1 000 rows on two keys: this self-join makes 125 billion rows. */
    private static final String MANY_TO_MANY = "SELECT count(*), sum(a.v + b.v + c.v + d.v) FROM numbers a"
            + " JOIN numbers b ON a.k = b.k JOIN numbers c ON b.k = c.k JOIN numbers d ON c.k = d.k";
    /** A cross join of 10^12 rows. */
    private static final String CROSS_JOIN = "SELECT count(*) FROM numbers a, numbers b, numbers c, numbers d"
            + " WHERE a.v + b.v > c.v + d.v";
    /** Cancellation must arrive well within this even on a crowded 2-core machine; it takes ~0.1 s on a quiet one. */
    private static final long STOP_WITHIN_MILLIS = 10_000;

    private Connection connection;
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    void load() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("slices", "4");
        connection = DriverManager.getConnection("jdbc:cepheid:mem:", properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE digits (d INTEGER)");
            statement.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            statement.execute("CREATE TABLE numbers (k INTEGER, v BIGINT)");
            statement.execute("INSERT INTO numbers SELECT (a.d + b.d) % 2, a.d * 100 + b.d * 10 + c.d"
                    + " FROM digits a, digits b, digits c");
        }
    }

    @AfterAll
    void close() throws SQLException {
        canceller.shutdownNow();
        connection.close();
    }

    @Test
    void statementTimeoutStopsAHashJoin() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout TO 300");
            long start = System.nanoTime();
            SQLException error = assertThrows(SQLException.class, () -> drain(statement, MANY_TO_MANY));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", error.getSQLState());
            assertTrue(error.getMessage().contains("canceling statement due to statement timeout"), error.getMessage());
            assertTrue(millis < STOP_WITHIN_MILLIS, "stopped after " + millis + " ms");
            statement.execute("RESET statement_timeout");
            assertEquals(1000, count(statement));
        }
    }

    @Test
    void cancelStopsANestedLoopJoin() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            canceller.schedule(() -> {
                statement.cancel();
                return null;
            }, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SQLException error = assertThrows(SQLException.class, () -> drain(statement, CROSS_JOIN));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", error.getSQLState());
            assertTrue(error.getMessage().contains("canceling statement due to user request"), error.getMessage());
            assertTrue(millis < STOP_WITHIN_MILLIS, "stopped after " + millis + " ms");
            assertEquals(1000, count(statement));
        }
    }

    @Test
    void queryTimeoutMapsOntoCancellation() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            SQLException error = assertThrows(SQLException.class, () -> drain(statement, MANY_TO_MANY));
            assertInstanceOf(SQLTimeoutException.class, error);
            assertEquals("57014", error.getSQLState());
            assertEquals(1000, count(statement));
        }
    }

    @Test
    void statementTimeoutTakesUnitsAndRejectsNonsense() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '2min'");
            assertEquals(1000, count(statement));
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("SET statement_timeout TO 'soon'"));
            assertEquals("22023", error.getSQLState());
            assertTrue(error.getMessage().contains("statement_timeout"), error.getMessage());
            statement.execute("SET statement_timeout TO 0");
        }
    }

    private static void drain(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getLong(1);
            }
        }
    }

    private static long count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM numbers")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
