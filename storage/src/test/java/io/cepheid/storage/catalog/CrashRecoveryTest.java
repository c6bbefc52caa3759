package io.cepheid.storage.catalog;

import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a committing JVM ({@link CrashingCommitter}) at random moments, several times, and after each kill
 * opens the directory: the last committed version must be whole (both tables hold the same committed
 * number of rows, every block of every row group decodes), and the next process continues from it.
 */
class CrashRecoveryTest {
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MIN_ROUNDS = 2;
    private static final int MAX_ROUNDS = 6;

    @TempDir
    Path directory;

    @Test
    void killedCommitsLeaveTheLastCommittedVersionIntact() throws Exception {
        Random random = new Random();
        long start = System.nanoTime();
        long previousRows = 0;
        int rounds = 0;
        long longestRound = 0;
        // Start another round only if one as long as the longest so far still fits in the budget.
        while (rounds < MIN_ROUNDS
                || (rounds < MAX_ROUNDS && System.nanoTime() - start + longestRound < BUDGET_NANOS)) {
            long roundStart = System.nanoTime();
            Process child = startCommitter();
            try {
                BufferedReader output = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS);
                assertEquals("committed", line, "the committer did not start");
                Thread.sleep(random.nextInt(400));
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            long rows = checkIntact();
            assertTrue(rows > previousRows, "round " + rounds + " committed nothing: " + rows + " rows");
            previousRows = rows;
            rounds++;
            longestRound = Math.max(longestRound, System.nanoTime() - roundStart);
            System.out.printf("crash round %d: %,d rows committed, round took %d ms%n", rounds, rows,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart));
        }
    }

    /** Checks the directory as a restart sees it and returns the committed row count. */
    private long checkIntact() {
        try (Warehouse warehouse = LocalWarehouse.open(directory, 3)) {
            CatalogSnapshot snapshot = warehouse.snapshot();
            TableSnapshot even = snapshot.table("public", "even_rows").orElseThrow();
            TableSnapshot keyed = snapshot.table("public", "key_rows").orElseThrow();
            long rows = even.rowCount();
            assertEquals(0, rows % CrashingCommitter.ROWS_PER_COMMIT, "a partial commit is visible");
            assertEquals(rows, keyed.rowCount(), "one commit covers both tables");
            long[] expected = TestTables.range(0, rows);
            assertArrayEquals(expected, TestTables.sortedIds(even));
            assertArrayEquals(expected, TestTables.sortedIds(keyed));
            for (TableSnapshot table : List.of(even, keyed)) {
                for (int slice = 0; slice < table.sliceCount(); slice++) {
                    for (RowGroup rowGroup : table.rowGroups(slice)) {
                        for (int column = 0; column < table.definition().columns().size(); column++) {
                            assertEquals(rowGroup.rowCount(), rowGroup.header(column).rowCount());
                        }
                    }
                }
            }
            return rows;
        }
    }

    private Process startCommitter() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                // A quick start matters more than peak speed for a process that lives a second.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashingCommitter.class.getName(), directory.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
