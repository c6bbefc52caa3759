package io.cepheid.server;

import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Two sessions on one engine: transaction blocks, isolation between them, and write conflicts. */
class TransactionBlockTest {
    private Engine engine;
    private Session first;
    private Session second;

    @BeforeEach
    void open() {
        engine = new Engine("mem:", LocalWarehouse.inMemory(2), new EngineConfig(2, 1L << 30));
        first = engine.openSession();
        second = engine.openSession();
        run(first, "CREATE TABLE t (a INTEGER, b VARCHAR(10))");
        run(first, "INSERT INTO t VALUES (1, 'one'), (2, 'two')");
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        engine.close();
    }

    private static String run(Session session, String sql) {
        try (StatementResult result = session.execute(sql, List.of())) {
            return result.commandTag();
        }
    }

    private static List<Long> ids(Session session) {
        List<Long> ids = new ArrayList<>();
        try (StatementResult result = session.execute("SELECT a FROM t ORDER BY a", List.of())) {
            ResultCursor cursor = ((StatementResult.Rows) result).cursor();
            for (Batch next = cursor.next(); next != null; next = cursor.next()) {
                try (Batch batch = next) {
                    for (int i = 0; i < batch.size(); i++) {
                        ids.add(batch.column(0).getLongValue(batch.row(i)));
                    }
                }
            }
        }
        return ids;
    }

    @Test
    void commandTagsCountTheChangedRows() {
        assertEquals("UPDATE 1", run(first, "UPDATE t SET b = 'uno' WHERE a = 1"));
        assertEquals("DELETE 2", run(first, "DELETE FROM t"));
        assertEquals("DELETE 0", run(first, "DELETE FROM t"));
        assertEquals("TRUNCATE TABLE", run(first, "TRUNCATE t"));
    }

    @Test
    void uncommittedWritesAreInvisibleToOthersUntilCommit() {
        assertEquals("BEGIN", run(first, "BEGIN"));
        run(first, "INSERT INTO t VALUES (3, 'three')");
        run(first, "DELETE FROM t WHERE a = 1");
        assertEquals(List.of(2L, 3L), ids(first));
        assertEquals(List.of(1L, 2L), ids(second));
        assertEquals("COMMIT", run(first, "COMMIT"));
        assertEquals(List.of(2L, 3L), ids(second));
    }

    @Test
    void aBlockReadsTheVersionItBeganWith() {
        run(first, "BEGIN");
        assertEquals(List.of(1L, 2L), ids(first));
        run(second, "INSERT INTO t VALUES (9, 'nine')");
        assertEquals(List.of(1L, 2L), ids(first));
        run(first, "COMMIT");
        assertEquals(List.of(1L, 2L, 9L), ids(first));
    }

    @Test
    void rollbackDiscards() {
        run(first, "BEGIN");
        run(first, "UPDATE t SET a = a + 10");
        run(first, "CREATE TABLE u (x INTEGER)");
        assertEquals(List.of(11L, 12L), ids(first));
        assertEquals("ROLLBACK", run(first, "ROLLBACK"));
        assertEquals(List.of(1L, 2L), ids(first));
        assertThrows(CepheidException.class, () -> run(first, "SELECT * FROM u"));
    }

    @Test
    void aSecondWriterOfTheSameTableGetsASerializationFailure() {
        run(first, "BEGIN");
        run(second, "BEGIN");
        run(first, "DELETE FROM t WHERE a = 1");
        run(second, "UPDATE t SET b = 'dos' WHERE a = 2");
        run(first, "COMMIT");
        CepheidException e = assertThrows(CepheidException.class, () -> run(second, "COMMIT"));
        assertEquals("40001", e.code().sqlState());
        // The failed block is gone: the session works again and nothing of it was applied.
        assertEquals(List.of(2L), ids(second));
        assertEquals("UPDATE 1", run(second, "UPDATE t SET b = 'dos' WHERE a = 2"));
    }

    @Test
    void anErrorFailsTheBlockUntilItEnds() {
        assertEquals(Session.TransactionState.IDLE, first.transactionState());
        run(first, "BEGIN");
        run(first, "INSERT INTO t VALUES (3, 'three')");
        assertEquals(Session.TransactionState.IN_BLOCK, first.transactionState());
        assertThrows(CepheidException.class, () -> run(first, "INSERT INTO missing VALUES (1)"));
        assertEquals(Session.TransactionState.FAILED, first.transactionState());
        CepheidException e = assertThrows(CepheidException.class, () -> ids(first));
        assertEquals("25P02", e.code().sqlState());
        assertEquals("ROLLBACK", run(first, "COMMIT"));
        assertEquals(Session.TransactionState.IDLE, first.transactionState());
        assertEquals(List.of(1L, 2L), ids(first));
    }

    @Test
    void anUpdateFromThatFailsInABlockLeavesNothingBehind() {
        run(first, "CREATE TABLE src (a INTEGER, b VARCHAR(10))");
        run(first, "INSERT INTO src VALUES (1, 'x'), (1, 'y')");
        run(first, "BEGIN");
        CepheidException e = assertThrows(CepheidException.class,
                () -> run(first, "UPDATE t SET b = src.b FROM src WHERE t.a = src.a"));
        assertEquals("21000", e.code().sqlState());
        assertEquals("ROLLBACK", run(first, "COMMIT"));
        assertEquals(List.of(1L, 2L), ids(first), "the appended new versions went with the failed block");
    }
}
