package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.file.InMemoryFileStore;
import io.cepheid.storage.file.LocalFileStore;
import io.cepheid.storage.format.ContentAddress;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link Warehouse} whose catalog and table data live in a {@link FileStore}: a local data directory,
 * memory, or any other store. Commits are serialized: each checks for conflicts with commits since the
 * transaction's base, writes the table manifests and a new catalog file, and then atomically repoints
 * {@code CURRENT}, the one step that makes the version visible, in memory and after a restart.
 *
 * <p>Concurrency: two transactions conflict when both changed the same table (its definition or data)
 * or created the same schema; the later commit fails with SQLSTATE 40001. Otherwise the later one is
 * rebased: its changed tables replace theirs in the latest version.
 */
public final class LocalWarehouse implements Warehouse {
    private final FileStore store;
    private final CatalogPersistence persistence;
    private final ReentrantLock commitLock = new ReentrantLock();
    /** Writers of new files share it; garbage collection takes it exclusively while it decides and deletes. */
    private final ReadWriteLock collectionLock = new ReentrantReadWriteLock();
    /** Versions that were current at some point and may still be read; guarded by commitLock. */
    private final List<WeakReference<VersionSnapshot>> pinnedVersions = new ArrayList<>();
    private final Set<LocalTransaction> openTransactions = ConcurrentHashMap.newKeySet();
    private volatile VersionSnapshot current;
    /** Set when a commit failed while replacing CURRENT: whether it took effect is then unknown. */
    private volatile boolean reloadNeeded;
    private volatile boolean closed;

