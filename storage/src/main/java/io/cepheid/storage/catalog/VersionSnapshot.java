package io.cepheid.storage.catalog;

import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.table.StoredTableSnapshot;
import io.cepheid.storage.table.TableSnapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CatalogSnapshot} over one immutable {@link CatalogState}. Table snapshots are built on first
 * request and keep this object reachable, which is how the warehouse knows the version is still pinned.
 */
final class VersionSnapshot implements CatalogSnapshot {
    private final CatalogState state;
    private final FileStore store;
    private final Map<String, TableSnapshot> tableSnapshots = new ConcurrentHashMap<>();

    VersionSnapshot(CatalogState state, FileStore store) {
        this.state = state;
        this.store = store;
    }

    CatalogState state() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }

    @Override
    public int sliceCount() {
        return state.sliceCount();
    }

    @Override
    public List<String> schemas() {
        return List.copyOf(state.schemas());
    }

    @Override
    public List<TableDefinition> tables() {
        return state.tables().values().stream().map(TableState::definition).toList();
    }

    @Override
    public Optional<TableSnapshot> table(String schema, String name) {
        String key = CatalogState.key(Identifiers.normalize(schema), Identifiers.normalize(name));
        TableState table = state.tables().get(key);
        if (table == null) {
            return Optional.empty();
        }
        return Optional.of(tableSnapshots.computeIfAbsent(key,
                k -> new StoredTableSnapshot(table.definition(), table.manifest(), store, this, table.statistics(),
                        table.rowsChangedSinceAnalyze())));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.copyOf(state.views().values());
    }

    @Override
    public Optional<ViewDefinition> view(String schema, String name) {
        return Optional.ofNullable(state.views().get(CatalogState.key(Identifiers.normalize(schema), Identifiers.normalize(name))));
    }

    @Override
    public String toString() {
        return "catalog version " + state.version();
    }
}
