package io.cepheid.server;

import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two planner gaps found by the sqllogictest corpus: NULL next to a typed string in VALUES, and GROUP BY an expression. */
class ValuesAndGroupKeyPlanningTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = new Engine("mem:", LocalWarehouse.inMemory(2), new EngineConfig(2, 1L << 30));
        session = engine.openSession();
        execute("CREATE TABLE t (a INTEGER, d DATE)");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private void execute(String sql) {
        session.execute(sql, List.of()).close();
    }

    private List<List<Object>> rows(String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (StatementResult result = session.execute(sql, List.of())) {
            ResultCursor cursor = ((StatementResult.Rows) result).cursor();
            for (Batch batch = cursor.next(); batch != null; batch = cursor.next()) {
                for (int i = 0; i < batch.size(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        row.add(batch.column(c).getObject(batch.row(i)));
                    }
                    rows.add(row);
                }
                batch.close();
            }
        }
        return rows;
    }

    @Test
    void valuesRowsMayMixADateStringWithNull() {
        execute("INSERT INTO t VALUES (1, '2024-03-10'), (2, NULL), ('3', '2024-03-11')");
        assertEquals(List.of(List.of(3L, 2L, 6L)), rows("SELECT COUNT(*), COUNT(d), SUM(a) FROM t"));
    }

    @Test
    void groupByAnExpressionReturnsTheKey() {
        execute("INSERT INTO t VALUES (1, NULL), (2, NULL), (3, NULL), (5, NULL), (5, NULL)");
        assertEquals(List.of(List.of(0L, 1L), List.of(1L, 4L)),
                rows("SELECT a % 2, COUNT(*) FROM t GROUP BY a % 2 ORDER BY 1"));
        assertEquals(List.of(List.of(6L, 1L), List.of(7L, 1L), List.of(9L, 2L)),
                rows("SELECT a + 4 AS k, COUNT(*) FROM t WHERE a > 1 GROUP BY k ORDER BY k"));
    }
}
