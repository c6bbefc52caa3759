package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.cepheid.loader.copy.CopyFixture.column;
import static io.cepheid.loader.copy.CopyFixture.row;
import static io.cepheid.loader.copy.CopyFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad rows, MAXERROR, unreadable input and failures halfway: clear messages and no memory left behind. */
class CopyErrorsTest {
    private static final TableDefinition PAIR = table("pair", column("id", SqlType.INTEGER), column("name", SqlType.VARCHAR));

    @TempDir
    Path directory;
    CopyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CopyFixture(directory);
    }

    @Test
    void maxErrorToleratesAndRecordsBadRows() throws Exception {
        Path file = fixture.write("pair.txt", "1|a\nx|b\n3|c\n4|d|e|f\n5|e\n");
        CopyResult result = LocalFileCopy.run(fixture.request(file.toString(), PAIR, CopyOptions.builder().maxError(2).build()));
        assertEquals(3, result.rowsLoaded());
        assertEquals(List.of(row(1L, "a"), row(3L, "c"), row(5L, "e")), fixture.appender.rows());
        List<LoadError> rejected = result.rejectedRows().stream().sorted(Comparator.comparingLong(LoadError::line)).toList();
        assertEquals(2, rejected.size());
        assertEquals(new LoadError(file.toString(), 2, "id", "integer", 1, "x|b", "x", "invalid digit in \"x\" for type integer"),
                rejected.get(0));
        LoadError wrongCount = rejected.get(1);
        assertEquals(4, wrongCount.line());
        assertNull(wrongCount.columnName());
        assertEquals("4|d|e|f", wrongCount.rawLine());
        assertEquals("expected 2 fields, found 4 (delimiter '|')", wrongCount.reason());
        fixture.assertNoLeak();
    }

    @Test
    void oneBadRowMoreThanMaxErrorFails() throws Exception {
        CepheidException error = fixture.loadFails(PAIR, CopyOptions.builder().maxError(1).build(), "x|a\n2|b\ny|c\n");
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertTrue(error.getMessage().endsWith("line 3, column id (field 1): invalid digit in \"y\" for type integer"
                + " (more than MAXERROR 1 rows rejected)"), error.getMessage());
    }

    @Test
    void aRejectedRowLeavesNoTraceInTheBatch() throws Exception {
        // The bad row fails in its last column after its string column was written; the next row overwrites it.
        TableDefinition table = table("t", column("name", SqlType.VARCHAR), column("id", SqlType.INTEGER));
        Path file = fixture.write("t.txt", "first|1\nlonger-garbage|x\n|\nlast|4\n");
        CopyResult result = LocalFileCopy.run(fixture.request(file.toString(), table, CopyOptions.builder().maxError(5).build()));
        assertEquals(3, result.rowsLoaded());
        assertEquals(List.of(row("first", 1L), row("", null), row("last", 4L)), fixture.appender.rows());
        fixture.assertNoLeak();

        // When the rejected row is the last one, the batch's string data must end with the last loaded row.
        long[] dataSizes = new long[1];
        io.cepheid.storage.table.TableAppender checking = batch -> dataSizes[0] = batch.column(0).dataSize();
        Path tail = fixture.write("tail.txt", "ab|1\ncdefgh|x\n");
        LocalFileCopy.run(CopyRequest.allColumns(tail.toString(), table, CopyOptions.builder().maxError(1).build(), checking,
                fixture.allocator, null, 1));
        assertEquals(2, dataSizes[0]);
        fixture.assertNoLeak();
    }

    @Test
    void theFirstErrorStopsTheOtherWorkers() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            content.append(i).append("|row ").append(i).append('\n');
        }
        fixture.write("stop/a-bad", "oops|x\n");
        for (int file = 0; file < 6; file++) {
            fixture.write("stop/b-good" + file, content.toString());
        }
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            // A slow appender (20 ms a batch) makes loading all good rows take at least 3 seconds.
            java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
            io.cepheid.storage.table.TableAppender slow = batch -> {
                appended.addAndGet(batch.size());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            CepheidException error = assertThrows(CepheidException.class, () -> LocalFileCopy.run(CopyRequest.allColumns(
                    directory.resolve("stop/").toString(), PAIR, CopyOptions.defaults(), slow, fixture.allocator, executor, 2)));
            assertTrue(error.getMessage().contains("a-bad line 1, column id (field 1)"), error.getMessage());
            // The other worker saw the failure long before it could load all 600,000 good rows.
            assertTrue(appended.get() < 300_000, "rows appended after the failure: " + appended.get());
            fixture.assertNoLeak();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void interruptingTheCallerCancelsTheLoad() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            content.append(i).append("|x\n");
        }
        for (int file = 0; file < 4; file++) {
            fixture.write("slow/part" + file, content.toString());
        }
        java.util.concurrent.CountDownLatch appending = new java.util.concurrent.CountDownLatch(1);
        io.cepheid.storage.table.TableAppender slow = batch -> {
            appending.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService executor = Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                LocalFileCopy.run(CopyRequest.allColumns(directory.resolve("slow/").toString(), PAIR, CopyOptions.defaults(),
                        slow, fixture.allocator, executor, 2));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        try {
            caller.start();
            appending.await();
            caller.interrupt();
            caller.join(10_000);
            assertTrue(thrown.get() instanceof CepheidException, String.valueOf(thrown.get()));
            assertEquals(ErrorCode.QUERY_CANCELED, ((CepheidException) thrown.get()).code());
            fixture.assertNoLeak();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void noMatchingFile() {
        CepheidException error = assertThrows(CepheidException.class, () -> LocalFileCopy.run(
                fixture.request(directory.resolve("nothing-here").toString(), PAIR, CopyOptions.defaults())));
        assertEquals(ErrorCode.FILE_NOT_FOUND, error.code());
        assertEquals("COPY source " + directory.resolve("nothing-here") + " matched no files", error.getMessage());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(CepheidException.class, () -> LocalFileCopy.run(
                fixture.request("relative/path", PAIR, CopyOptions.defaults()))).code());
        fixture.assertNoLeak();
    }

    @Test
    void corruptGzipNamesTheFile() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            content.append(i).append("|name ").append(i * 7919L % 1000).append('\n');
        }
        Path file = fixture.writeGzip("broken.gz", content.toString());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
        CepheidException error = assertThrows(CepheidException.class,
                () -> LocalFileCopy.run(fixture.request(file.toString(), PAIR, CopyOptions.defaults())));
        assertEquals(ErrorCode.LOAD_ERROR, error.code());
        assertTrue(error.getMessage().startsWith("Load into table 'pair' failed: cannot read " + file), error.getMessage());
        fixture.assertNoLeak();

        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertEquals(ErrorCode.LOAD_ERROR, assertThrows(CepheidException.class,
                () -> LocalFileCopy.run(fixture.request(file.toString(), PAIR, CopyOptions.defaults()))).code());
        fixture.assertNoLeak();
    }

    @Test
    void readFailureHalfwayFailsCleanly() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            content.append(i).append("|some text for row ").append(i).append('\n');
        }
        for (int file = 0; file < 4; file++) {
            fixture.write("big/part" + file, content.toString());
        }
        for (int parallelism : new int[] {1, 4}) {
            ExecutorService executor = Executors.newFixedThreadPool(4);
            try {
                LocalFileCopy copy = new LocalFileCopy(new FailingFileSystem(60), 64 * 1024);
                CopyRequest request = fixture.request(directory.resolve("big/").toString(), PAIR, CopyOptions.defaults(),
                        executor, parallelism);
                CepheidException error = assertThrows(CepheidException.class, () -> copy.load(request));
                assertEquals(ErrorCode.LOAD_ERROR, error.code());
                assertTrue(error.getMessage().contains("simulated read failure"), error.getMessage());
                fixture.assertNoLeak();
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Test
    void appenderFailureHalfwayFailsCleanly() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            content.append(i).append("|x").append('\n');
        }
        Path file = fixture.write("many.txt", content.toString());
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            fixture.appender = new CollectingAppender(3);
            LocalFileCopy copy = new LocalFileCopy(LocalCopyFileSystem.INSTANCE, 32 * 1024);
            CepheidException error = assertThrows(CepheidException.class, () -> copy.load(
                    fixture.request(file.toString(), PAIR, CopyOptions.defaults(), executor, 4)));
            assertEquals(ErrorCode.INTERNAL_ERROR, error.code());
            assertTrue(error.getMessage().contains("appender failed on purpose"), error.getMessage());
            fixture.assertNoLeak();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void outOfMemoryFailsCleanly() throws Exception {
        Path file = fixture.write("pair.txt", "1|a\n");
        try (io.cepheid.storage.memory.BufferAllocator tiny = new io.cepheid.storage.memory.BufferAllocator("tiny", 20_000)) {
            CopyRequest request = CopyRequest.allColumns(file.toString(), PAIR, CopyOptions.defaults(), fixture.appender,
                    tiny, null, 1);
            assertEquals(ErrorCode.OUT_OF_MEMORY, assertThrows(CepheidException.class, () -> LocalFileCopy.run(request)).code());
            assertEquals(0, tiny.allocatedBytes());
        }
    }
}
