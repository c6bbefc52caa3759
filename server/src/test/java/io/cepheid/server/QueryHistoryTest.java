package io.cepheid.server;

import io.cepheid.planner.catalog.QueryLog;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.error.CepheidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cepheid.server.ServerTestSupport.rows;
import static io.cepheid.server.ServerTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryHistoryTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = new Engine("mem:", LocalWarehouse.inMemory(2), new EngineConfig(2, 1L << 30));
        session = engine.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private QueryLog.LoggedQuery last() {
        List<QueryLog.LoggedQuery> queries = engine.history().queries();
        return queries.getLast();
    }

    @Test
    void recordsSuccessWithRowsAndType() {
        run(session, "CREATE TABLE t (a INTEGER) DISTSTYLE EVEN");
        assertEquals("DDL", last().queryType());
        run(session, "INSERT INTO t VALUES (1), (2), (3)");
        assertEquals("INSERT", last().queryType());
        assertEquals(3, last().rows());
        assertEquals(List.of(List.of(2L)), rows(session, "SELECT count(*) FROM t WHERE a > 1"));
        QueryLog.LoggedQuery select = last();
        assertEquals("SELECT", select.queryType());
        assertEquals(QueryLog.Status.SUCCESS, select.status());
        assertEquals(1, select.rows());
        assertEquals(3, select.queryId());
        assertTrue(select.endMicros() >= select.startMicros());
        assertNull(select.errorCode());
        assertTrue(select.steps().stream().anyMatch(step -> step.label().startsWith("scan   tbl=") && step.rows() == 2));
    }

    @Test
    void recordsFailedStatementWithItsError() {
        CepheidException error = assertThrows(CepheidException.class,
                () -> session.execute("SELECT * FROM missing_table", List.of()));
        QueryLog.LoggedQuery failed = last();
        assertEquals(QueryLog.Status.FAILED, failed.status());
        assertEquals("42P01", failed.errorCode());
        assertEquals(error.getMessage(), failed.errorMessage());
        assertEquals("SELECT * FROM missing_table", failed.text());

        assertThrows(CepheidException.class, () -> session.execute("SELEC 1", List.of()));
        assertEquals("42601", last().errorCode());
        assertEquals(List.of(List.of("failed", "42601"), List.of("failed", "42P01")), rows(session,
                "SELECT status, error_code FROM sys_query_history WHERE status <> 'success' ORDER BY query_id DESC"));
    }

    @Test
    void failureWhileReadingRowsIsRecorded() {
        run(session, "CREATE TABLE z (a INTEGER)");
        run(session, "INSERT INTO z VALUES (0)");
        assertThrows(CepheidException.class, () -> rows(session, "SELECT 1 / a FROM z"));
        assertEquals("22012", last().errorCode());
        assertEquals(QueryLog.Status.FAILED, last().status());
    }

    @Test
    void truncatesTextLikeRedshift() {
        String sql = "SELECT 1" + " ".repeat(5000);
        rows(session, sql);
        assertEquals(StatementRecord.MAX_TEXT, last().text().length());
    }

    @Test
    void ringKeepsTheMostRecent() {
        QueryHistory history = new QueryHistory(3);
        for (long id = 1; id <= 5; id++) {
            history.add(new QueryLog.LoggedQuery(id, 100, 1, id, "SELECT", "q" + id, 0, 0,
                    QueryLog.Status.SUCCESS, 0, null, null, List.of()));
        }
        assertEquals(List.of(3L, 4L, 5L), history.queries().stream().map(QueryLog.LoggedQuery::queryId).toList());
    }
}
