package io.cepheid.storage.catalog;

import io.cepheid.storage.format.CatalogDocument;
import io.cepheid.storage.table.TableManifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One catalog version in memory: schemas, and tables and views keyed by lower-case {@code schema.name}
 * (one name space, as PostgreSQL's pg_class), plus the
 * catalog file it was read from or written to (null for the empty version 0 of a new warehouse).
 */
record CatalogState(long version, int sliceCount, String catalogFile, SortedSet<String> schemas,
        Map<String, TableState> tables, Map<String, ViewDefinition> views) {
    static final String PUBLIC_SCHEMA = "public";

    CatalogState {
        schemas = Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        views = Collections.unmodifiableMap(new TreeMap<>(views));
    }

    static CatalogState empty(int sliceCount) {
        return new CatalogState(0, sliceCount, null, new TreeSet<>(Set.of(PUBLIC_SCHEMA)), Map.of(), Map.of());
    }

    static String key(String schema, String name) {
        return schema + "." + name;
    }

    /**
     * This version with {@code changedTables} (a null value drops the table), {@code changedViews} (likewise)
     * and {@code createdSchemas} applied. With {@code newVersion} the changed tables are stamped with it; without (a transaction's
     * private view) they stay unstamped.
     */
    CatalogState apply(Map<String, TableState> changedTables, Map<String, ViewDefinition> changedViews,
            Set<String> createdSchemas, long newVersion, boolean stamp) {
        SortedSet<String> newSchemas = new TreeSet<>(schemas);
        newSchemas.addAll(createdSchemas);
        Map<String, TableState> newTables = new LinkedHashMap<>(tables);
        changedTables.forEach((key, table) -> {
            if (table == null) {
                newTables.remove(key);
            } else {
                newTables.put(key, stamp ? table.stamped(newVersion) : table);
            }
        });
        Map<String, ViewDefinition> newViews = new LinkedHashMap<>(views);
        changedViews.forEach((key, view) -> {
            if (view == null) {
                newViews.remove(key);
            } else {
                newViews.put(key, view);
            }
        });
        return new CatalogState(newVersion, sliceCount, null, newSchemas, newTables, newViews);
    }

    CatalogState withCatalogFile(String file) {
        return new CatalogState(version, sliceCount, file, schemas, tables, views);
    }

    CatalogDocument toDocument() {
        List<CatalogDocument.TableEntry> entries = new ArrayList<>(tables.size());
        for (TableState table : tables.values()) {
            if (table.manifestFile() == null) {
                throw new IllegalStateException("table " + table.key() + " has no written manifest");
            }
            entries.add(new CatalogDocument.TableEntry(table.definition(), table.manifestFile(), table.changedVersion(),
                    table.statistics(), table.rowsChangedSinceAnalyze()));
        }
        return new CatalogDocument(version, sliceCount, List.copyOf(schemas), entries, List.copyOf(views.values()));
    }

    /** Every file this version needs: its catalog file, the manifests and their row groups. */
    Set<String> referencedFiles() {
        Set<String> files = new HashSet<>();
        if (catalogFile != null) {
            files.add(catalogFile);
        }
        for (TableState table : tables.values()) {
            if (table.manifestFile() != null) {
                files.add(table.manifestFile());
            }
            TableManifest manifest = table.manifest();
            files.addAll(manifest.files());
        }
        return files;
    }
}
