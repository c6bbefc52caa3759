package io.cepheid.server;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuerySmokeTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = new Engine("mem:", LocalWarehouse.inMemory(2), new EngineConfig(2, 1L << 30));
        try (Transaction transaction = engine.warehouse().begin()) {
            transaction.createTable(new TableDefinition("public", "t", List.of(
                    new ColumnDefinition("a", SqlType.INTEGER, true, Encoding.AUTO, null),
                    new ColumnDefinition("b", SqlType.VARCHAR, true, Encoding.AUTO, null)),
                    DistStyle.KEY, 0, SortStyle.COMPOUND, List.of(0), List.of()));
            transaction.commit();
        }
        session = engine.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
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
    void insertsAndQueries() {
        session.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, null)", List.of()).close();
        assertEquals(List.of(List.of(3L)), rows("SELECT count(*) FROM t"));
        assertEquals(List.of(List.of(2L, "y")), rows("SELECT a, b FROM t WHERE a = 2"));
        assertEquals(List.of(List.of(6L)), rows("SELECT sum(a) FROM t"));
        assertEquals(List.of(List.of(1L), List.of(2L)), rows("SELECT a FROM t WHERE b IS NOT NULL ORDER BY a"));
    }
}
