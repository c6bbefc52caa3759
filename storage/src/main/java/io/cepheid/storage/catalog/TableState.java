package io.cepheid.storage.catalog;

import io.cepheid.storage.table.TableManifest;

/**
 * One table inside a catalog version: its definition, its data manifest, the manifest's file name (null
 * until committed) and the catalog version that last changed it, which is what commits compare to detect
 * a conflicting concurrent change.
 */
record TableState(TableDefinition definition, TableManifest manifest, String manifestFile, long changedVersion) {
    /** Not yet committed: the changed version is assigned at commit. */
    static final long UNCOMMITTED = -1;

    String key() {
        return CatalogState.key(definition.schema(), definition.name());
    }

    TableState withManifest(TableManifest newManifest) {
        return new TableState(definition, newManifest, null, UNCOMMITTED);
    }
}
