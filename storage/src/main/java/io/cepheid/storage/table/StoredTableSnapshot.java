package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link TableSnapshot} read from a manifest: one table as of one catalog version. */
public final class StoredTableSnapshot implements TableSnapshot {
    private final TableDefinition definition;
    private final TableManifest manifest;
    private final List<List<RowGroup>> slices;
    private final TableStatistics statistics;
    private final long rowsChangedSinceAnalyze;

    /**
     * {@code pinnedOwner} (the catalog snapshot) stays reachable while this table or its row groups are;
     * {@code statistics} is null while the table was never analyzed.
     */
    public StoredTableSnapshot(TableDefinition definition, TableManifest manifest, FileStore store, Object pinnedOwner,
            TableStatistics statistics, long rowsChangedSinceAnalyze) {
        this.definition = definition;
        this.manifest = manifest;
        this.statistics = statistics;
        this.rowsChangedSinceAnalyze = rowsChangedSinceAnalyze;
        List<SqlType> types = definition.columns().stream().map(ColumnDefinition::type).toList();
        List<List<RowGroup>> built = new ArrayList<>(manifest.sliceCount());
        for (List<RowGroupRef> slice : manifest.slices()) {
            List<RowGroup> rowGroups = new ArrayList<>(slice.size());
            for (RowGroupRef ref : slice) {
                rowGroups.add(new StoredRowGroup(store, ref, types, pinnedOwner));
            }
            built.add(List.copyOf(rowGroups));
        }
        this.slices = List.copyOf(built);
    }

    @Override
    public TableDefinition definition() {
        return definition;
    }

    public TableManifest manifest() {
        return manifest;
    }

    @Override
    public int sliceCount() {
        return slices.size();
    }

    /** For a replicated table, slice 0 holds the whole table and the other slices are empty. */
    @Override
    public List<RowGroup> rowGroups(int slice) {
        return slices.get(slice);
    }

    @Override
    public long rowCount() {
        return manifest.rowCount();
    }

    @Override
    public Optional<TableStatistics> statistics() {
        return Optional.ofNullable(statistics);
    }

    @Override
    public long rowsChangedSinceAnalyze() {
        return rowsChangedSinceAnalyze;
    }

    @Override
    public boolean replicated() {
        return manifest.replicated();
    }

    @Override
    public DistStyle storedDistStyle() {
        return manifest.layout();
    }
}
