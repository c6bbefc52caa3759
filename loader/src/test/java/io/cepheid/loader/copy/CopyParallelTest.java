package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.cepheid.loader.copy.CopyFixture.column;
import static io.cepheid.loader.copy.CopyFixture.notNull;
import static io.cepheid.loader.copy.CopyFixture.row;
import static io.cepheid.loader.copy.CopyFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prefix matching, several files, big files cut into pieces, and TPC-H style input loaded in parallel. */
class CopyParallelTest {
    /** TPC-H's orders table. */
    private static final TableDefinition ORDERS = table("orders",
            notNull("o_orderkey", SqlType.BIGINT), notNull("o_custkey", SqlType.BIGINT),
            notNull("o_orderstatus", new SqlType.CharType(1)), notNull("o_totalprice", new SqlType.DecimalType(15, 2)),
            notNull("o_orderdate", SqlType.DATE), notNull("o_orderpriority", new SqlType.CharType(15)),
            notNull("o_clerk", new SqlType.CharType(15)), notNull("o_shippriority", SqlType.INTEGER),
            notNull("o_comment", new SqlType.VarcharType(79)));

    @TempDir
    Path directory;
    CopyFixture fixture;
    ExecutorService executor;

    @BeforeEach
    void setUp() {
        fixture = new CopyFixture(directory);
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    /** dbgen-style lines: every field followed by '|'. */
    private static String orders(int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int key = from; key < from + count; key++) {
            text.append(key).append('|').append(key % 1500 + 1).append('|').append("OFP".charAt(key % 3)).append('|')
                    .append(key * 37 % 500000).append('.').append(String.format("%02d", key % 100)).append('|')
                    .append(1992 + key % 7).append("-0").append(key % 9 + 1).append('-').append(String.format("%02d", key % 28 + 1))
                    .append("|1-URGENT|Clerk#").append(String.format("%09d", key % 1000)).append("|0|")
                    .append("furiously regular deposits ").append(key).append("|\n");
        }
        return text.toString();
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparingLong(r -> (Long) r.get(0)));
        return copy;
    }

    @Test
    void prefixMatchesSeveralFilesAndDirectoriesRecursively() throws Exception {
        TableDefinition table = table("t", column("id", SqlType.INTEGER));
        fixture.write("data/lineitem.tbl", "1\n");
        fixture.write("data/lineitem.tbl.2", "2\n");
        fixture.write("data/lineitem.tbl.dir/x", "3\n");
        fixture.write("data/other.tbl", "99\n");
        fixture.write("data/sub/deeper/a", "4\n");
        CopyResult prefix = LocalFileCopy.run(fixture.request(directory.resolve("data/lineitem.tbl").toString(), table,
                CopyOptions.defaults(), executor, 4));
        assertEquals(3, prefix.filesLoaded());
        assertEquals(List.of(row(1L), row(2L), row(3L)), sorted(fixture.appender.rows()));

        fixture.appender = new CollectingAppender();
        CopyResult url = LocalFileCopy.run(fixture.request("file://" + directory.resolve("data/sub"), table,
                CopyOptions.defaults()));
        assertEquals(1, url.filesLoaded());
        assertEquals(List.of(row(4L)), fixture.appender.rows());

        fixture.appender = new CollectingAppender();
        CopyResult all = LocalFileCopy.run(fixture.request(directory.resolve("data") + "/", table, CopyOptions.defaults()));
        assertEquals(5, all.filesLoaded());
        // One worker loads files in path order.
        assertEquals(List.of(row(1L), row(2L), row(3L), row(99L), row(4L)), fixture.appender.rows());
        fixture.assertNoLeak();
    }

    @Test
    void tpchOrdersLoadWithDecimalsDatesAndCharPadding() throws Exception {
        List<List<Object>> rows = fixture.load(ORDERS, CopyOptions.defaults(),
                "1|370|O|172799.49|1996-01-02|5-LOW          |Clerk#000000951|0|nstructions sleep furiously among |\n");
        assertEquals(List.of(row(1L, 370L, "O", 17279949L, 9497L, "5-LOW", "Clerk#000000951", 0L,
                "nstructions sleep furiously among ")), rows);
    }

    @Test
    void bigFileCutIntoPiecesLoadsTheSameRowsAsOneWorker() throws Exception {
        Path file = fixture.write("orders.tbl", orders(1, 12_000));
        CopyResult single = new LocalFileCopy(LocalCopyFileSystem.INSTANCE, 1 << 30).load(
                fixture.request(file.toString(), ORDERS, CopyOptions.defaults()));
        List<List<Object>> expected = fixture.appender.rows();
        assertEquals(12_000, single.rowsLoaded());

        fixture.appender = new CollectingAppender();
        CopyResult parallel = new LocalFileCopy(LocalCopyFileSystem.INSTANCE, 100_000).load(
                fixture.request(file.toString(), ORDERS, CopyOptions.defaults(), executor, 4));
        assertEquals(12_000, parallel.rowsLoaded());
        assertEquals(1, parallel.filesLoaded());
        List<InputSplit> pieces = SplitPlanner.plan(List.of(file), LocalCopyFileSystem.INSTANCE, CopyOptions.defaults(), 4, 100_000);
        assertEquals(4, pieces.size());
        assertEquals(java.nio.file.Files.size(file), pieces.stream().mapToLong(InputSplit::length).sum());
        assertEquals(sorted(expected), sorted(fixture.appender.rows()));
        fixture.assertNoLeak();
    }

    @Test
    void splitsCutAtEveryPossibleOffsetKeepEveryRow() throws Exception {
        TableDefinition table = table("t", column("id", SqlType.BIGINT), column("v", SqlType.VARCHAR));
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            content.append(i).append('|').append("x".repeat(i % 5)).append('\n');
        }
        Path file = fixture.write("t.txt", content.toString());
        for (int splitBytes = 1; splitBytes < 40; splitBytes += 3) {
            fixture.appender = new CollectingAppender();
            CopyResult result = new LocalFileCopy(LocalCopyFileSystem.INSTANCE, splitBytes).load(
                    fixture.request(file.toString(), table, CopyOptions.builder().ignoreHeader(1).build(), executor, 3));
            assertEquals(39, result.rowsLoaded(), "split size " + splitBytes);
            List<List<Object>> rows = sorted(fixture.appender.rows());
            for (int i = 1; i < 40; i++) {
                assertEquals(row((long) i, "x".repeat(i % 5)), rows.get(i - 1));
            }
        }
        fixture.assertNoLeak();
    }

    @Test
    void errorInALaterPieceReportsTheLineOfTheWholeFile() throws Exception {
        String good = orders(1, 8_000);
        String bad = "8001|1|O|12.5|1996-13-02|1-URGENT|Clerk#1|0|oops|\n";
        Path file = fixture.write("orders.tbl", good + bad + orders(8_002, 2_000));
        CepheidException error = assertThrows(CepheidException.class, () -> new LocalFileCopy(LocalCopyFileSystem.INSTANCE, 100_000)
                .load(fixture.request(file.toString(), ORDERS, CopyOptions.defaults(), executor, 4)));
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertEquals("Load into table 'orders' failed: " + file + " line 8001, column o_orderdate (field 5):"
                + " date out of range in \"1996-13-02\" for type date", error.getMessage());
        fixture.assertNoLeak();
    }

    @Test
    void aBusyExecutorDoesNotBlockTheLoad() throws Exception {
        TableDefinition table = table("t", column("id", SqlType.BIGINT));
        for (int file = 0; file < 3; file++) {
            fixture.write("busy/part" + file, file + "\n");
        }
        ExecutorService busy = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            busy.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // Every pool thread is taken: the caller's own worker loads all three files.
            CopyResult result = LocalFileCopy.run(fixture.request(directory.resolve("busy/").toString(), table,
                    CopyOptions.defaults(), busy, 3));
            assertEquals(3, result.rowsLoaded());
            assertEquals(List.of(row(0L), row(1L), row(2L)), sorted(fixture.appender.rows()));
            fixture.assertNoLeak();
        } finally {
            release.countDown();
            busy.shutdown();
            assertTrue(busy.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        // The workers queued behind the busy thread ran after the COPY returned and allocated nothing.
        fixture.assertNoLeak();
        assertEquals(3, fixture.appender.rows().size());
    }

    @Test
    void manyFilesInParallelWithToleratedErrors() throws Exception {
        TableDefinition table = table("t", column("id", SqlType.BIGINT), column("v", SqlType.VARCHAR));
        for (int file = 0; file < 12; file++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                content.append(file * 1000 + i).append('|').append("v").append(i).append('\n');
            }
            content.append("bad|row\n");
            fixture.writeGzip("parts/part" + String.format("%02d", file) + ".gz", content.toString());
        }
        CopyResult result = LocalFileCopy.run(fixture.request(directory.resolve("parts/part").toString(), table,
                CopyOptions.builder().maxError(12).build(), executor, 4));
        assertEquals(12_000, result.rowsLoaded());
        assertEquals(12, result.filesLoaded());
        assertEquals(12, result.rejectedRows().size());
        assertTrue(result.rejectedRows().stream().allMatch(e -> e.line() == 1001 && e.rawFieldValue().equals("bad")));
        fixture.assertNoLeak();

        fixture.appender = new CollectingAppender();
        CepheidException error = assertThrows(CepheidException.class, () -> LocalFileCopy.run(fixture.request(
                directory.resolve("parts/").toString(), table, CopyOptions.builder().maxError(11).build(), executor, 4)));
        assertTrue(error.getMessage().contains("(more than MAXERROR 11 rows rejected)"), error.getMessage());
        fixture.assertNoLeak();
    }
}
