package io.cepheid.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JDBC transactions over the real embedded engine: setAutoCommit(false) opens a block at the first statement,
 * commit() and rollback() end it, two connections conflict with 40001, closing rolls back.
 */
class ManualCommitTest {
    /** A fresh named in-memory warehouse per test, shared by the connections that name it. */
    private final String url = "jdbc:cepheid:mem:manual-commit-" + UUID.randomUUID();

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void commitPublishesAndRollbackDiscardsTheBlocksWrites() throws SQLException {
        try (Connection writer = connect(); Connection reader = connect()) {
            run(writer, "CREATE TABLE t (id INTEGER, v VARCHAR(10))");
            writer.setAutoCommit(false);
            assertFalse(writer.getAutoCommit());
            run(writer, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            assertEquals(2, count(writer, "SELECT count(*) FROM t"), "a block sees its own writes");
            assertEquals(0, count(reader, "SELECT count(*) FROM t"), "others do not before the commit");
            writer.commit();
            assertEquals(2, count(reader, "SELECT count(*) FROM t"));

            run(writer, "DELETE FROM t WHERE id = 1");
            run(writer, "INSERT INTO t VALUES (3, 'c')");
            writer.rollback();
            assertEquals(3, count(writer, "SELECT sum(id) FROM t"), "the rolled-back block left no trace");
            writer.commit(); // the SELECT opened an empty block: committing it changes nothing
            assertEquals(3, count(reader, "SELECT sum(id) FROM t"));
        }
    }

    @Test
    void aBlockReadsOneSnapshotUntilItEnds() throws SQLException {
        try (Connection reader = connect(); Connection writer = connect()) {
            run(writer, "CREATE TABLE t (id INTEGER)");
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, reader.getTransactionIsolation());
            assertEquals(0, count(reader, "SELECT count(*) FROM t"));
            run(writer, "INSERT INTO t VALUES (1)");
            assertEquals(0, count(reader, "SELECT count(*) FROM t"), "repeatable read within the block");
            reader.commit();
            assertEquals(1, count(reader, "SELECT count(*) FROM t"), "the next block sees the new commit");
        }
    }

