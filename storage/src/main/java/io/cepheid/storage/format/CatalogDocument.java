package io.cepheid.storage.format;

import io.cepheid.storage.catalog.TableDefinition;

import java.util.List;

/**
 * The content of one catalog version file: the slice count the warehouse was created with, the schemas,
 * and per table its definition, the manifest file of its data and the version that last changed it.
 */
public record CatalogDocument(long version, int sliceCount, List<String> schemas, List<TableEntry> tables) {
    public CatalogDocument {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
    }

    /** One table of a catalog version. */
    public record TableEntry(TableDefinition definition, String manifestFile, long changedVersion) {
    }
}
