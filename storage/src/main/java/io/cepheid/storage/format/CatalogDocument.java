package io.cepheid.storage.format;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import io.cepheid.storage.catalog.ViewDefinition;

import java.util.List;

/**
 * The content of one catalog version file: the slice count the warehouse was created with, the schemas,
 * per table its definition, the manifest file of its data, the version that last changed it and its ANALYZE
 * statistics, and the views.
 */
public record CatalogDocument(long version, int sliceCount, List<String> schemas, List<TableEntry> tables,
        List<ViewDefinition> views) {
    public CatalogDocument {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
    }

    /**
     * One table of a catalog version; {@code statistics} is null while the table was never analyzed, and
     * {@code rowsChangedSinceAnalyze} counts rows inserted or deleted since (since creation before that).
     */
    public record TableEntry(TableDefinition definition, String manifestFile, long changedVersion,
            TableStatistics statistics, long rowsChangedSinceAnalyze) {
    }
}
