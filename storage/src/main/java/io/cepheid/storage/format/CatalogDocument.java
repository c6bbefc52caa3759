package io.cepheid.storage.format;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.ViewDefinition;

import java.util.List;

/**
 * The content of one catalog version file: the slice count the warehouse was created with, the schemas,
 * per table its definition, the manifest file of its data and the version that last changed it, and the views.
 */
public record CatalogDocument(long version, int sliceCount, List<String> schemas, List<TableEntry> tables,
        List<ViewDefinition> views) {
    public CatalogDocument {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
    }

    /** One table of a catalog version. */
    public record TableEntry(TableDefinition definition, String manifestFile, long changedVersion) {
    }
}