    private LocalWarehouse(FileStore store, int sliceCount) {
        if (sliceCount < 1) {
            throw new IllegalArgumentException("slice count must be at least 1: " + sliceCount);
        }
        this.store = store;
        this.persistence = new CatalogPersistence(store);
        store.deleteAbandonedTemporaryFiles();
        commitLock.lock();
        try {
            makeCurrent(persistence.loadCurrent(sliceCount));
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * Opens the warehouse in {@code directory}, creating it when missing. {@code sliceCount} applies to a
     * new warehouse; an existing one keeps the slice count it was created with (see {@link #sliceCount()}).
     */
    public static LocalWarehouse open(Path directory, int sliceCount) {
        LocalFileStore store = new LocalFileStore(directory);
        try {
            return new LocalWarehouse(store, sliceCount);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A warehouse in memory, gone when closed: for {@code jdbc:cepheid:mem:} and tests. */
    public static LocalWarehouse inMemory(int sliceCount) {
        return new LocalWarehouse(new InMemoryFileStore(), sliceCount);
    }

    /** A warehouse over any store (an object store, or a failing store in tests). Closing closes the store. */
    public static LocalWarehouse open(FileStore store, int sliceCount) {
        return new LocalWarehouse(store, sliceCount);
    }

    /** The slice count the warehouse was created with: table data is split that way on disk. */
    @Override
    public int sliceCount() {
        return current.state().sliceCount();
    }

    @Override
    public CatalogSnapshot snapshot() {
        checkOpen();
        if (reloadNeeded) {
            commitLock.lock();
            try {
                reloadIfNeeded();
            } finally {
                commitLock.unlock();
            }
        }
        return current;
    }

    @Override
    public Transaction begin() {
        LocalTransaction transaction = new LocalTransaction(this, (VersionSnapshot) snapshot(), store);
        openTransactions.add(transaction);
        return transaction;
    }

    /**
     * Deletes files that no version in use needs: not the current version's, not those of older versions
     * a reader still holds (a snapshot, table or row group of it is reachable), and not those open
     * transactions wrote. Returns how many files were deleted.
     */
    public int collectGarbage() {
        checkOpen();
        commitLock.lock();
        collectionLock.writeLock().lock();
        try {
            reloadIfNeeded();
            Set<String> keep = new HashSet<>(current.state().referencedFiles());
            for (Iterator<WeakReference<VersionSnapshot>> it = pinnedVersions.iterator(); it.hasNext(); ) {
                VersionSnapshot pinned = it.next().get();
                if (pinned == null) {
                    it.remove();
                } else {
                    keep.addAll(pinned.state().referencedFiles());
                }
            }
            for (LocalTransaction transaction : openTransactions) {
                keep.addAll(transaction.pendingFiles());
            }
            int deleted = 0;
            for (String file : store.list()) {
                if (isDataFile(file) && !keep.contains(file)) {
                    store.delete(file);
                    deleted++;
                }
            }
            return deleted;
        } finally {
            collectionLock.writeLock().unlock();
            commitLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (LocalTransaction transaction : List.copyOf(openTransactions)) {
            transaction.close();
        }
        store.close();
    }

    /** Writes a transaction's new file and records it as pending, atomically with respect to collection. */
    void writeNewFile(String name, byte[] content, Set<String> pendingFiles) {
        collectionLock.readLock().lock();
        try {
            pendingFiles.add(name);
            store.write(name, content);
        } finally {
            collectionLock.readLock().unlock();
        }
    }

    void transactionEnded(LocalTransaction transaction) {
        openTransactions.remove(transaction);
    }

    /** Commits a transaction's changes made against {@code base}; see the class comment for conflicts. */
    void commit(CatalogState base, Map<String, TableState> changes, Map<String, ViewDefinition> changedViews,
            Set<String> createdSchemas, LocalTransaction transaction) {
        if (changes.isEmpty() && changedViews.isEmpty() && createdSchemas.isEmpty()) {
            return;
        }
        Set<String> pending = transaction.pendingFiles();
        // Manifests do not depend on what others commit (a conflict fails the commit anyway): write them
        // before taking the lock, so concurrent commits only serialize on the small catalog file.
        Map<String, TableState> written = new LinkedHashMap<>();
        changes.forEach((key, table) -> written.put(key, table == null ? null : table.withManifestFile(
                persistence.writeManifest(table.manifest(), (name, content) -> writeNewFile(name, content, pending)))));
        commitLock.lock();
        try {
            checkOpen();
            reloadIfNeeded();
            CatalogState latest = current.state();
            checkConflicts(base, latest, changes.keySet(), createdSchemas);
            checkViewConflicts(base, latest, changedViews.keySet());
            CatalogState next = latest.apply(written, changedViews, createdSchemas, latest.version() + 1, true);
            String catalogFile = persistence.writeCatalog(next, (name, content) -> writeNewFile(name, content, pending));
            try {
                persistence.pointCurrentTo(catalogFile);
            } catch (RuntimeException e) {
                // The rename may or may not have happened: read CURRENT again before anything else.
                reloadNeeded = true;
                throw e;
            }
            makeCurrent(next.withCatalogFile(catalogFile));
        } finally {
            commitLock.unlock();
        }
    }

    /** A view, or a table of its name, changed since {@code base} by someone else fails the commit. */
    private static void checkViewConflicts(CatalogState base, CatalogState latest, Set<String> changedViews) {
        for (String key : changedViews) {
            boolean unchanged = java.util.Objects.equals(base.views().get(key), latest.views().get(key))
                    && java.util.Objects.equals(base.tables().get(key), latest.tables().get(key));
            if (!unchanged) {
                throw new CepheidException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access: view "
                        + key + " was changed by a concurrent transaction (base version " + base.version()
                        + ", now " + latest.version() + ")");
            }
        }
    }

    private static void checkConflicts(CatalogState base, CatalogState latest, Set<String> changedTables,
            Set<String> createdSchemas) {
        if (latest.version() == base.version()) {
            return;
        }
        for (String key : changedTables) {
            TableState before = base.tables().get(key);
            TableState now = latest.tables().get(key);
            boolean unchanged = before == null ? now == null
                    : now != null && now.changedVersion() == before.changedVersion();
            if (!unchanged) {
                throw new CepheidException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access: table "
                        + key + " was changed by a concurrent transaction (base version " + base.version()
                        + ", now " + latest.version() + ")");
            }
        }
        for (String schema : createdSchemas) {
            if (latest.schemas().contains(schema)) {
                throw new CepheidException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access: schema "
                        + schema + " was created by a concurrent transaction");
            }
        }
    }

    /** Must hold commitLock. */
    private void reloadIfNeeded() {
        if (reloadNeeded) {
            makeCurrent(persistence.loadCurrent(current.state().sliceCount()));
            reloadNeeded = false;
        }
    }

    /** Must hold commitLock. */
    private void makeCurrent(CatalogState state) {
        VersionSnapshot snapshot = new VersionSnapshot(state, store);
        pinnedVersions.add(new WeakReference<>(snapshot));
        current = snapshot;
    }

    private static boolean isDataFile(String name) {
        return name.endsWith(ContentAddress.ROW_GROUP_SUFFIX) || name.endsWith(ContentAddress.MANIFEST_SUFFIX)
                || name.endsWith(ContentAddress.CATALOG_SUFFIX) || name.endsWith(ContentAddress.DELETE_VECTOR_SUFFIX);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("warehouse is closed");
        }
    }
}
