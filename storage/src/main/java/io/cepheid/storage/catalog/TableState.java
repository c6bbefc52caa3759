package io.cepheid.storage.catalog;

import io.cepheid.storage.table.TableManifest;

/**
 * One table inside a catalog version: its definition, its data manifest, the manifest's file name (null
 * until committed), the catalog version that last changed it (what commits compare to detect a conflicting
 * concurrent change), its ANALYZE statistics (null while never analyzed) and the rows inserted or deleted
 * since that ANALYZE (since creation while never analyzed), which svv_table_info's stats_off reports.
 */
record TableState(TableDefinition definition, TableManifest manifest, String manifestFile, long changedVersion,
        TableStatistics statistics, long rowsChangedSinceAnalyze) {
    /** Not yet committed: the changed version is assigned at commit. */
    static final long UNCOMMITTED = -1;

    /** A new, empty table. */
    TableState(TableDefinition definition, TableManifest manifest) {
        this(definition, manifest, null, UNCOMMITTED, null, 0);
    }

    String key() {
        return CatalogState.key(definition.schema(), definition.name());
    }

    /** The table with new data; the rows that differ between the two manifests count as changed. */
    TableState withManifest(TableManifest newManifest) {
        return new TableState(definition, newManifest, null, UNCOMMITTED, statistics,
                rowsChangedSinceAnalyze + newManifest.rowsChangedFrom(manifest));
    }

    /**
     * The table with the same live rows stored anew (VACUUM): nothing changes for the statistics, since the
     * rows it drops were counted when they were deleted.
     */
    TableState withRewrittenManifest(TableManifest newManifest) {
        return new TableState(definition, newManifest, null, UNCOMMITTED, statistics, rowsChangedSinceAnalyze);
    }

    /** The table under a new definition with the same stored columns; statistics follow renamed columns. */
    TableState withDefinition(TableDefinition newDefinition) {
        return new TableState(newDefinition, manifest, null, UNCOMMITTED,
                statistics == null ? null : statistics.forRedefinedTable(definition, newDefinition), rowsChangedSinceAnalyze);
    }

    /** The table with new statistics, and {@code rowsChanged} rows changed since they were gathered. */
    TableState withStatistics(TableStatistics newStatistics, long rowsChanged) {
        return new TableState(definition, manifest, null, UNCOMMITTED, newStatistics, rowsChanged);
    }

    /** The table with its manifest written to {@code file}, ready to commit. */
    TableState withManifestFile(String file) {
        return new TableState(definition, manifest, file, UNCOMMITTED, statistics, rowsChangedSinceAnalyze);
    }

    TableState stamped(long version) {
        return new TableState(definition, manifest, manifestFile, version, statistics, rowsChangedSinceAnalyze);
    }
}
