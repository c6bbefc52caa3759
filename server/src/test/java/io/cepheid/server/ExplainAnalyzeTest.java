package io.cepheid.server;

import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.error.CepheidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cepheid.server.ServerTestSupport.rows;
import static io.cepheid.server.ServerTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainAnalyzeTest {
    private static final Pattern ACTUAL = Pattern.compile("\\(actual rows=(\\d+) time=\\d+\\.\\d\\d ms\\)$");
    private static final Pattern BLOCKS = Pattern.compile("blocks: read=(\\d+) skipped=(\\d+)");

    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = new Engine("mem:", LocalWarehouse.inMemory(4), new EngineConfig(4, 1L << 30));
        session = engine.openSession();
        run(session, "CREATE TABLE events (id INTEGER, kind VARCHAR(10)) DISTKEY (id) SORTKEY (id)");
        // Each INSERT writes its own row groups, so ids 1-100, 101-200, ... have disjoint zone maps.
        for (int batch = 0; batch < 5; batch++) {
            StringBuilder sql = new StringBuilder("INSERT INTO events VALUES ");
            for (int i = 1; i <= 100; i++) {
                int id = batch * 100 + i;
                sql.append(i == 1 ? "" : ", ").append("(").append(id).append(", 'k").append(id % 3).append("')");
            }
            run(session, sql.toString());
        }
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private List<String> explainAnalyze(String query) {
        return rows(session, "EXPLAIN ANALYZE " + query).stream().map(row -> (String) row.getFirst()).toList();
    }

    @Test
    void selectiveScanOnSortKeySkipsBlocks() {
        List<String> plan = explainAnalyze("SELECT kind FROM events WHERE id BETWEEN 120 AND 130");
        String scan = plan.stream().filter(line -> line.contains("XN Seq Scan on events")).findFirst().orElseThrow();
        Matcher actual = ACTUAL.matcher(scan);
        assertTrue(actual.find(), scan);
        assertEquals(11, Long.parseLong(actual.group(1)));
        String blocks = plan.stream().filter(line -> line.contains("blocks:")).findFirst().orElseThrow();
        Matcher counts = BLOCKS.matcher(blocks);
        assertTrue(counts.find(), blocks);
        long read = Long.parseLong(counts.group(1));
        long skipped = Long.parseLong(counts.group(2));
        assertTrue(skipped > 0, String.join("\n", plan));
        assertTrue(read > 0, String.join("\n", plan));
        // The top step returns what the query returns.
        Matcher top = ACTUAL.matcher(plan.getFirst());
        assertTrue(top.find(), plan.getFirst());
        assertEquals(11, Long.parseLong(top.group(1)));
    }

    @Test
    void everyStepShowsActualsAndTheSummaryAgrees() {
        List<String> plan = explainAnalyze("SELECT kind, count(*) FROM events GROUP BY kind");
        for (String line : plan) {
            if (line.contains("XN ") && !line.endsWith("XN Hash")) {
                assertTrue(ACTUAL.matcher(line).find(), line);
            }
        }
        assertTrue(plan.getFirst().contains("(actual rows=3 "), plan.getFirst());
        // svl_query_summary has the same steps for the EXPLAIN ANALYZE statement.
        List<List<Object>> summary = rows(session, "SELECT s.label, s.\"rows\", s.rows_pre_filter FROM svl_query_summary s "
                + "JOIN stl_query q ON q.query = s.query WHERE q.querytxt LIKE 'EXPLAIN ANALYZE%' AND s.label LIKE 'scan%'");
        assertEquals(1, summary.size());
        assertEquals(500L, summary.getFirst().get(1));
        assertEquals(500L, summary.getFirst().get(2));
    }

    @Test
    void orderByLimitSortsPerSliceAndMergesOnTheLeader() {
        List<String> plan = explainAnalyze("SELECT id FROM events ORDER BY id DESC LIMIT 7");
        assertTrue(plan.get(0).startsWith("XN Limit "), String.join("\n", plan));
        assertTrue(plan.get(1).contains("->  XN Merge "), String.join("\n", plan));
        assertEquals("Merge Key: id DESC", plan.get(2).trim());
        assertTrue(plan.get(3).contains("->  XN Network "), String.join("\n", plan));
        assertTrue(plan.get(5).contains("->  XN Sort "), String.join("\n", plan));
        // Each of the 4 slices sends at most its own top 7; the leader keeps 7 of them.
        long sent = actualRows(plan.get(3));
        assertTrue(sent >= 7 && sent <= 28, plan.get(3));
        assertEquals(7, actualRows(plan.get(0)));
        assertEquals("[500, 499, 498, 497, 496, 495, 494]",
                rows(session, "SELECT id FROM events ORDER BY id DESC LIMIT 7").stream().map(row -> row.getFirst()).toList().toString());
    }

    private static long actualRows(String line) {
        Matcher actual = ACTUAL.matcher(line);
        assertTrue(actual.find(), line);
        return Long.parseLong(actual.group(1));
    }

    @Test
    void onlyQueriesCanBeAnalyzed() {
        CepheidException error = assertThrows(CepheidException.class,
                () -> session.execute("EXPLAIN ANALYZE INSERT INTO events VALUES (1, 'x')", List.of()));
        assertEquals("0A000", error.sqlState());
    }
}
