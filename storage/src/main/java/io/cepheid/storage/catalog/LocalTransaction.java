package io.cepheid.storage.catalog;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.RowDeleter;
import io.cepheid.storage.table.RowGroupWriter;
import io.cepheid.storage.table.SlicingTableAppender;
import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.table.TableManifest;
import io.cepheid.storage.table.TableVacuum;
import io.cepheid.storage.table.VacuumOptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Transaction} of a {@link LocalWarehouse}: records catalog changes and table appenders against
 * the version it began from, and hands them to the warehouse to commit. Files it writes are listed in
 * {@link #pendingFiles()} until it ends, which keeps garbage collection away from them.
 */
final class LocalTransaction implements Transaction {
    private enum Status { OPEN, COMMITTED, CLOSED }

    private final LocalWarehouse warehouse;
    private final VersionSnapshot base;
    private final FileStore store;
    /** Tables created, dropped (null value) or whose data changed, by lower-case {@code schema.name}. */
    private final Map<String, TableState> changedTables = new LinkedHashMap<>();
    /** Views created, replaced or dropped (null value), by lower-case {@code schema.name}. */
    private final Map<String, ViewDefinition> changedViews = new LinkedHashMap<>();
    private final Set<String> createdSchemas = new TreeSet<>();
    private final Map<String, SlicingTableAppender> appenders = new LinkedHashMap<>();
    private final Set<String> pendingFiles = ConcurrentHashMap.newKeySet();
    private final RowGroupWriter rowGroupWriter;
    private Status status = Status.OPEN;

    LocalTransaction(LocalWarehouse warehouse, VersionSnapshot base, FileStore store) {
        this.warehouse = warehouse;
        this.base = base;
        this.store = store;
        this.rowGroupWriter = new RowGroupWriter((name, content) -> warehouse.writeNewFile(name, content, pendingFiles));
    }

    Set<String> pendingFiles() {
        return pendingFiles;
    }

    /** Flushes buffered appends into row groups, so the view shows every row appended so far. */
    @Override
    public synchronized CatalogSnapshot view() {
        checkOpen();
        CatalogState state = base.state().apply(currentChanges(), changedViews, createdSchemas, base.version(), false);
        return new VersionSnapshot(state, store);
    }

    @Override
    public CatalogSnapshot base() {
        return base;
    }

    @Override
    public synchronized void createSchema(String name) {
        checkOpen();
        String schema = Identifiers.normalize(name);
        if (schemaExists(schema)) {
            throw new CepheidException(ErrorCode.DUPLICATE_SCHEMA, "schema \"" + schema + "\" already exists");
        }
        createdSchemas.add(schema);
    }

    @Override
    public synchronized void createTable(TableDefinition definition) {
        checkOpen();
        TableDefinition normalized = TableDefinitionRules.normalize(definition);
        requireSchema(normalized.schema());
        String key = CatalogState.key(normalized.schema(), normalized.name());
        if (lookup(key) != null || lookupView(key) != null) {
            throw new CepheidException(ErrorCode.DUPLICATE_TABLE,
                    "relation \"" + normalized.qualifiedName() + "\" already exists");
        }
        TableManifest empty = TableManifest.empty(SlicingTableAppender.initialLayout(normalized),
                base.state().sliceCount());
        changedTables.put(key, new TableState(normalized, empty));
    }

    @Override
    public synchronized void dropTable(String schema, String name) {
        checkOpen();
        String key = requireTable(schema, name).key();
        SlicingTableAppender appender = appenders.remove(key);
        if (appender != null) {
            appender.close();
        }
        changedTables.put(key, null);
    }

    @Override
    public synchronized void redefineTable(String schema, String name, TableDefinition definition) {
        checkOpen();
        TableState current = requireTable(schema, name);
        if (appenders.containsKey(current.key())) {
            throw new IllegalStateException("table " + current.key() + " is redefined after rows were appended");
        }
        TableDefinition normalized = TableDefinitionRules.normalize(definition);
        TableDefinition old = current.definition();
        if (!normalized.schema().equals(old.schema()) || !sameColumnTypes(old, normalized)) {
            throw new IllegalArgumentException("redefining " + current.key() + " must keep its schema and column types");
        }
        String key = CatalogState.key(normalized.schema(), normalized.name());
        if (!key.equals(current.key())) {
            if (lookup(key) != null) {
                throw new CepheidException(ErrorCode.DUPLICATE_TABLE,
                        "relation \"" + normalized.name() + "\" already exists");
            }
            changedTables.put(current.key(), null);
        }
        changedTables.put(key, current.withDefinition(normalized));
    }

    private static boolean sameColumnTypes(TableDefinition a, TableDefinition b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            if (!a.columns().get(i).type().equals(b.columns().get(i).type())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void createView(ViewDefinition definition, boolean replace) {
        checkOpen();
        ViewDefinition normalized = new ViewDefinition(Identifiers.normalize(definition.schema()),
                Identifiers.normalize(definition.name()), definition.sql(), definition.columns());
        requireSchema(normalized.schema());
        String key = CatalogState.key(normalized.schema(), normalized.name());
        if (lookup(key) != null || (!replace && lookupView(key) != null)) {
            throw new CepheidException(ErrorCode.DUPLICATE_TABLE, "relation \"" + key + "\" already exists");
        }
        changedViews.put(key, normalized);
    }

    @Override
    public synchronized void dropView(String schema, String name) {
        checkOpen();
        String normalizedSchema = Identifiers.normalize(schema);
        requireSchema(normalizedSchema);
        String key = CatalogState.key(normalizedSchema, Identifiers.normalize(name));
        if (lookupView(key) == null) {
            throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "view \"" + key + "\" does not exist");
        }
        changedViews.put(key, null);
    }

    @Override
    public synchronized TableAppender appender(String schema, String table) {
        checkOpen();
        TableState state = requireTable(schema, table);
        return appenders.computeIfAbsent(state.key(),
                key -> new SlicingTableAppender(state.definition(), state.manifest(), rowGroupWriter, store));
    }

    @Override
    public synchronized long delete(String schema, String table, long[] rowIds, int count) {
        checkOpen();
        TableState state = requireTable(schema, table);
        SlicingTableAppender appender = appenders.get(state.key());
        // The appender's manifest keeps the viewed row groups first and adds its own after them, so row ids
        // taken from the view still name the same rows.
        TableManifest manifest = appender == null ? state.manifest() : appender.manifest();
        RowDeleter.Result result = RowDeleter.delete(manifest, rowIds, count, store,
                (name, content) -> warehouse.writeNewFile(name, content, pendingFiles));
        if (appender != null) {
            appenders.remove(state.key());
            appender.close();
        } else if (result.deletedRows() == 0) {
            return 0;
        }
        changedTables.put(state.key(), state.withManifest(result.manifest()));
        return result.deletedRows();
    }

    @Override
    public synchronized void setStatistics(String schema, String table, TableStatistics statistics,
            long rowsChangedSinceAnalyze) {
        checkOpen();
        TableState state = requireTable(schema, table);
        // Fold pending appends into the manifest now: left to currentChanges they would be counted again as
        // changed since this ANALYZE. A later append in this transaction opens a new appender.
        SlicingTableAppender appender = appenders.remove(state.key());
        if (appender != null) {
            state = state.withManifest(appender.manifest());
            appender.close();
        }
        TableStatistics merged = state.statistics() == null ? statistics
                : state.statistics().updatedBy(statistics, state.definition());
        changedTables.put(state.key(), state.withStatistics(merged, rowsChangedSinceAnalyze));
    }

    @Override
    public synchronized void truncate(String schema, String table) {
        checkOpen();
        TableState state = requireTable(schema, table);
        SlicingTableAppender appender = appenders.remove(state.key());
        if (appender != null) {
            appender.close();
        }
        TableManifest empty = TableManifest.empty(SlicingTableAppender.initialLayout(state.definition()),
                base.state().sliceCount());
        changedTables.put(state.key(), state.withManifest(empty));
    }

    @Override
    public synchronized TableVacuum.Result vacuum(String schema, String table, VacuumOptions options,
            BufferAllocator allocator) {
        checkOpen();
        TableState state = requireTable(schema, table);
        if (appenders.containsKey(state.key())) {
            throw new IllegalStateException("table " + state.key() + " is vacuumed after rows were appended to it");
        }
        TableVacuum.Result result = TableVacuum.vacuum(state.definition(), state.manifest(), store, rowGroupWriter,
                allocator, options);
        if (result.changed()) {
            changedTables.put(state.key(), state.withRewrittenManifest(result.manifest()));
        }
        return result;
    }

    @Override
    public synchronized void commit() {
        checkOpen();
        try {
            warehouse.commit(base.state(), currentChanges(), changedViews, createdSchemas, this);
            status = Status.COMMITTED;
        } finally {
            end();
        }
    }

    @Override
    public synchronized void close() {
        if (status == Status.OPEN) {
            end();
        }
    }

    /** The changed tables with every appender's rows written and added to its table's manifest. */
    private Map<String, TableState> currentChanges() {
        Map<String, TableState> changes = new LinkedHashMap<>(changedTables);
        appenders.forEach((key, appender) -> changes.put(key, lookup(key).withManifest(appender.manifest())));
        return changes;
    }

    private void end() {
        if (status == Status.OPEN) {
            status = Status.CLOSED;
        }
        RuntimeException failure = null;
        for (SlicingTableAppender appender : appenders.values()) {
            try {
                appender.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        appenders.clear();
        warehouse.transactionEnded(this);
        if (failure != null) {
            throw failure;
        }
    }

    private TableState lookup(String key) {
        return changedTables.containsKey(key) ? changedTables.get(key) : base.state().tables().get(key);
    }

    private ViewDefinition lookupView(String key) {
        return changedViews.containsKey(key) ? changedViews.get(key) : base.state().views().get(key);
    }

    private boolean schemaExists(String schema) {
        return base.state().schemas().contains(schema) || createdSchemas.contains(schema);
    }

    private void requireSchema(String schema) {
        if (!schemaExists(schema)) {
            throw new CepheidException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + schema + "\" does not exist");
        }
    }

    private TableState requireTable(String schema, String name) {
        String normalizedSchema = Identifiers.normalize(schema);
        requireSchema(normalizedSchema);
        String key = CatalogState.key(normalizedSchema, Identifiers.normalize(name));
        TableState table = lookup(key);
        if (table == null) {
            throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"" + key + "\" does not exist");
        }
        return table;
    }

    private void checkOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("transaction is " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