    @Test
    void theSecondWriterOfATableGets40001AndNothingIsLost() throws SQLException {
        try (Connection first = connect(); Connection second = connect()) {
            run(first, "CREATE TABLE accounts (id INTEGER, balance BIGINT)");
            run(first, "INSERT INTO accounts VALUES (1, 100), (2, 200)");
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement statement = first.createStatement()) {
                assertEquals(1, statement.executeUpdate("UPDATE accounts SET balance = balance + 10 WHERE id = 1"));
            }
            run(second, "UPDATE accounts SET balance = balance - 50 WHERE id = 2");
            first.commit();
            SQLTransactionRollbackException conflict = assertThrows(SQLTransactionRollbackException.class, second::commit);
            assertEquals("40001", conflict.getSQLState());
            // The failed commit ended the block: the next statement runs in a fresh one and sees the first's update.
            assertEquals(110 + 200, count(second, "SELECT sum(balance) FROM accounts"));
            run(second, "UPDATE accounts SET balance = balance - 50 WHERE id = 2");
            second.commit();
            assertEquals(110 + 150, count(first, "SELECT sum(balance) FROM accounts"));
        }
    }

    @Test
    void aFailedStatementAbortsTheBlockUntilRollback() throws SQLException {
        try (Connection connection = connect()) {
            run(connection, "CREATE TABLE t (id INTEGER NOT NULL)");
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO t VALUES (1)");
            assertThrows(SQLException.class, () -> run(connection, "INSERT INTO t VALUES (NULL)"));
            SQLException aborted = assertThrows(SQLException.class, () -> count(connection, "SELECT count(*) FROM t"));
            assertEquals("25P02", aborted.getSQLState());
            connection.rollback();
            assertEquals(0, count(connection, "SELECT count(*) FROM t"));

            run(connection, "INSERT INTO t VALUES (2)");
            assertThrows(SQLException.class, () -> count(connection, "SELECT 1 / (id - id) FROM t"));
            SQLException rolledBack = assertThrows(SQLException.class, connection::commit);
            assertEquals("25P02", rolledBack.getSQLState(), "commit of an aborted block says it rolled back");
            assertEquals(0, count(connection, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void turningAutocommitBackOnCommitsTheOpenBlock() throws SQLException {
        try (Connection connection = connect(); Connection other = connect()) {
            run(connection, "CREATE TABLE t (id INTEGER)");
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO t VALUES (1)");
            connection.setAutoCommit(true);
            assertTrue(connection.getAutoCommit());
            assertEquals(1, count(other, "SELECT count(*) FROM t"));
            run(connection, "INSERT INTO t VALUES (2)");
            assertEquals(2, count(other, "SELECT count(*) FROM t"), "autocommit again: each statement commits");
            SQLException refused = assertThrows(SQLException.class, connection::commit);
            assertEquals("25P01", refused.getSQLState());
            assertThrows(SQLException.class, connection::rollback);
        }
    }

    @Test
    void closingWithAnOpenBlockRollsItBack() throws SQLException {
        try (Connection other = connect()) {
            run(other, "CREATE TABLE t (id INTEGER)");
            Connection connection = connect();
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO t VALUES (1)");
            run(connection, "CREATE TABLE made_in_block (x INTEGER)");
            connection.close();
            assertEquals(0, count(other, "SELECT count(*) FROM t"));
            assertThrows(SQLException.class, () -> count(other, "SELECT count(*) FROM made_in_block"));
        }
    }

    @Test
    void commitClosesOpenResultSets() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            run(connection, "CREATE TABLE t (id INTEGER)");
            connection.setAutoCommit(false);
            ResultSet rows = statement.executeQuery("SELECT id FROM t");
            connection.commit();
            assertTrue(rows.isClosed(), "holdability is CLOSE_CURSORS_AT_COMMIT");
        }
    }

    @Test
    void savepointsAreRefusedAndMetadataAgrees() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            assertThrows(SQLFeatureNotSupportedException.class, connection::setSavepoint);
            assertThrows(SQLFeatureNotSupportedException.class,
                    () -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, connection.getTransactionIsolation());
            DatabaseMetaData metaData = connection.getMetaData();
            assertTrue(metaData.supportsTransactions());
            assertTrue(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
            assertTrue(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
            assertFalse(metaData.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
            assertFalse(metaData.supportsSavepoints());
            assertTrue(metaData.supportsDataDefinitionAndDataManipulationTransactions());
            assertFalse(metaData.supportsOpenCursorsAcrossCommit());
        }
    }

    @Test
    void deleteUsingAndUpdateFromReportRowsChangedOncePerTargetRow() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (k INTEGER, v INTEGER)");
            statement.execute("CREATE TABLE u (k INTEGER, w INTEGER)");
            statement.execute("INSERT INTO t VALUES (1, 0), (2, 0), (3, 0), (NULL, 0)");
            statement.execute("INSERT INTO u VALUES (1, 10), (1, 11), (2, 20), (NULL, 99)");
            assertEquals(1, statement.executeUpdate("UPDATE t SET v = u.w FROM u WHERE t.k = u.k AND u.k = 2"));
            SQLException repeated = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE t SET v = u.w FROM u WHERE t.k = u.k"));
            assertEquals("21000", repeated.getSQLState());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE t SET v = ? FROM u WHERE t.k = u.k AND u.w = ?")) {
                update.setLong(1, 42); // a bare ? takes the column's type
                update.setInt(2, 10);
                assertEquals(1, update.executeUpdate());
            }
            assertEquals(42 + 20, count(connection, "SELECT sum(v) FROM t"));
            assertEquals(2, statement.executeUpdate("DELETE FROM t USING u WHERE t.k = u.k"));
            assertEquals(2, count(connection, "SELECT count(*) FROM t"));
        }
    }
}
