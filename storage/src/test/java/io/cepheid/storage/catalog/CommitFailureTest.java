package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FailingFileStore;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.file.InMemoryFileStore;
import io.cepheid.storage.file.LocalFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.cepheid.storage.catalog.TestTables.append;
import static io.cepheid.storage.catalog.TestTables.range;
import static io.cepheid.storage.catalog.TestTables.rows;
import static io.cepheid.storage.catalog.TestTables.simple;
import static io.cepheid.storage.catalog.TestTables.sortedIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails each file-store call of a commit in turn (call 1, then 2, ...) until a commit needs no more
 * calls than that: after every failure the previous version must be intact, in memory and when the store
 * is opened afresh, and the same commit must then succeed.
 */
class CommitFailureTest {
    private static final int ROWS_PER_COMMIT = 40;

    @TempDir
    Path directory;

    @Test
    void aFailureAtAnyStepOfACommitInMemoryKeepsThePreviousVersion() {
        InMemoryFileStore inner = new InMemoryFileStore();
        runFailingCommits(inner, () -> inner);
    }

    @Test
    void aFailureAtAnyStepOfACommitOnDiskKeepsThePreviousVersion() {
        LocalFileStore[] inner = {new LocalFileStore(directory)};
        // The warehouse holds the directory lock, so the fresh reader goes through a second, unlocked view.
        runFailingCommits(inner[0], () -> new ReadOnlyView(inner[0]));
    }

    private interface StoreOpener {
        FileStore open();
    }

    private void runFailingCommits(FileStore inner, StoreOpener freshReader) {
        FailingFileStore store = new FailingFileStore(inner);
        try (LocalWarehouse warehouse = LocalWarehouse.open(store, 2)) {
            try (Transaction transaction = warehouse.begin()) {
                transaction.createTable(simple("public", "a"));
                transaction.createTable(simple("public", "b"));
                transaction.commit();
            }
            int committed = 0;
            int failures = 0;
            for (int n = 1; n < 1_000; n++) {
                long version = warehouse.snapshot().version();
                store.failCall(n);
                try {
                    commitOneRound(warehouse, committed, n);
                } catch (CepheidException e) {
                    assertEquals(ErrorCode.IO_ERROR, e.code(), e.getMessage());
                }
                store.disarm();
                if (!store.failed()) {
                    // The commit needed fewer than n calls: every step has been failed once.
                    committed++;
                    assertEquals(version + 1, warehouse.snapshot().version());
                    assertTrue(failures >= 6, "only " + failures + " steps failed");
                    break;
                }
                failures++;
                assertEquals(version, warehouse.snapshot().version(), "failed call " + n);
                checkRows(warehouse, committed, n);
                try (LocalWarehouse reopened = LocalWarehouse.open(freshReader.open(), 2)) {
                    assertEquals(version, reopened.snapshot().version());
                    checkRows(reopened, committed, n);
                }
                commitOneRound(warehouse, committed, n);
                committed++;
                checkRows(warehouse, committed, n);
            }
            // Each retry wrote the same content as its failed attempt, so the content-addressed files of the
            // failed attempts are now referenced: collection must keep everything readable.
            warehouse.collectGarbage();
            checkRows(warehouse, committed, -1);
            try (LocalWarehouse reopened = LocalWarehouse.open(freshReader.open(), 2)) {
                checkRows(reopened, committed, -1);
            }
        }
    }

    /** Appends the next rows to both tables, and creates one new table, in one commit. */
    private static void commitOneRound(Warehouse warehouse, int committed, int n) {
        try (Transaction transaction = warehouse.begin()) {
            long from = (long) committed * ROWS_PER_COMMIT;
            append(transaction, simple("public", "a"), rows(from, from + ROWS_PER_COMMIT));
            append(transaction, simple("public", "b"), rows(from, from + ROWS_PER_COMMIT));
            transaction.createTable(simple("public", "t" + committed));
            transaction.commit();
        }
    }

    private static void checkRows(Warehouse warehouse, int committed, int n) {
        CatalogSnapshot snapshot = warehouse.snapshot();
        long[] expected = range(0, (long) committed * ROWS_PER_COMMIT);
        assertArrayEquals(expected, sortedIds(snapshot.table("public", "a").orElseThrow()), "after failing call " + n);
        assertArrayEquals(expected, sortedIds(snapshot.table("public", "b").orElseThrow()), "after failing call " + n);
        assertEquals(2 + committed, snapshot.tables().size());
    }

    /** A second handle on a locked directory's files, for checking what a restart would read. */
    private record ReadOnlyView(FileStore files) implements FileStore {
        @Override
        public void write(String name, byte[] content) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void replaceAtomically(String name, byte[] content) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public java.lang.foreign.MemorySegment read(String name) {
            return files.read(name);
        }

        @Override
        public boolean exists(String name) {
            return files.exists(name);
        }

        @Override
        public java.util.List<String> list() {
            return files.list();
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void deleteAbandonedTemporaryFiles() {
        }

        @Override
        public void close() {
        }
    }
}
